import type { ReviewData } from '../../shared/review/schemas.ts';
import type { Scenario } from '../../shared/scenario/schema.ts';
import { local, t } from '../i18n/index.ts';
import { addressOf } from '../ui/address.ts';
import { h } from '../ui/element.ts';
import { occupantNode, seatColor, seatWithRole } from '../ui/names.ts';

/** The review's address at a step: `#step=N` opens the replay there (links from the dashboard and compare pages). */
export function reviewLink(gameId: string, sessionId: string | null, step: number | null): string {
  const address = addressOf({ kind: 'review', gameId, sessionId, secret: null, debrief: false });
  return step === null ? address : `${address}#step=${step}`;
}

/** `#step=N` (beside a `secret=` or alone), or null when the fragment names no step. */
export function stepFromHash(hash: string): number | null {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const raw = params.get('step');
  if (raw === null || !/^\d{1,6}$/.test(raw.trim())) return null;
  return Number(raw.trim());
}

/** What is being replayed: the scenario, the table or the game it was forked from, who sat where, and how much the reader sees. */
export function reviewHeader(scenario: Scenario, data: ReviewData, sessionId: string | null): HTMLElement {
  const origin: (HTMLElement | null)[] = [];
  if (data.session !== null) origin.push(h('span', { text: t('review.table', { table: data.session.table }) }));
  if (data.parent !== null) {
    origin.push(
      h(
        'span',
        {},
        t('review.forkOf', { step: data.parent.step }),
        ' ',
        h('a', { text: t('review.original'), attrs: { href: reviewLink(data.parent.gameId, sessionId, data.parent.step) } }),
      ),
    );
  }
  const status = data.finished
    ? h('span', { class: 'badge badge-kept', text: t('review.finished') })
    : h('span', { class: 'badge badge-pending', text: t('review.inPlay') });
  const sees = data.access === 'seat' ? t('review.seesSeat') : data.finished ? null : t('review.seesAll');
  const players = h(
    'ul',
    { class: 'players', attrs: { 'aria-label': t('review.players') } },
    ...scenario.seats.map((seat) => {
      const name = data.occupants[seat.id];
      const you = data.seat === seat.id ? ` (${t('header.you')})` : '';
      return h(
        'li',
        { class: 'player' },
        h('span', { class: 'seat-dot', attrs: { style: `background:${seatColor(scenario, seat.id)}`, 'aria-hidden': 'true' } }),
        h('span', { class: 'player-name' }, `${seatWithRole(scenario, seat.id)}: `, name === undefined ? t('review.nobody') : occupantNode(name), you),
      );
    }),
  );
  return h(
    'header',
    { class: 'card review-header' },
    h('p', { class: 'review-kicker', text: t('review.kicker') }),
    h('h1', { text: local(scenario.title) }),
    h('p', { class: 'review-origin' }, status, ...origin.flatMap((part) => [' · ', part])),
    sees === null ? null : h('p', { class: 'review-sees', text: sees }),
    players,
  );
}
