import type { PlayerView } from '../../shared/protocol.ts';
import type { Scenario } from '../../shared/scenario/schema.ts';
import { local, t } from '../i18n/index.ts';
import type { Table, TableModel } from '../net/connection.ts';
import { copyButton } from '../panels/copy-link.ts';
import { fill, h } from '../ui/element.ts';
import { occupantName, occupantNode, seatWithRole } from '../ui/names.ts';
import { EXTEND_SECONDS } from '../ui/timer-length.ts';
import { joinLinkFor } from './landing.ts';
import type { Screen } from './screen.ts';
import { tableScreen } from './table.ts';
import '../styles/practice.css';

/** Tables this tab has already sat at: a reload mid-game goes straight back to the table. */
const SEEN_KEY = 'border-bargain:seen-tables';

function seenTables(): Set<string> {
  try {
    return new Set(JSON.parse(globalThis.sessionStorage?.getItem(SEEN_KEY) ?? '[]') as string[]);
  } catch {
    return new Set();
  }
}

function markSeen(gameId: string): void {
  const seen = seenTables();
  if (seen.has(gameId)) return;
  seen.add(gameId);
  try {
    globalThis.sessionStorage?.setItem(SEEN_KEY, JSON.stringify([...seen]));
  } catch {
    // Without storage, a reload shows the catch-up once more: harmless.
  }
}

/** A table that is past its first briefing: someone arriving now has missed what was read and said. */
function underWay(view: PlayerView): boolean {
  return view.state.phase !== 'ended' && (view.state.round > 1 || view.state.phase !== 'briefing');
}

/**
 * A seat at a game, from before it begins to its end. While seats are still empty the
 * waiting room shows who is here, the link to pass on and the seat's briefing (no clock
 * runs). A student arriving at a table already under way first reads the seat's briefing
 * and this round's news, then goes to the table. At a practice game a bar above the table
 * holds the clock or lets it run.
 */
export function seatedScreen(table: Table, scenario: Scenario, arrival: string | null = null): Screen {
  const game = tableScreen(table, scenario);
  // What happened to this student's seat: moved here (`arrival`), or handed to a bot and back.
  const notice = h('p', { class: 'seat-notice', attrs: { role: 'status', hidden: arrival === null } }, arrival ?? '');
  let botHeld: boolean | null = null;
  const waiting = h('section', { class: 'card waiting-room narrow', attrs: { 'aria-labelledby': 'waiting-h', hidden: true } });
  const catchUp = h('section', { class: 'card catch-up narrow', attrs: { 'aria-labelledby': 'catchup-h', hidden: true } });
  const practiceState = h('p', { class: 'practice-state', attrs: { role: 'status' } });
  const practiceToggle = h('button', { class: 'secondary', attrs: { type: 'button' } });
  const practiceExtend = h('button', { class: 'secondary', text: t('practice.extend', { seconds: EXTEND_SECONDS }), attrs: { type: 'button' } });
  const practiceBar = h('div', { class: 'practice-bar', attrs: { hidden: true } }, practiceState, practiceToggle, practiceExtend);
  const el = h('div', { class: 'seated' }, notice, waiting, catchUp, practiceBar, game.el);
  /** null until the first view; then whether the student still has the catch-up to read. */
  let catchingUp: boolean | null = null;
  let waitingKey = '';

  practiceToggle.addEventListener('click', () => {
    const view = table.model().view;
    if (view) table.holdClock({ type: view.paused ? 'resume' : 'pause' });
  });
  practiceExtend.addEventListener('click', () => table.holdClock({ type: 'extend', seconds: EXTEND_SECONDS }));

  const briefingOf = (model: TableModel): HTMLElement | null => {
    const text = model.welcome ? local(model.welcome.briefing) : '';
    if (text === '') return null;
    return h('div', { class: 'briefing-text' }, ...text.split(/\n{2,}/).map((p) => h('p', { text: p })));
  };

  const showWaiting = (model: TableModel, view: PlayerView): void => {
    const key = JSON.stringify([view.occupants, view.lobby, model.welcome?.seat, model.status]);
    if (key === waitingKey) return;
    waitingKey = key;
    const empty = new Set(view.lobby?.empty ?? []);
    const seats = h(
      'ul',
      { class: 'waiting-seats', attrs: { 'aria-label': t('waiting.seats') } },
      ...scenario.seats.map((seat) => {
        const occupant = view.occupants[seat.id];
        const mine = seat.id === view.seat;
        const who: Node | string = empty.has(seat.id) || occupant === undefined ? t('waiting.empty') : mine ? t('waiting.you', { name: occupant.name }) : occupantNode(occupant.name);
        const presence = empty.has(seat.id) || occupant === undefined ? '' : ` · ${t(occupant.connected ? 'waiting.here' : 'waiting.away')}`;
        return h('li', { class: empty.has(seat.id) ? 'empty' : 'filled' }, h('strong', { text: seatWithRole(scenario, seat.id) }), ': ', who, presence);
      }),
    );
    const briefing = briefingOf(model);
    fill(
      waiting,
      h('h1', { id: 'waiting-h', text: t('waiting.heading') }),
      h('p', { class: 'muted', text: local(scenario.title) }),
      h('p', { text: t('waiting.intro') }),
      h('div', { class: 'lobby-wait', attrs: { 'aria-hidden': 'true' } }, h('span'), h('span'), h('span')),
      seats,
      // A class's seats are given by the session: there is no link to pass on.
      view.selfPaced || empty.size === 0 ? null : copyButton(t('waiting.share'), joinLinkFor(view.gameId)),
      briefing === null ? null : h('details', { class: 'briefing', attrs: { open: true } }, h('summary', {}, h('h2', { text: t('waiting.briefing') })), briefing),
    );
  };

  const showCatchUp = (model: TableModel, view: PlayerView): void => {
    const { state } = view;
    const events = state.events.map((id) => scenario.events.find((e) => e.id === id)).filter((e) => e !== undefined);
    const briefing = briefingOf(model);
    const go = h('button', { class: 'primary', text: t('catchup.go'), attrs: { type: 'button' } });
    go.addEventListener('click', () => {
      catchingUp = false;
      render(table.model());
      game.el.querySelector<HTMLElement>('h1, h2, button')?.focus();
    });
    fill(
      catchUp,
      h('h1', { id: 'catchup-h', text: t('catchup.heading') }),
      h('p', { class: 'lead', text: t('catchup.where', { round: state.round, rounds: scenario.rounds.length, phase: t(`phase.${state.phase}`) }) }),
      h('h2', { text: t('catchup.events') }),
      events.length === 0
        ? h('p', { class: 'muted', text: t('catchup.noEvents') })
        : h('ul', { class: 'event-list' }, ...events.map((e) => h('li', { class: 'event' }, h('h3', { text: local(e.title) }), h('p', { text: local(e.text) })))),
      briefing === null ? null : h('details', { class: 'briefing', attrs: { open: true } }, h('summary', {}, h('h2', { text: t('catchup.briefing') })), briefing),
      h('div', { class: 'actions' }, go),
    );
    go.focus();
  };

  const showPracticeBar = (view: PlayerView): void => {
    practiceBar.hidden = !view.selfPaced || view.lobby !== null || view.state.phase === 'ended' || view.seat === null;
    if (practiceBar.hidden) return;
    practiceState.textContent = t(view.paused ? 'practice.held' : 'practice.running');
    practiceToggle.textContent = t(view.paused ? 'practice.resume' : 'practice.pause');
    // A held clock has no deadline to push back.
    practiceExtend.disabled = view.paused;
  };

  /** A seat the instructor hands to a bot (or back) changes hands under the student: say so. */
  const showSeatHolder = (view: PlayerView): void => {
    if (view.seat === null) return;
    const holder = view.occupants[view.seat]?.name ?? '';
    const held = holder.startsWith('bot:');
    if (botHeld !== null && held !== botHeld) {
      notice.textContent = held ? t('seat.toBot', { bot: occupantName(holder) }) : t('seat.back');
      notice.hidden = false;
    }
    botHeld = held;
  };

  function render(model: TableModel): void {
    const view = model.view;
    if (!view) return;
    showSeatHolder(view);
    const inLobby = view.lobby !== null;
    if (catchingUp === null) {
      // Decided once, on arrival: a table under way that this tab has not sat at yet.
      catchingUp = !inLobby && view.seat !== null && underWay(view) && !seenTables().has(view.gameId);
      if (catchingUp) showCatchUp(model, view);
    }
    if (inLobby) showWaiting(model, view);
    if (!catchingUp) markSeen(view.gameId);
    // A practice game begins as soon as its one player is here: no waiting room to flash by.
    waiting.hidden = !inLobby || view.selfPaced;
    catchUp.hidden = inLobby || catchingUp !== true;
    game.el.hidden = inLobby || catchingUp === true;
    showPracticeBar(view);
    if (catchingUp) practiceBar.hidden = true;
  }

  const unsubscribe = table.subscribe((model) => render(model));
  render(table.model());

  return {
    el,
    dispose: () => {
      unsubscribe();
      game.dispose();
    },
  };
}
