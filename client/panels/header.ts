import { local, t } from '../i18n/index.ts';
import { fill, h } from '../ui/element.ts';
import { formatCountdown, msUntil } from '../ui/format.ts';
import { occupantNode, seatColor, seatName } from '../ui/names.ts';
import type { Panel, TableContext, TableFrame } from './table-context.ts';

export type TableHeader = Panel & {
  /** The scenario's title and who sits at the table: read once, so it scrolls away with the page. */
  intro: HTMLElement;
  /** Where the page's language switch sits while the table is on screen. */
  langSlot: HTMLElement;
  dispose(): void;
};

/**
 * Where the game stands: round, phase, time left and our connection in a bar that stays at
 * the top of the screen (`el`), and the title and the players below it (`intro`).
 */
export function createHeader(ctx: TableContext): TableHeader {
  const { scenario } = ctx;
  const round = h('p', { class: 'round-label' });
  const phase = h('span', { class: 'phase-badge' });
  const clock = h('time', { class: 'countdown', attrs: { 'aria-live': 'off' } });
  const clockBox = h('p', { class: 'countdown-box' }, h('span', { class: 'countdown-label', text: t('header.timeLeft') }), ' ', clock);
  const players = h('ul', { class: 'players', attrs: { 'aria-label': t('header.players') } });
  const connection = h('p', { class: 'connection', attrs: { role: 'status' } });
  const langSlot = h('div', { class: 'bar-lang' });

  const el = h(
    'header',
    { class: 'table-bar' },
    h('div', { class: 'bar-row' }, round, h('p', { class: 'phase-line' }, phase), clockBox, connection, langSlot),
  );
  const intro = h('div', { class: 'table-intro' }, h('h1', { text: local(scenario.title) }), players);

  let deadline: number | null = null;
  let paused = false;
  let selfPaced = false;
  let offset = 0;
  const tick = (): void => {
    const text = paused ? t(selfPaced ? 'header.held' : 'header.paused') : deadline === null ? t('header.noDeadline') : formatCountdown(msUntil(deadline, Date.now(), offset));
    if (clock.textContent !== text) clock.textContent = text;
    const urgent = deadline !== null && msUntil(deadline, Date.now(), offset) < 15_000;
    clockBox.classList.toggle('urgent', urgent);
  };
  const timer = setInterval(tick, 250);

  function update(frame: TableFrame): void {
    const { state, view } = frame;
    const label = scenario.rounds[state.round - 1]?.label;
    round.textContent = t('header.round', { round: state.round, total: scenario.rounds.length, label: label ? local(label) : '' });
    phase.textContent = t('header.phase', { phase: t(`phase.${state.phase}`) });
    phase.dataset.phase = state.phase;
    clockBox.hidden = state.phase === 'ended';
    deadline = view.deadline;
    paused = view.paused;
    selfPaced = view.selfPaced;
    offset = frame.clockOffset;
    tick();
    connection.textContent = t(`header.connection.${frame.status}`);
    connection.dataset.status = frame.status;
    fill(
      players,
      ...scenario.seats.map((seat) => {
        const occupant = view.occupants[seat.id];
        const presence = occupant ? (occupant.connected ? t('header.connected') : t('header.disconnected')) : t('header.empty');
        const who = occupant ? [occupantNode(occupant.name), ` — ${seatName(scenario, seat.id)}`] : [seatName(scenario, seat.id)];
        const you = seat.id === ctx.seat ? ` (${t('header.you')})` : '';
        return h(
          'li',
          { class: `player ${occupant?.connected ? 'online' : 'away'}` },
          h('span', { class: 'seat-dot', attrs: { style: `background:${seatColor(scenario, seat.id)}`, 'aria-hidden': 'true' } }),
          h('span', { class: 'player-name' }, ...who, you),
          h('span', { class: 'presence', text: presence }),
        );
      }),
    );
  }

  return { el, intro, langSlot, update, dispose: () => clearInterval(timer) };
}
