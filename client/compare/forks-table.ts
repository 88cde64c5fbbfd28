import type { SessionReview, TableReview } from '../../shared/review/schemas.ts';
import { Phase } from '../../shared/rules/state.ts';
import type { Scenario } from '../../shared/scenario/schema.ts';
import { locale, t } from '../i18n/index.ts';
import type { Place } from '../ui/address.ts';
import { fill, h, scrollable, type Child } from '../ui/element.ts';
import { formatNumber } from '../ui/format.ts';
import { occupantList, seatName } from '../ui/names.ts';
import { byLabel } from './profile-rows.ts';
import { replayLink, replayPlace } from './replay-link.ts';

/** "United States: Ana, Bo · Mexico: Bot (Dealmaker)". */
function players(scenario: Scenario, bySeat: Record<string, readonly string[]>): Child[] {
  return scenario.seats.flatMap((seat, i) => [i === 0 ? '' : ' · ', `${seatName(scenario, seat.id)}: `, ...occupantList(bySeat[seat.id] ?? [], t('compare.none'))]);
}

function statusText(table: TableReview): string {
  if (table.finished) return t('compare.forks.finished');
  const phase = Phase.safeParse(table.phase);
  return t('compare.roundPhase', { round: table.round, phase: phase.success ? t(`phase.${phase.data}`) : table.phase });
}

/**
 * Each forked table beside its forks: where each fork left the game, who played on, and
 * the seats' scores, with both replays a click away.
 */
export function createForksTable(scenario: Scenario, go: (place: Place) => void): { el: HTMLElement; update(review: SessionReview): void } {
  const none = h('p', { class: 'muted', text: t('compare.forks.none') });
  const list = h('div', { class: 'forks-list' });
  const el = h('div', { class: 'forks' }, none, list);
  const score = (scores: Record<string, number>, seat: string): HTMLElement => {
    const value = scores[seat];
    return h('td', { class: 'num', text: value === undefined ? t('compare.none') : formatNumber(locale(), value, 1) });
  };

  return {
    el,
    update(review) {
      const forked = review.tables.filter((table) => table.forks.length > 0).sort((a, b) => byLabel(a.table, b.table));
      none.hidden = forked.length > 0;
      fill(
        list,
        ...forked.map((table) => {
          const caption = t('compare.forks.caption', { table: table.table });
          const tableName = t('board.table', { table: table.table });
          const original = h(
            'tr',
            { class: 'fork-original' },
            h('th', { text: t('compare.forks.original'), attrs: { scope: 'row' } }),
            h('td', { text: t('compare.none') }),
            h('td', {}, ...players(scenario, table.holders)),
            ...scenario.seats.map((seat) => score(table.scores, seat.id)),
            h('td', { text: statusText(table) }),
            h('td', {}, replayLink(t('compare.openReplay'), t('compare.openReplayOf', { game: tableName }), replayPlace(table.gameId, review.sessionId), go)),
          );
          const forks = [...table.forks]
            .sort((a, b) => a.step - b.step || a.createdAt - b.createdAt)
            .map((fork) => {
              const name = t('compare.forkOf', { table: table.table, step: fork.step });
              const who = players(scenario, Object.fromEntries(Object.entries(fork.occupants).map(([seat, occupant]) => [seat, [occupant]])));
              return h(
                'tr',
                {},
                h('th', { text: t('compare.kind.fork'), attrs: { scope: 'row' } }),
                h('td', { text: t('compare.forks.step', { step: fork.step }) }),
                h('td', {}, ...who),
                ...scenario.seats.map((seat) => score(fork.scores, seat.id)),
                h('td', { text: t(fork.finished ? 'compare.forks.finished' : 'compare.forks.playing') }),
                h('td', {}, replayLink(t('compare.openReplay'), t('compare.openReplayOf', { game: name }), replayPlace(fork.gameId, review.sessionId), go)),
              );
            });
          const grid = h(
            'table',
            { class: 'data forks-table' },
            h('caption', { text: caption }),
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                h('th', { text: t('compare.game'), attrs: { scope: 'col' } }),
                h('th', { text: t('compare.forks.at'), attrs: { scope: 'col' } }),
                h('th', { text: t('compare.profiles.players'), attrs: { scope: 'col' } }),
                ...scenario.seats.map((seat) => h('th', { class: 'num', text: t('compare.scoreOf', { seat: seatName(scenario, seat.id) }), attrs: { scope: 'col' } })),
                h('th', { text: t('compare.forks.status'), attrs: { scope: 'col' } }),
                h('th', { text: t('compare.replay'), attrs: { scope: 'col' } }),
              ),
            ),
            h('tbody', {}, original, ...forks),
          );
          return scrollable(caption, grid);
        }),
      );
    },
  };
}
