import type { ForkSummary } from '../../shared/review/schemas.ts';
import type { Scenario } from '../../shared/scenario/schema.ts';
import { locale, t } from '../i18n/index.ts';
import { h } from '../ui/element.ts';
import { formatNumber } from '../ui/format.ts';
import { seatName } from '../ui/names.ts';
import { reviewLink } from './review-header.ts';

/** The what-ifs played from this game, each a link to its own replay. */
export function forksList(scenario: Scenario, forks: readonly ForkSummary[], sessionId: string | null): HTMLElement {
  const loc = locale();
  const items = [...forks]
    .sort((a, b) => a.step - b.step || a.createdAt - b.createdAt)
    .map((fork) => {
      const scores = scenario.seats.map((seat) => `${seatName(scenario, seat.id)} ${formatNumber(loc, fork.scores[seat.id] ?? 0, 1)}`).join(' · ');
      return h(
        'li',
        {},
        h('a', { text: t('review.forkLink', { step: fork.step }), attrs: { href: reviewLink(fork.gameId, sessionId, null) } }),
        ' ',
        h('span', { class: `badge ${fork.finished ? 'badge-kept' : 'badge-pending'}`, text: fork.finished ? t('review.finished') : t('review.inPlay') }),
        ' ',
        h('span', { class: 'muted', text: t('review.forkScores', { scores }) }),
      );
    });
  return h(
    'section',
    { class: 'card forks-list', attrs: { 'aria-labelledby': 'forks-h' } },
    h('h2', { id: 'forks-h', text: t('review.forksHeading') }),
    items.length === 0 ? h('p', { class: 'muted', text: t('review.noForks') }) : h('ul', {}, ...items),
  );
}
