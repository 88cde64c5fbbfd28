import type { FrameworkCard } from '../../shared/scoring/card.ts';
import { locale, t } from '../i18n/index.ts';
import { addressOf } from '../ui/address.ts';
import { fill, h, scrollable } from '../ui/element.ts';
import { formatNumber } from '../ui/format.ts';
import { historyTable } from '../ui/history-table.ts';
import { whatIs } from '../ui/what-is.ts';
import { occupantNode, seatWithRole } from '../ui/names.ts';
import { cardsSummary } from './cards.ts';
import type { Panel, TableContext, TableFrame } from './table-context.ts';

/**
 * The final standings, this seat's framework cards in one line, and the game's path
 * beside what really happened (the scenario's history).
 */
export function createEnd(ctx: TableContext, cards: () => readonly FrameworkCard[]): Panel {
  const { scenario } = ctx;
  const body = h('div', { class: 'end-body' });
  const heading = h('h2', { id: 'end-h', text: t('end.heading') });
  heading.tabIndex = -1;
  // Cards may still arrive after the game ends (released at the end, or still being scored).
  const cardLine = h('p', { class: 'end-cards', attrs: { 'aria-live': 'polite' } });
  const cardBlock = h('div', { class: 'end-cards-block' }, h('h3', { text: t('cards.endHeading') }), cardLine, whatIs('rating'));
  cardBlock.hidden = ctx.seat === null;
  const el = h('section', { class: 'card end-screen', attrs: { 'aria-labelledby': 'end-h' } }, heading, cardBlock, body);
  el.hidden = true;
  let rendered = false;

  function update(frame: TableFrame): void {
    const ended = frame.state.phase === 'ended';
    el.hidden = !ended;
    if (ended && ctx.seat !== null) cardLine.textContent = cardsSummary(ctx.seat, cards()) ?? t('cards.endNone');
    if (!ended || rendered) return;
    rendered = true;
    const loc = locale();
    const { state, view } = frame;
    const scores = h(
      'table',
      { class: 'data scores' },
      h('caption', { text: t('end.scores') }),
      h('thead', {}, h('tr', {}, h('th', { text: t('end.seat'), attrs: { scope: 'col' } }), h('th', { text: t('end.player'), attrs: { scope: 'col' } }), h('th', { class: 'num', text: t('end.score'), attrs: { scope: 'col' } }))),
      h(
        'tbody',
        {},
        ...scenario.seats.map((seat) =>
          h(
            'tr',
            { class: seat.id === ctx.seat ? 'mine' : '' },
            h('th', { text: seatWithRole(scenario, seat.id), attrs: { scope: 'row' } }),
            h('td', {}, view.occupants[seat.id] === undefined ? '—' : occupantNode(view.occupants[seat.id]!.name)),
            h('td', { class: 'num score-cell', text: formatNumber(loc, state.seats[seat.id]?.score ?? 0, 1) }),
          ),
        ),
      ),
    );
    const history = historyTable(scenario, state, { className: 'history', hereHeading: 'end.yourArrivals' });
    const review = addressOf({ kind: 'review', gameId: view.gameId, sessionId: null, secret: null, debrief: false });
    fill(
      body,
      scrollable(t('end.scores'), scores),
      whatIs('objective'),
      history,
      h('p', { class: 'end-review' }, h('a', { class: 'button-link', text: t('review.link'), attrs: { href: review } }), ' ', h('span', { class: 'hint', text: t('review.linkHint') })),
      h('p', {}, h('a', { class: 'button-link', text: t('end.newGame'), attrs: { href: '/' } })),
    );
    heading.focus();
  }

  return { el, update };
}
