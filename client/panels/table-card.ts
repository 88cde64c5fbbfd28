import { BotPolicyId } from '../../shared/bots/policy.ts';
import { Phase } from '../../shared/rules/state.ts';
import { INDICATORS } from '../../shared/scenario/schema.ts';
import type { RosterEntry, TableSummary } from '../../shared/session.ts';
import { isMessageKey, locale, t } from '../i18n/index.ts';
import { serverClockOffset } from '../net/connection.ts';
import { fill, h, setDisabled, uid, type Child } from '../ui/element.ts';
import { formatCountdown, formatNumber, msUntil } from '../ui/format.ts';
import { seatName, sentenceWith, typed } from '../ui/names.ts';
import { setClass, setHidden, setText } from '../ui/quiet-dom.ts';
import { EXTEND_SECONDS } from '../ui/timer-length.ts';
import { bindControl, confirming, eventOptions, setOptions, situationIs, type DeskContext } from './desk-context.ts';
import { alertsKey, alertsOf, type Alert } from './table-alerts.ts';
import '../styles/compare.css';

/** The seat-control value that hands a seat back to its students. */
const STUDENTS = '';
/** How many of a table's latest decisions its card lists. */
const LATEST_SHOWN = 4;

/** One table on the instructor's board: its standing, alerts and controls, kept across live updates. */
export type Card = {
  el: HTMLElement;
  update(summary: TableSummary, names: ReadonlyMap<string, string>, roster: readonly RosterEntry[]): void;
  tick(now: number): void;
  alerts(): number;
};

function alertText(ctx: DeskContext, alert: Alert): Child[] {
  switch (alert.kind) {
    case 'waiting-on-one':
      return [t('dash.alert.waitingOnOne', { seat: seatName(ctx.scenario, alert.seat) })];
    case 'idle':
      return [t('dash.alert.idle', { seat: seatName(ctx.scenario, alert.seat), minutes: Math.floor(alert.seconds / 60) })];
    case 'disconnected':
      return sentenceWith((m) => t('dash.alert.disconnected', { ...m, seat: seatName(ctx.scenario, alert.seat) }), { name: alert.name });
    case 'timer-out':
      return [t('dash.alert.timerOut')];
  }
}

function moveName(moveType: string): string {
  const key = `cards.move.${moveType}`;
  return isMessageKey(key) ? t(key) : moveType;
}

/** One seat's indicators and score: small labelled bars, rewritten only when a number moves. */
function seatStanding(ctx: DeskContext, seatId: string): { el: HTMLElement; update(summary: TableSummary): void } {
  const name = seatName(ctx.scenario, seatId);
  const bars = INDICATORS.map((indicator) => {
    const fillBar = h('span', { class: 'ind-fill' });
    const value = h('span', { class: 'ind-value' });
    const el = h(
      'span',
      { class: 'ind', attrs: { title: t(`indicator.${indicator}`) } },
      h('span', { class: 'ind-name', attrs: { 'aria-hidden': 'true' }, text: t(`dash.ind.${indicator}`) }),
      h('span', { class: 'visually-hidden', text: t(`indicator.${indicator}`) }),
      h('span', { class: 'ind-bar', attrs: { 'aria-hidden': 'true' } }, fillBar),
      value,
    );
    return { indicator, el, fillBar, value, last: Number.NaN };
  });
  const score = h('span', { class: 'seat-score-value' });
  const scoreEl = h('span', { class: 'seat-score' }, h('span', { class: 'seat-score-name', text: t('dash.score') }), score);
  const el = h('div', { class: 'seat-standing', attrs: { role: 'group', 'aria-label': t('dash.indicators', { seat: name }) } }, h('span', { class: 'inds' }, ...bars.map((b) => b.el)), scoreEl);
  return {
    el,
    update(summary) {
      const indicators = summary.indicators[seatId];
      setHidden(el, indicators === undefined);
      if (indicators === undefined) return;
      for (const bar of bars) {
        const v = indicators[bar.indicator];
        if (v === bar.last) continue;
        bar.last = v;
        bar.fillBar.style.width = `${Math.max(0, Math.min(100, v))}%`;
        bar.value.textContent = formatNumber(locale(), v);
      }
      const s = summary.scores[seatId];
      setText(score, s === undefined ? '—' : formatNumber(locale(), s, 1));
    },
  };
}

export function tableCard(ctx: DeskContext, table: string, replayHref: (gameId: string) => string): Card {
  const { scenario } = ctx;
  const headingId = uid('table-h');
  const label = t('board.table', { table });
  const round = h('span', { class: 'board-round' });
  const phase = h('span', { class: 'phase-badge' });
  const paused = h('span', { class: 'badge badge-paused', text: t('board.paused'), attrs: { hidden: true } });
  const clock = h('time', { class: 'board-clock' });
  const status = h('p', { class: 'form-status', attrs: { role: 'alert' } });
  const alertCountText = h('span', { attrs: { 'aria-hidden': 'true' } });
  const alertCountWords = h('span', { class: 'visually-hidden' });
  const alertCount = h('span', { class: 'badge badge-alerts', attrs: { hidden: true } }, h('span', { class: 'alert-icon', attrs: { 'aria-hidden': 'true' }, text: '!' }), alertCountText, alertCountWords);
  const alertList = h('ul', { class: 'board-alerts-list' });
  const alertBox = h('div', { class: 'board-alerts', attrs: { role: 'status', 'aria-label': t('dash.alerts', { table }) } }, alertList);

  const pause = h('button', { attrs: { type: 'button' } });
  const extend = h('button', { text: t('board.extend', { seconds: EXTEND_SECONDS }), attrs: { type: 'button' } });
  const advance = h('button', { text: t('board.advance'), attrs: { type: 'button' } });
  const eventSelect = h('select', {});
  eventSelect.id = uid('event');
  const inject = h('button', { text: t('board.inject'), attrs: { type: 'button' } });
  const endButton = h('button', { class: 'danger-outline', text: t('board.end'), attrs: { type: 'button' } });
  const end = confirming(endButton, t('board.endConfirm', { table }), t('board.endYes'));
  const watch = h('a', { class: 'watch-link', text: t('board.watch'), attrs: { target: '_blank', rel: 'noopener', 'aria-label': t('board.watchLabel', { table }) } });
  const replay = h('a', { class: 'replay-link', text: t('dash.replay'), attrs: { target: '_blank', rel: 'noopener', 'aria-label': t('dash.replayLabel', { table }) } });

  let summary: TableSummary | null = null;
  let roster: readonly RosterEntry[] = [];
  let alerts: Alert[] = [];
  let shownAlerts = '';
  let latestKey = '';
  let holdersKey = '';
  // When this page first saw the table in its current phase, on the server's clock.
  let phaseKey = '';
  let phaseSince: number | null = null;

  bindControl(pause, status, () => (summary === null ? null : { type: summary.paused ? 'resume' : 'pause', table }), ctx);
  bindControl(extend, status, () => ({ type: 'extend', table, seconds: EXTEND_SECONDS }), ctx);
  bindControl(advance, status, () => ({ type: 'advance', table }), ctx);
  bindControl(inject, status, () => (eventSelect.value === '' ? null : { type: 'inject', table, eventId: eventSelect.value }), ctx);
  bindControl(end.confirm, status, () => ({ type: 'end', table }), ctx);
  setOptions(eventSelect, eventOptions(scenario));
  inject.disabled = scenario.events.length === 0;

  // One row per seat: who holds it, how it stands, and a switch between the students and a bot.
  const seats = scenario.seats.map((seat) => {
    const holders = h('span', { class: 'seat-holders' });
    const standing = seatStanding(ctx, seat.id);
    const choice = h('select', { attrs: { 'aria-label': t('board.seatControl', { seat: seatName(scenario, seat.id), table }) } });
    setOptions(choice, [{ value: STUDENTS, label: t('board.students') }, ...BotPolicyId.options.map((p) => ({ value: p, label: t('board.botNamed', { policy: t(`bot.${p}`) }) }))]);
    const apply = h('button', { text: t('board.apply'), attrs: { type: 'button', 'aria-label': t('board.applyLabel', { seat: seatName(scenario, seat.id), table }) } });
    bindControl(apply, status, () => {
      const policy = BotPolicyId.safeParse(choice.value);
      return { type: 'seat-bot', table, seat: seat.id, policy: policy.success ? policy.data : null };
    }, ctx);
    const row = h(
      'li',
      { class: 'board-seat' },
      h('span', { class: 'seat-dot', attrs: { style: `background:${seat.color ?? '#64748b'}`, 'aria-hidden': 'true' } }),
      h('span', { class: 'board-seat-name', text: seatName(scenario, seat.id) }),
      holders,
      h('span', { class: 'seat-switch' }, choice, apply),
      standing.el,
    );
    return { id: seat.id, holders, standing, choice, apply, row, lastBot: undefined as string | null | undefined };
  });

  const latestList = h('ol', { class: 'board-latest-list' });
  const latestNone = h('p', { class: 'muted board-latest-none', text: t('dash.latestNone') });
  const latestHeadingId = uid('latest-h');
  const latest = h('div', { class: 'board-latest' }, h('h4', { id: latestHeadingId, text: t('dash.latest') }), latestNone, latestList);
  latestList.setAttribute('aria-labelledby', latestHeadingId);

  const injectBox = h('span', { class: 'inject' }, h('label', { class: 'visually-hidden', attrs: { for: eventSelect.id }, text: t('board.eventLabel', { table }) }), eventSelect, inject);
  const el = h(
    'section',
    { class: 'card board-table', attrs: { 'aria-labelledby': headingId } },
    // The count sits beside the heading, not in it: the card's name stays "Table 3" as alerts come and go.
    h('div', { class: 'board-head' }, h('div', { class: 'board-title' }, h('h3', { id: headingId, text: label }), alertCount), h('p', { class: 'board-facts' }, round, phase, paused, clock)),
    alertBox,
    h('ul', { class: 'board-seats', attrs: { 'aria-label': t('board.seats') } }, ...seats.map((s) => s.row)),
    latest,
    h(
      'div',
      { class: 'actions board-actions' },
      pause,
      extend,
      advance,
      injectBox,
      end.el,
      h('span', { class: 'board-links' }, watch, replay),
    ),
    status,
  );

  const showAlerts = (now: number): void => {
    if (summary === null) return;
    alerts = alertsOf(summary, roster, now, serverClockOffset(), phaseSince);
    const key = alertsKey(alerts);
    if (key === shownAlerts) return;
    shownAlerts = key;
    fill(alertList, ...alerts.map((alert) => h('li', { class: `board-alert alert-${alert.kind}` }, ...alertText(ctx, alert))));
    setHidden(alertBox, alerts.length === 0);
    setHidden(alertCount, alerts.length === 0);
    setText(alertCountText, String(alerts.length));
    setText(alertCountWords, t('dash.alertCount', { count: alerts.length }));
    setClass(el, 'needs-attention', alerts.length > 0);
  };
  alertBox.hidden = true;

  const tick = (now: number): void => {
    if (summary === null) return;
    // A paused table has no deadline: the badge says it, the clock stays quiet.
    const text = summary.paused ? '' : summary.deadline === null ? (summary.phase === 'ended' ? '' : t('header.noDeadline')) : formatCountdown(msUntil(summary.deadline, now, serverClockOffset()));
    setText(clock, text);
    showAlerts(now);
  };

  const showLatest = (next: TableSummary): void => {
    const shown = next.latest.slice(-LATEST_SHOWN).reverse();
    const key = shown.map((d) => `${d.seq}:${d.label ?? ''}`).join(',');
    if (key === latestKey) return;
    latestKey = key;
    setHidden(latestNone, shown.length > 0);
    fill(
      latestList,
      ...shown.map((d) =>
        h(
          'li',
          { class: 'board-decision' },
          h('span', { class: 'board-decision-what', text: `${t('dash.latestRound', { round: d.round })} · ${seatName(scenario, d.seat)} · ${moveName(d.moveType)}` }),
          d.label === null ? h('span', { class: 'dash-label label-pending', text: t('dash.unscored') }) : h('span', { class: `dash-label label-${d.label}`, text: t(`label.${d.label}`) }),
        ),
      ),
    );
  };

  return {
    el,
    tick,
    alerts: () => alerts.length,
    update(next, names, here) {
      summary = next;
      roster = here;
      const now = Date.now();
      const nextPhaseKey = `${next.round}:${next.phase}`;
      if (nextPhaseKey !== phaseKey) {
        phaseKey = nextPhaseKey;
        phaseSince = now + serverClockOffset();
      }
      const known = Phase.safeParse(next.phase);
      setText(round, t('board.round', { round: next.round, total: scenario.rounds.length }));
      setText(phase, known.success ? t(`phase.${known.data}`) : next.phase);
      if (phase.dataset.phase !== next.phase) phase.dataset.phase = next.phase;
      setHidden(paused, !next.paused);
      setClass(el, 'paused', next.paused);
      setText(pause, t(next.paused ? 'board.resume' : 'board.pause'));
      const over = next.phase === 'ended';
      // A finished table can still be watched and replayed; nothing else changes it.
      for (const control of [pause, extend, advance, eventSelect, endButton]) setDisabled(control, over);
      // Nothing is left to steer at a finished table: its controls go, Watch and Replay stay.
      for (const control of [pause, extend, advance, injectBox, end.el]) setHidden(control, over);
      // An event already in play this round is listed but not offered.
      setOptions(eventSelect, eventOptions(scenario, [next]));
      setDisabled(inject, over || eventSelect.value === '');
      for (const seat of seats) {
        setDisabled(seat.choice, over);
        setDisabled(seat.apply, over);
        setHidden(seat.choice, over);
        setHidden(seat.apply, over);
      }
      const watchHref = ctx.watchHref(next.gameId);
      if (watch.getAttribute('href') !== watchHref) watch.setAttribute('href', watchHref);
      const replayTo = replayHref(next.gameId);
      if (replay.getAttribute('href') !== replayTo) replay.setAttribute('href', replayTo);

      const nextHolders = seats.map((seat) => {
        const holder = next.seats[seat.id];
        return `${(holder?.students ?? []).map((id) => names.get(id) ?? id).join('\u0001')}|${holder?.bot ?? ''}`;
      }).join('\u0002');
      const holdersChanged = nextHolders !== holdersKey;
      holdersKey = nextHolders;
      // A refusal describes the table as it was: once it has moved on, the error is gone.
      situationIs(status, `${nextPhaseKey}:${next.paused}:${next.events.join(',')}:${nextHolders}`);
      for (const seat of seats) {
        const holder = next.seats[seat.id];
        if (holdersChanged) {
          const parts: Child[] = (holder?.students ?? []).map((id) => typed(names.get(id) ?? id));
          if (holder?.bot) parts.push(t('board.botNamed', { policy: t(`bot.${holder.bot}`) }));
          fill(seat.holders, ...(parts.length === 0 ? [h('em', { text: t('board.emptySeat') })] : parts.flatMap((part, i) => (i === 0 ? [part] : [', ', part]))));
        }
        // The switch follows the server, unless the instructor is changing it right now.
        const bot = holder?.bot ?? null;
        if (seat.lastBot !== bot && document.activeElement !== seat.choice) seat.choice.value = bot ?? STUDENTS;
        seat.lastBot = bot;
        seat.standing.update(next);
      }
      showLatest(next);
      tick(now);
    },
  };
}
