import type { SessionReview } from '../../shared/review/schemas.ts';
import type { Profile } from '../../shared/scoring/profile.ts';

/** One table's seat in the profiles table: who played it, how, and how it came out. */
export type ProfileRow = {
  table: string;
  gameId: string;
  seat: string;
  /** Students' names, or "bot:<policy>". */
  players: string[];
  profile: Profile;
  score: number | null;
};

export const PROFILE_SORTS = ['table', 'seat', 'decisions', 'meanScore', 'political', 'reputational', 'implementation', 'score'] as const;
export type ProfileSort = (typeof PROFILE_SORTS)[number];
export type SortOrder = { by: ProfileSort; descending: boolean };

/** Table labels are numbers written as text: "10" comes after "9". */
export const byLabel = (a: string, b: string): number => a.localeCompare(b, undefined, { numeric: true });

/** Every seat of every table, in table order then the scenario's seat order. */
export function profileRows(review: Pick<SessionReview, 'tables'>, seatOrder: readonly string[]): ProfileRow[] {
  const rank = (seat: string): number => {
    const i = seatOrder.indexOf(seat);
    return i === -1 ? seatOrder.length : i;
  };
  return [...review.tables]
    .sort((a, b) => byLabel(a.table, b.table))
    .flatMap((table) =>
      [...table.profiles]
        .sort((a, b) => rank(a.seat) - rank(b.seat))
        .map((profile) => ({ table: table.table, gameId: table.gameId, seat: profile.seat, players: table.holders[profile.seat] ?? [], profile, score: table.scores[profile.seat] ?? null })),
    );
}

function sortValue(row: ProfileRow, by: ProfileSort): number | null {
  switch (by) {
    case 'decisions':
      return row.profile.decisions;
    case 'meanScore':
      return row.profile.decisions === 0 ? null : row.profile.meanScore;
    case 'political':
    case 'reputational':
    case 'implementation':
      return row.profile.costs[by];
    case 'score':
      return row.score;
    case 'table':
    case 'seat':
      return null;
  }
}

/**
 * Rows in the chosen order; ties keep the table-then-seat order they came in. A seat with
 * no value to compare (no decisions yet) goes last either way.
 */
export function sortedRows(rows: readonly ProfileRow[], order: SortOrder, seatOrder: readonly string[]): ProfileRow[] {
  const sign = order.descending ? -1 : 1;
  const indexed = rows.map((row, i) => ({ row, i }));
  indexed.sort((a, b) => {
    if (order.by === 'table') return sign * byLabel(a.row.table, b.row.table) || a.i - b.i;
    if (order.by === 'seat') return sign * (seatOrder.indexOf(a.row.seat) - seatOrder.indexOf(b.row.seat)) || a.i - b.i;
    const va = sortValue(a.row, order.by);
    const vb = sortValue(b.row, order.by);
    if (va === null || vb === null) return (va === null ? 1 : 0) - (vb === null ? 1 : 0) || a.i - b.i;
    return sign * (va - vb) || a.i - b.i;
  });
  return indexed.map((x) => x.row);
}

/** Clicking the sorted column again turns it round; a new column starts with the most telling end (numbers high first). */
export function nextOrder(current: SortOrder, by: ProfileSort): SortOrder {
  if (current.by === by) return { by, descending: !current.descending };
  return { by, descending: by !== 'table' && by !== 'seat' };
}
