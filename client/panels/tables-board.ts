import { BotPolicyId } from '../../shared/bots/policy.ts';
import { Phase } from '../../shared/rules/state.ts';
import type { SessionView, TableSummary } from '../../shared/session.ts';
import { t } from '../i18n/index.ts';
import { serverClockOffset } from '../net/connection.ts';
import { fill, h, uid } from '../ui/element.ts';
import { formatCountdown, msUntil } from '../ui/format.ts';
import { seatName } from '../ui/names.ts';
import { bindControl, confirming, eventOptions, setOptions, type DeskContext } from './desk-context.ts';

/** Seconds "+ time" adds to a table's phase. */
export const EXTEND_SECONDS = 60;
/** The seat-control value that hands a seat back to its students. */
const STUDENTS = '';

type Card = { el: HTMLElement; update(summary: TableSummary, names: ReadonlyMap<string, string>): void; tick(now: number): void };

/**
 * Every table of the class, live: where each game stands and who holds each seat, with the
 * controls for that one table. Cards are kept per table so a live update never drops
 * what the instructor was choosing in a select.
 */
export function createTablesBoard(ctx: DeskContext): { el: HTMLElement; update(view: SessionView): void; tick(): void } {
  const list = h('div', { class: 'board-list' });
  const empty = h('p', { class: 'muted', text: t('board.empty') });
  const el = h('section', { class: 'tables-board', attrs: { 'aria-labelledby': 'board-h' } }, h('h2', { id: 'board-h', text: t('board.heading') }), empty, list);
  const cards = new Map<string, Card>();

  return {
    el,
    update(view) {
      const names = new Map(view.roster.map((entry) => [entry.studentId, entry.name]));
      const seen = new Set<string>();
      for (const summary of view.tables) {
        seen.add(summary.table);
        let card = cards.get(summary.table);
        if (card === undefined) {
          card = tableCard(ctx, summary.table);
          cards.set(summary.table, card);
        }
        card.update(summary, names);
      }
      for (const [table, card] of cards) {
        if (!seen.has(table)) {
          card.el.remove();
          cards.delete(table);
        }
      }
      // Order follows the server's; append moves existing cards without rebuilding them.
      const ordered = view.tables.flatMap((summary) => cards.get(summary.table)?.el ?? []);
      if (ordered.some((node, i) => list.children[i] !== node)) list.append(...ordered);
      empty.hidden = view.tables.length > 0;
      empty.textContent = t(view.phase === 'lobby' ? 'board.empty' : 'board.none');
    },
    tick() {
      const now = Date.now();
      for (const card of cards.values()) card.tick(now);
    },
  };
}

function tableCard(ctx: DeskContext, table: string): Card {
  const { scenario } = ctx;
  const headingId = uid('table-h');
  const label = t('board.table', { table });
  const round = h('span', { class: 'board-round' });
  const phase = h('span', { class: 'phase-badge' });
  const paused = h('span', { class: 'badge badge-paused', text: t('board.paused'), attrs: { hidden: true } });
  const clock = h('time', { class: 'board-clock' });
  const status = h('p', { class: 'form-status', attrs: { role: 'alert' } });

  const pause = h('button', { attrs: { type: 'button' } });
  const extend = h('button', { text: t('board.extend', { seconds: EXTEND_SECONDS }), attrs: { type: 'button' } });
  const advance = h('button', { text: t('board.advance'), attrs: { type: 'button' } });
  const eventSelect = h('select', {});
  eventSelect.id = uid('event');
  const inject = h('button', { text: t('board.inject'), attrs: { type: 'button' } });
  const endButton = h('button', { class: 'danger-outline', text: t('board.end'), attrs: { type: 'button' } });
  const end = confirming(endButton, t('board.endConfirm', { table }), t('board.endYes'));
  const watch = h('a', { class: 'watch-link', text: t('board.watch'), attrs: { target: '_blank', rel: 'noopener', 'aria-label': t('board.watchLabel', { table }) } });

  let summary: TableSummary | null = null;
  bindControl(pause, status, () => (summary === null ? null : { type: summary.paused ? 'resume' : 'pause', table }), ctx);
  bindControl(extend, status, () => ({ type: 'extend', table, seconds: EXTEND_SECONDS }), ctx);
  bindControl(advance, status, () => ({ type: 'advance', table }), ctx);
  bindControl(inject, status, () => (eventSelect.value === '' ? null : { type: 'inject', table, eventId: eventSelect.value }), ctx);
  bindControl(end.confirm, status, () => ({ type: 'end', table }), ctx);
  setOptions(eventSelect, eventOptions(scenario));
  inject.disabled = scenario.events.length === 0;

  // One row per seat: who holds it, and a switch between the students and a bot.
  const seats = scenario.seats.map((seat) => {
    const holders = h('span', { class: 'seat-holders' });
    const choice = h('select', { attrs: { 'aria-label': t('board.seatControl', { seat: seatName(scenario, seat.id), table }) } });
    setOptions(choice, [{ value: STUDENTS, label: t('board.students') }, ...BotPolicyId.options.map((p) => ({ value: p, label: t('board.botNamed', { policy: t(`bot.${p}`) }) }))]);
    const apply = h('button', { text: t('board.apply'), attrs: { type: 'button', 'aria-label': t('board.applyLabel', { seat: seatName(scenario, seat.id), table }) } });
    bindControl(apply, status, () => {
      const policy = BotPolicyId.safeParse(choice.value);
      return { type: 'seat-bot', table, seat: seat.id, policy: policy.success ? policy.data : null };
    }, ctx);
    const row = h('li', { class: 'board-seat' }, h('span', { class: 'seat-dot', attrs: { style: `background:${seat.color ?? '#64748b'}`, 'aria-hidden': 'true' } }), h('span', { class: 'board-seat-name', text: seatName(scenario, seat.id) }), holders, h('span', { class: 'seat-switch' }, choice, apply));
    return { id: seat.id, holders, choice, apply, row, lastBot: undefined as string | null | undefined };
  });

  const el = h(
    'section',
    { class: 'card board-table', attrs: { 'aria-labelledby': headingId } },
    h('div', { class: 'board-head' }, h('h3', { id: headingId, text: label }), h('p', { class: 'board-facts' }, round, phase, paused, clock)),
    h('ul', { class: 'board-seats', attrs: { 'aria-label': t('board.seats') } }, ...seats.map((s) => s.row)),
    h(
      'div',
      { class: 'actions board-actions' },
      pause,
      extend,
      advance,
      h('span', { class: 'inject' }, h('label', { class: 'visually-hidden', attrs: { for: eventSelect.id }, text: t('board.eventLabel', { table }) }), eventSelect, inject),
      end.el,
      watch,
    ),
    status,
  );

  const tick = (now: number): void => {
    if (summary === null) return;
    // A paused table has no deadline: the badge says it, the clock stays quiet.
    const text = summary.paused ? '' : summary.deadline === null ? (summary.phase === 'ended' ? '' : t('header.noDeadline')) : formatCountdown(msUntil(summary.deadline, now, serverClockOffset()));
    if (clock.textContent !== text) clock.textContent = text;
  };

  return {
    el,
    tick,
    update(next, names) {
      summary = next;
      const known = Phase.safeParse(next.phase);
      round.textContent = t('board.round', { round: next.round, total: scenario.rounds.length });
      phase.textContent = known.success ? t(`phase.${known.data}`) : next.phase;
      phase.dataset.phase = next.phase;
      paused.hidden = !next.paused;
      el.classList.toggle('paused', next.paused);
      pause.textContent = t(next.paused ? 'board.resume' : 'board.pause');
      const over = next.phase === 'ended';
      // A finished table can still be watched; nothing else changes it.
      for (const control of [pause, extend, advance, eventSelect, endButton]) control.disabled = over;
      inject.disabled = over || scenario.events.length === 0;
      for (const seat of seats) seat.choice.disabled = seat.apply.disabled = over;
      watch.setAttribute('href', ctx.watchHref(next.gameId));
      for (const seat of seats) {
        const holder = next.seats[seat.id];
        const students = (holder?.students ?? []).map((id) => names.get(id) ?? id);
        const parts = [...students];
        if (holder?.bot) parts.push(t('board.botNamed', { policy: t(`bot.${holder.bot}`) }));
        fill(seat.holders, parts.length === 0 ? h('em', { text: t('board.emptySeat') }) : parts.join(', '));
        // The switch follows the server, unless the instructor is changing it right now.
        const bot = holder?.bot ?? null;
        if (seat.lastBot !== bot && document.activeElement !== seat.choice) seat.choice.value = bot ?? STUDENTS;
        seat.lastBot = bot;
      }
      tick(Date.now());
    },
  };
}
