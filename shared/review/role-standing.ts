/**
 * Where a seat's result stands among every table's seat of the same role (DESIGN: results
 * are ranked within a role across tables, since the roles are asymmetric). `rank` is the
 * competition rank (1 = best; ties share a rank); `percentile` is the share of the other
 * tables the seat did better than, ties counting half, 0 to 100 (a lone table is 100).
 */
export type RoleStanding = { rank: number; of: number; percentile: number };

export type RoleResult = { key: string; role: string; score: number };

export function roleStandings(results: readonly RoleResult[]): Map<string, RoleStanding> {
  const standings = new Map<string, RoleStanding>();
  for (const result of results) {
    const peers = results.filter((r) => r.role === result.role);
    const above = peers.filter((r) => r.score > result.score).length;
    const below = peers.filter((r) => r.score < result.score).length;
    const tied = peers.length - above - below - 1;
    const others = peers.length - 1;
    const percentile = others === 0 ? 100 : Math.round((1000 * (below + tied / 2)) / others) / 10;
    standings.set(result.key, { rank: above + 1, of: peers.length, percentile });
  }
  return standings;
}
