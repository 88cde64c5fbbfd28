import type { OutcomePoint, SessionReview } from '../../shared/review/schemas.ts';
import type { Scenario } from '../../shared/scenario/schema.ts';
import { t, type MessageKey } from '../i18n/index.ts';
import { seatName } from '../ui/names.ts';
import { forkOrigin, tableOf } from './outcome-data.ts';

/** How the comparison names its games in the reader's language (the server's labels are English). */

export const KIND_NAMES: Record<OutcomePoint['kind'], MessageKey> = {
  table: 'compare.kind.table',
  fork: 'compare.kind.fork',
  historical: 'compare.kind.historical',
  bots: 'compare.kind.bots',
};

/** "United States coercive / Mexico defensive": which policy each seat's bot played. */
export function policiesName(scenario: Scenario, policies: NonNullable<OutcomePoint['policies']>): string {
  return scenario.seats
    .flatMap((seat) => {
      const policy = policies[seat.id];
      return policy === undefined ? [] : [t('compare.botPair', { seat: seatName(scenario, seat.id), policy: t(`bot.${policy}`).toLocaleLowerCase() })];
    })
    .join(' / ');
}

export function pointName(scenario: Scenario, review: Pick<SessionReview, 'tables'>, point: OutcomePoint): string {
  switch (point.kind) {
    case 'table': {
      const table = tableOf(review, point);
      return table === null ? point.label : t('board.table', { table: table.table });
    }
    case 'fork': {
      const origin = forkOrigin(review, point.gameId);
      return origin === null ? point.label : t('compare.forkOf', { table: origin.table.table, step: origin.step });
    }
    case 'historical':
      return t('compare.historical');
    case 'bots':
      return point.policies === null ? point.label : policiesName(scenario, point.policies);
  }
}
