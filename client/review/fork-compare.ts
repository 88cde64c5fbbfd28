import type { GameState } from '../../shared/rules/state.ts';
import type { Scenario } from '../../shared/scenario/schema.ts';
import { locale, t } from '../i18n/index.ts';
import { h, scrollable } from '../ui/element.ts';
import { formatDelta, formatNumber } from '../ui/format.ts';
import { seatWithRole } from '../ui/names.ts';

/** People who arrived in the first `rounds` rounds: a game still in play is compared over the rounds both have resolved. */
function arrivals(state: GameState, rounds: number): number {
  return state.history.filter((r) => r.round <= rounds).reduce((sum, round) => sum + round.arrivals, 0);
}

/**
 * A what-if beside the game it was forked from: each seat's score, the people who
 * arrived and the rounds resolved, with the difference the other choices made.
 */
export function forkComparison(scenario: Scenario, original: GameState, fork: GameState): HTMLElement {
  const loc = locale();
  /** `judged`: a higher number is better for the seat (a score), so the difference is coloured; arrivals are not judged. */
  const row = (label: string, a: number, b: number, digits: number, difference: 'judged' | 'plain' | 'none'): HTMLTableRowElement =>
    h(
      'tr',
      {},
      h('th', { text: label, attrs: { scope: 'row' } }),
      h('td', { class: 'num', text: formatNumber(loc, a, digits) }),
      h('td', { class: 'num', text: formatNumber(loc, b, digits) }),
      h('td', { class: `num ${difference === 'judged' && b > a ? 'up' : difference === 'judged' && b < a ? 'down' : ''}`, text: difference === 'none' ? '' : formatDelta(loc, b - a, digits) }),
    );
  const common = Math.min(original.history.length, fork.history.length);
  const table = h(
    'table',
    { class: 'data fork-compare' },
    h('caption', { text: t('review.compareCaption') }),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { text: t('review.measure'), attrs: { scope: 'col' } }),
        h('th', { class: 'num', text: t('review.originalLabel'), attrs: { scope: 'col' } }),
        h('th', { class: 'num', text: t('review.whatIf'), attrs: { scope: 'col' } }),
        h('th', { class: 'num', text: t('review.difference'), attrs: { scope: 'col' } }),
      ),
    ),
    h(
      'tbody',
      {},
      ...scenario.seats.map((seat) => row(t('review.scoreOf', { seat: seatWithRole(scenario, seat.id) }), original.seats[seat.id]?.score ?? 0, fork.seats[seat.id]?.score ?? 0, 1, 'judged')),
      common === 0 ? null : row(t('review.arrivals', { rounds: common }), arrivals(original, common), arrivals(fork, common), 0, 'plain'),
      row(t('review.roundsResolved'), original.history.length, fork.history.length, 0, 'none'),
    ),
  );
  return h(
    'section',
    { class: 'card fork-side', attrs: { 'aria-labelledby': 'fork-side-h' } },
    h('h2', { id: 'fork-side-h', text: t('review.compareHeading') }),
    h('p', { class: 'hint', text: t('review.compareIntro') }),
    scrollable(t('review.compareCaption'), table),
  );
}
