import { createScrubber, marksOf, seriesOf, type GameSeries, type ReviewData, type TimelineEntry, type TimelineMark } from '../../shared/review/index.ts';
import type { GameState } from '../../shared/rules/state.ts';
import type { Scenario } from '../../shared/scenario/schema.ts';
import { t } from '../i18n/index.ts';
import { fetchScenario, HttpError } from '../net/connection.ts';
import { bearerFor, fetchFrame, fetchReview } from '../net/review-api.ts';
import { heldSeat, holdSeat } from '../net/seat-store.ts';
import { createEvents } from '../panels/events.ts';
import { createIndicators } from '../panels/indicators.ts';
import { createMap } from '../panels/map.ts';
import { createResolution } from '../panels/resolution.ts';
import type { TableContext, TableFrame } from '../panels/table-context.ts';
import type { Charts } from '../review/charts.ts';
import { markTitle, phaseName } from '../review/entry-words.ts';
import { forkComparison } from '../review/fork-compare.ts';
import { createForkDialog } from '../review/fork-dialog.ts';
import { forksList } from '../review/forks-list.ts';
import { localFrames, remoteFrames, type FrameListener, type FrameSource } from '../review/frame-source.ts';
import { createLedgerPanel } from '../review/ledger-panel.ts';
import { reviewHeader, reviewLink, stepFromHash } from '../review/review-header.ts';
import { createScrubberBar } from '../review/scrubber-bar.ts';
import { createStepPanel } from '../review/step-panel.ts';
import { keysReachFrom, nearestDecision, placeInGame, roundStarts, stepForKey } from '../review/timeline-steps.ts';
import '../styles/review.css';
import type { Place } from '../ui/address.ts';
import { h } from '../ui/element.ts';
import { controlsFor } from '../ui/phase-controls.ts';
import { secretOf } from './classroom.ts';
import { tableDebriefScreen } from './debrief.ts';
import type { Screen } from './screen.ts';

type ReviewPlace = Extract<Place, { kind: 'review' }>;

/** Quiet time before the address keeps the step (a held arrow key would otherwise flood the history API). */
const KEEP_STEP_MS = 400;
/** Quiet time before the step is announced: holding a key announces where it stopped, not every step passed. */
const ANNOUNCE_MS = 700;

function lastSeq(entries: readonly TimelineEntry[]): number {
  return entries.reduce((max, e) => Math.max(max, e.seq), 0);
}

function problemText(error: unknown): string {
  if (error instanceof HttpError && error.status === 403) return t('review.forbidden');
  if (error instanceof HttpError && error.status === 404) return t('review.notFound');
  return t('review.failed', { message: error instanceof Error ? error.message : String(error) });
}

/** The final state of a game the reader has read: replayed here with the record, else its last frame from the server. */
async function finalState(scenario: Scenario, data: ReviewData, bearer: string | undefined): Promise<GameState> {
  if (data.record !== null) return createScrubber(scenario, data.record).stateAt(data.record.entries.length);
  return (await fetchFrame(data.gameId, lastSeq(data.timeline), bearer)).state;
}

/**
 * A game's replay: a scrubber along its record with every entry marked, the state at the
 * chosen step drawn with the table's own panels (map, indicators, round results), the
 * entry in words with its framework card, the commitment ledger, the charts, and for a
 * what-if the game it came from beside it. `#step=N` opens it at a step.
 */
export function reviewScreen(place: ReviewPlace, go: (place: Place) => void): Screen {
  if (place.debrief) return tableDebriefScreen(place, go);
  // Read before secretOf wipes the fragment that carried the secret.
  const askedStep = stepFromHash(window.location.hash);
  const secret = place.sessionId === null ? null : secretOf({ ...place, sessionId: place.sessionId });
  // The secret is gone from the address bar; the step it named stays.
  if (place.secret !== null && askedStep !== null) window.history.replaceState(window.history.state, '', reviewLink(place.gameId, place.sessionId, askedStep));
  const bearer = secret ?? bearerFor(place.gameId, place.sessionId);
  const status = h('p', { class: 'muted', attrs: { role: 'status' }, text: t('common.loading') });
  const el = h('div', { class: 'review' }, status);
  const disposers: (() => void)[] = [];
  let disposed = false;

  fetchReview(place.gameId, bearer)
    .then(async (data) => ({ data, scenario: await fetchScenario(data.scenarioId) }))
    .then(({ data, scenario }) => {
      if (disposed) return;
      build(data, scenario);
    })
    .catch((error: unknown) => {
      if (disposed) return;
      status.classList.add('error');
      status.setAttribute('role', 'alert');
      status.textContent = problemText(error);
    });

  function build(data: ReviewData, scenario: Scenario): void {
    const steps = data.record?.entries.length ?? lastSeq(data.timeline);
    const marks = marksOf(data.timeline, data.cards);
    const entryAt = new Map(data.timeline.map((e) => [e.seq, e]));
    const markAt = new Map<number, TimelineMark>(marks.map((m) => [m.step, m]));
    const starts = roundStarts(data.timeline);
    const occupants = Object.fromEntries(Object.entries(data.occupants).map(([seat, name]) => [seat, { name, connected: false }]));
    const ctx: TableContext = {
      scenario,
      seat: data.access === 'seat' ? data.seat : null,
      // A replay plays nothing: the panels' intents go nowhere.
      send: () => undefined,
      version: () => 0,
      notify: () => undefined,
    };
    let wanted = Math.min(askedStep ?? steps, steps);
    let shown: { step: number; state: GameState } | null = null;

    const where = (step: number, state: GameState | null): string => {
      const at = state === null ? placeInGame(data.timeline, step) : { round: state.round, phase: state.phase };
      const phase = step === steps && data.finished ? 'ended' : (at?.phase ?? 'briefing');
      const position = t('timeline.valueText', { step, steps, round: at?.round ?? 1, total: scenario.rounds.length, phase: phaseName(phase) });
      const mark = markAt.get(step);
      return mark === undefined ? position : `${position} · ${markTitle(scenario, mark)}`;
    };

    // The what-if: any seat for a finished game or the instructor, one's own seat while playing.
    const choosable = data.access === 'full' ? scenario.seats.map((s) => s.id) : data.seat === null ? [] : [data.seat];
    const ownName = data.seat === null ? '' : (data.occupants[data.seat] ?? '');
    const fork = createForkDialog({
      scenario,
      gameId: data.gameId,
      occupants: data.occupants,
      choosable,
      defaultName: heldSeat(data.gameId)?.name ?? (ownName.startsWith('bot:') ? '' : ownName),
      bearer,
      onJoin: (created, name) => {
        holdSeat({ gameId: created.gameId, seat: created.seat, seatToken: created.seatToken, name });
        go({ kind: 'game', gameId: created.gameId });
      },
    });
    disposers.push(fork.dispose);
    const forkButton = h('button', {
      class: 'primary fork-open',
      text: t('fork.open'),
      attrs: { type: 'button', 'aria-haspopup': 'dialog' },
      on: { click: () => shown !== null && fork.open(shown.step, shown.state.round) },
    });
    forkButton.hidden = true;
    const actions = h('div', { class: 'step-actions' }, choosable.length === 0 ? null : forkButton, fork.el);

    const bar = createScrubberBar({
      scenario,
      marks,
      steps,
      forkStep: data.parent?.step ?? null,
      onChoose: (step) => choose(step),
      decisionFrom: (step, dir) => nearestDecision(marks, step, dir),
    });
    const stepPanel = createStepPanel(scenario, data.cards, actions);
    const map = createMap(ctx);
    disposers.push(map.dispose);
    const indicators = createIndicators(ctx);
    const events = createEvents(ctx);
    const resolution = createResolution(ctx);
    const ledger = createLedgerPanel(scenario, (step) => choose(step));
    const problem = h('p', { class: 'error', attrs: { role: 'alert' } });
    const announce = h('p', { class: 'visually-hidden', attrs: { 'aria-live': 'polite' } });
    const chartsHost = h('section', { class: 'card review-charts', attrs: { 'aria-labelledby': 'charts-h' } }, h('h2', { id: 'charts-h', text: t('review.charts') }));
    const compareHost = h('div', { class: 'compare-host' });
    const main = h('div', { class: 'col-main' }, stepPanel.el, map.el, resolution.el);
    const side = h('aside', { class: 'col-side', attrs: { 'aria-label': t('indicators.heading') } }, indicators.el, events.el);
    el.replaceChildren(
      reviewHeader(scenario, data, place.sessionId),
      bar.el,
      problem,
      announce,
      h('div', { class: 'table-grid review-grid' }, main, side),
      ledger.el,
      compareHost,
      chartsHost,
      forksList(scenario, data.forks, place.sessionId),
    );

    // chart.js loads on its own, after the first frame: the replay does not wait for it.
    let charts: Promise<Charts> | null = null;
    let chartedRounds = -1;
    // A what-if's charts carry the original's lines too, once it has been read.
    let compare: { label: string; series: GameSeries } | undefined;
    let charted: GameState | null = null;
    const chartFrom = async (state: GameState): Promise<void> => {
      charted = state;
      charts ??= import('../review/charts.ts').then(({ createCharts }) => {
        const made = createCharts(scenario);
        // The page may have been left while chart.js loaded.
        if (disposed) made.dispose();
        else disposers.push(made.dispose);
        chartsHost.append(made.el);
        return made;
      });
      const made = await charts;
      if (!disposed) made.update(seriesOf(scenario, state), compare);
    };
    const chartFailed = (error: unknown): void => {
      if (!disposed) chartsHost.append(h('p', { class: 'error', attrs: { role: 'alert' }, text: problemText(error) }));
    };

    const render = (step: number, state: GameState): void => {
      shown = { step, state };
      el.dataset.shownStep = String(step);
      main.classList.remove('waiting');
      problem.textContent = '';
      const frame: TableFrame = {
        view: { gameId: data.gameId, seat: ctx.seat, state, deadline: null, paused: false, occupants, lobby: null, selfPaced: false },
        state,
        controls: controlsFor(state, null),
        status: 'online',
        clockOffset: 0,
      };
      const text = where(step, state);
      bar.show(step, text);
      stepPanel.update(step, entryAt.get(step) ?? null, markAt.get(step) ?? null, state, text);
      map.update(frame);
      indicators.update(frame);
      events.update(frame);
      resolution.update(frame);
      ledger.update(data.ledger, step);
      forkButton.hidden = state.phase === 'ended';
      // A seat's charts grow with what it has seen; the whole game's are drawn once.
      if (data.record === null && state.history.length !== chartedRounds) {
        chartedRounds = state.history.length;
        chartFrom(state).catch(chartFailed);
      }
    };

    const listener: FrameListener = {
      frame: (step, state) => render(step, state),
      waiting: () => main.classList.add('waiting'),
      failed: (step, error) => {
        main.classList.remove('waiting');
        problem.textContent = t('review.frameFailed', { step, message: error instanceof Error ? error.message : String(error) });
      },
    };
    const scrubber = data.record === null ? null : createScrubber(scenario, data.record);
    const source: FrameSource =
      scrubber !== null ? localFrames(scrubber, listener) : remoteFrames(steps, async (step) => (await fetchFrame(data.gameId, step, bearer)).state, listener);
    disposers.push(source.dispose);

    let keepTimer: ReturnType<typeof setTimeout> | null = null;
    const keepStep = (): void => {
      keepTimer = null;
      window.history.replaceState(window.history.state, '', reviewLink(place.gameId, place.sessionId, wanted));
    };
    let announceTimer: ReturnType<typeof setTimeout> | null = null;
    disposers.push(() => {
      if (keepTimer !== null) {
        clearTimeout(keepTimer);
        keepStep();
      }
      if (announceTimer !== null) clearTimeout(announceTimer);
    });

    function choose(step: number): void {
      wanted = Math.max(0, Math.min(steps, step));
      bar.show(wanted, where(wanted, null));
      source.want(wanted);
      if (keepTimer !== null) clearTimeout(keepTimer);
      keepTimer = setTimeout(keepStep, KEEP_STEP_MS);
      if (announceTimer !== null) clearTimeout(announceTimer);
      announceTimer = setTimeout(() => {
        announceTimer = null;
        // The range speaks its own value text; elsewhere the step is announced.
        if (document.activeElement !== bar.range) announce.textContent = where(wanted, shown?.step === wanted ? shown.state : null);
      }, ANNOUNCE_MS);
    }

    const onKey = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || document.querySelector('dialog[open]') !== null) return;
      const target = event.target instanceof Element ? event.target : null;
      const onRange = target === bar.range;
      if (!onRange && target !== null && !keysReachFrom(target)) return;
      // Up and down scroll the page unless the range itself has the focus.
      if (!onRange && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) return;
      const next = stepForKey(event.key, wanted, steps, starts);
      if (next === null) return;
      event.preventDefault();
      choose(next);
    };
    document.addEventListener('keydown', onKey);
    disposers.push(() => document.removeEventListener('keydown', onKey));

    bar.show(wanted, where(wanted, null));
    source.want(wanted);

    // The whole game's charts, and a what-if beside its original, once the first frame is up.
    const ownFinal = async (): Promise<GameState> => (scrubber !== null ? scrubber.stateAt(steps) : finalState(scenario, data, bearer));
    const afterFirstFrame = async (): Promise<void> => {
      if (data.parent === null) {
        if (scrubber !== null) await chartFrom(scrubber.stateAt(steps));
        return;
      }
      const parentBearer = place.sessionId === null ? bearerFor(data.parent.gameId, null) : bearer;
      const parent = await fetchReview(data.parent.gameId, parentBearer);
      const [original, mine] = await Promise.all([finalState(scenario, parent, parentBearer), ownFinal()]);
      if (disposed) return;
      compareHost.replaceChildren(forkComparison(scenario, original, mine));
      compare = { label: t('review.originalLabel'), series: seriesOf(scenario, original) };
      await chartFrom(scrubber !== null ? mine : (charted ?? mine));
    };
    setTimeout(() => {
      afterFirstFrame().catch((error: unknown) => {
        if (disposed) return;
        compareHost.replaceChildren(h('p', { class: 'error card', attrs: { role: 'alert' }, text: problemText(error) }));
      });
    }, 0);
  }

  return {
    el,
    dispose: () => {
      disposed = true;
      for (const dispose of disposers) dispose();
    },
  };
}
