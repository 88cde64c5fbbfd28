import type { OutcomePoint, SessionReview } from '../../shared/review/schemas.ts';
import type { Scenario } from '../../shared/scenario/schema.ts';
import { locale, t } from '../i18n/index.ts';
import type { Place } from '../ui/address.ts';
import { fill, h, scrollable } from '../ui/element.ts';
import { formatNumber } from '../ui/format.ts';
import { seatName } from '../ui/names.ts';
import { byLabel } from './profile-rows.ts';
import { KIND_NAMES, pointName } from './outcome-names.ts';
import { replayLink, replayPlace } from './replay-link.ts';

const KIND_ORDER: readonly OutcomePoint['kind'][] = ['table', 'fork', 'historical', 'bots'];

/** The plot's points in reading order: the class's tables, their forks, then the references. */
export function pointsInOrder(review: Pick<SessionReview, 'points'>): OutcomePoint[] {
  return [...review.points].sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || byLabel(a.label, b.label));
}

/**
 * The outcome plot as tables: every point with each seat's score, whether it is on the
 * frontier, and a link to the replay of the class's own games. Nobody needs the canvas.
 * The reference games (historical path, bot pairings) fold away under the class's own.
 */
export function createOutcomeTable(scenario: Scenario, go: (place: Place) => void): { el: HTMLElement; update(review: SessionReview): void } {
  const played = grid(scenario, t('compare.points.caption'));
  const references = grid(scenario, t('compare.points.references'));
  const count = h('span', {});
  const folded = h('details', { class: 'reference-points' }, h('summary', {}, count), references.el);
  return {
    el: h('div', { class: 'outcome-tables' }, played.el, folded),
    update(review) {
      const points = pointsInOrder(review);
      const own = points.filter((p) => p.kind === 'table' || p.kind === 'fork');
      const others = points.filter((p) => p.kind !== 'table' && p.kind !== 'fork');
      played.fill(own.map((p) => row(scenario, review, p, go)));
      references.fill(others.map((p) => row(scenario, review, p, go)));
      count.textContent = t('compare.points.referencesCount', { count: others.length });
      folded.hidden = others.length === 0;
    },
  };
}

function grid(scenario: Scenario, caption: string): { el: HTMLElement; fill(rows: HTMLElement[]): void } {
  const body = h('tbody', {});
  const table = h(
    'table',
    { class: 'data outcome-table' },
    h('caption', { text: caption }),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { text: t('compare.game'), attrs: { scope: 'col' } }),
        h('th', { text: t('compare.kind'), attrs: { scope: 'col' } }),
        ...scenario.seats.map((seat) => h('th', { class: 'num', text: t('compare.scoreOf', { seat: seatName(scenario, seat.id) }), attrs: { scope: 'col' } })),
        h('th', { text: t('compare.points.frontier'), attrs: { scope: 'col' } }),
        h('th', { text: t('compare.replay'), attrs: { scope: 'col' } }),
      ),
    ),
    body,
  );
  return { el: scrollable(caption, table), fill: (rows) => fill(body, ...rows) };
}

function row(scenario: Scenario, review: SessionReview, point: OutcomePoint, go: (place: Place) => void): HTMLElement {
  const name = pointName(scenario, review, point);
  const played = point.kind === 'table' || point.kind === 'fork';
  return h(
    'tr',
    { class: `point-${point.kind}` },
    h('th', { text: name, attrs: { scope: 'row' } }),
    h('td', { text: t(KIND_NAMES[point.kind]) }),
    ...scenario.seats.map((seat) => {
      const score = point.scores[seat.id];
      return h('td', { class: 'num', text: score === undefined ? t('compare.none') : formatNumber(locale(), score, 1) });
    }),
    h('td', { text: played ? t(point.frontier ? 'compare.yes' : 'compare.no') : t('compare.none') }),
    h('td', {}, point.gameId !== null && played ? replayLink(t('compare.openReplay'), t('compare.openReplayOf', { game: name }), replayPlace(point.gameId, review.sessionId), go) : null),
  );
}
