import { Aim, InstrumentClass } from '../../shared/framework.ts';
import type { SessionReview } from '../../shared/review/schemas.ts';
import type { Scenario } from '../../shared/scenario/schema.ts';
import { locale, t, type MessageKey } from '../i18n/index.ts';
import { fill, h, scrollable } from '../ui/element.ts';
import { formatNumber, formatPercent } from '../ui/format.ts';
import { occupantName, seatName } from '../ui/names.ts';
import { nextOrder, profileRows, sortedRows, type ProfileRow, type ProfileSort, type SortOrder } from './profile-rows.ts';

/** A cell is a text, or a list of short texts shown one per line (each isolated: a line may be a typed name). */
type Column = { title: MessageKey; sort: ProfileSort | null; numeric: boolean; cell(row: ProfileRow): string | string[] };

/** "Coercive 60%", "Cooperative 40%": the shares a seat used, largest first, none of the zeros. */
function shares<K extends string>(values: Record<K, number>, names: readonly K[], key: (name: K) => MessageKey): string[] {
  return names
    .filter((name) => values[name] > 0)
    .sort((a, b) => values[b] - values[a])
    .map((name) => t('compare.profiles.share', { name: t(key(name)), share: formatPercent(locale(), values[name]) }));
}

function orNone(lines: string[], none: string): string | string[] {
  return lines.length === 0 ? none : lines;
}

function columns(scenario: Scenario): Column[] {
  const num = (value: number, digits: number): string => formatNumber(locale(), value, digits);
  return [
    { title: 'compare.table', sort: 'table', numeric: false, cell: (row) => t('board.table', { table: row.table }) },
    { title: 'compare.seat', sort: 'seat', numeric: false, cell: (row) => seatName(scenario, row.seat) },
    { title: 'compare.profiles.players', sort: null, numeric: false, cell: (row) => orNone(row.players.map(occupantName), t('compare.none')) },
    { title: 'compare.profiles.instruments', sort: null, numeric: false, cell: (row) => orNone(shares(row.profile.instruments, InstrumentClass.options, (k) => `framework.instrument.${k}`), t('compare.none')) },
    { title: 'compare.profiles.aims', sort: null, numeric: false, cell: (row) => (row.profile.decisions === 0 ? t('compare.none') : orNone(shares(row.profile.aims, Aim.options, (k) => `framework.aim.${k}`), t('compare.profiles.noAim'))) },
    { title: 'compare.profiles.decisions', sort: 'decisions', numeric: true, cell: (row) => num(row.profile.decisions, 0) },
    { title: 'compare.profiles.mean', sort: 'meanScore', numeric: true, cell: (row) => (row.profile.decisions === 0 ? t('compare.none') : num(row.profile.meanScore, 1)) },
    { title: 'cost.political', sort: 'political', numeric: true, cell: (row) => num(row.profile.costs.political, 1) },
    { title: 'cost.reputational', sort: 'reputational', numeric: true, cell: (row) => num(row.profile.costs.reputational, 1) },
    { title: 'cost.implementation', sort: 'implementation', numeric: true, cell: (row) => num(row.profile.costs.implementation, 1) },
    { title: 'compare.profiles.score', sort: 'score', numeric: true, cell: (row) => (row.score === null ? t('compare.none') : num(row.score, 1)) },
  ];
}

/**
 * Every table's seats side by side: who played, which instruments and aims their
 * decisions used, the mean decision score, the costs and the objective score. Headers
 * with a button sort the rows.
 */
export function createProfilesTable(scenario: Scenario): { el: HTMLElement; update(review: SessionReview): void } {
  const seatOrder = scenario.seats.map((seat) => seat.id);
  const cols = columns(scenario);
  let order: SortOrder = { by: 'table', descending: false };
  let rows: ProfileRow[] = [];

  const headers = cols.map((col) => {
    const th = h('th', { class: col.numeric ? 'num' : '', attrs: { scope: 'col' } });
    if (col.sort === null) {
      th.textContent = t(col.title);
      return { col, th, button: null };
    }
    const sort = col.sort;
    const button = h('button', { class: 'sort-button', text: t(col.title), attrs: { type: 'button' } });
    button.addEventListener('click', () => {
      order = nextOrder(order, sort);
      render();
    });
    th.append(button);
    return { col, th, button };
  });
  const body = h('tbody', {});
  const table = h('table', { class: 'data profiles-table' }, h('caption', { text: t('compare.profiles.caption') }), h('thead', {}, h('tr', {}, ...headers.map((x) => x.th))), body);

  function render(): void {
    for (const { col, th, button } of headers) {
      if (button === null) continue;
      const active = col.sort === order.by;
      if (active) th.setAttribute('aria-sort', order.descending ? 'descending' : 'ascending');
      else th.removeAttribute('aria-sort');
      button.dataset.sorted = active ? (order.descending ? 'descending' : 'ascending') : '';
      button.setAttribute('aria-label', t('compare.profiles.sortBy', { column: t(col.title) }));
    }
    fill(
      body,
      ...sortedRows(rows, order, seatOrder).map((row) =>
        h(
          'tr',
          {},
          ...cols.map((col, i) => {
            const value = col.cell(row);
            const content = typeof value === 'string' ? [value] : value.map((line) => h('span', { class: 'cell-line', text: line, attrs: { dir: 'auto' } }));
            return h(i < 2 ? 'th' : 'td', { class: col.numeric ? 'num' : '', attrs: i < 2 ? { scope: 'row' } : {} }, ...content);
          }),
        ),
      ),
    );
  }

  return {
    el: scrollable(t('compare.profiles.caption'), table),
    update(review) {
      rows = profileRows(review, seatOrder);
      render();
    },
  };
}
