import { describe, expect, test } from 'vitest';
import { chosenAxes, defaultAxes, forkLinks, frontierOf, frontierSteps, plotted, stillPlaying } from '../../client/compare/outcome-data.ts';
import { pointsInOrder } from '../../client/compare/outcome-table.ts';
import { nextOrder, profileRows, sortedRows } from '../../client/compare/profile-rows.ts';
import { filenameOf } from '../../client/net/compare-api.ts';
import type { OutcomePoint, SessionReview, TableReview } from '../../shared/review/schemas.ts';
import type { Profile } from '../../shared/scoring/profile.ts';

const point = (id: string, kind: OutcomePoint['kind'], us: number, mx: number, gameId: string | null = null): OutcomePoint => ({
  id,
  kind,
  gameId,
  label: id,
  scores: { us, mx },
  policies: null,
  frontier: false,
});

const profile = (seat: string, decisions: number, meanScore: number, political = 0): Profile => ({
  seat,
  decisions,
  instruments: { coercive: 0, cooperative: 0, unilateral: 0, restraint: 0 },
  aims: { punitive: 0, extractive: 0, defensive: 0, deterrent: 0 },
  costs: { political, reputational: 0, implementation: 0 },
  meanScore,
  turningPoints: [],
});

const tableReview = (table: string, gameId: string, changes: Partial<TableReview> = {}): TableReview => ({
  table,
  gameId,
  finished: true,
  round: 6,
  phase: 'ended',
  holders: { us: ['Ana'], mx: ['bot:dealmaker'] },
  scores: { us: 50, mx: 40 },
  profiles: [profile('mx', 3, 60), profile('us', 4, 70)],
  forks: [],
  ...changes,
});

const seats = [
  { id: 'mx', role: 'transit' as const },
  { id: 'us', role: 'destination' as const },
  { id: 'gt', role: 'transit' as const },
];

describe('axes of the outcome plot', () => {
  test('the destination goes across and the first transit seat up, whatever the seat order', () => {
    expect(defaultAxes(seats)).toEqual({ x: 'us', y: 'mx' });
    expect(defaultAxes(seats.slice(0, 2))).toEqual({ x: 'us', y: 'mx' });
  });

  test('no pair of seats, no axes', () => {
    expect(defaultAxes(seats.slice(1, 2))).toBeNull();
  });

  test('a chosen pair is kept; an unknown seat falls back; the same seat twice moves the other axis', () => {
    expect(chosenAxes(seats, { x: 'gt', y: 'us' })).toEqual({ x: 'gt', y: 'us' });
    expect(chosenAxes(seats, { x: 'nobody' })).toEqual({ x: 'us', y: 'mx' });
    expect(chosenAxes(seats, { x: 'mx', y: 'mx' })).toEqual({ x: 'mx', y: 'us' });
  });
});

describe('the Pareto frontier line', () => {
  const points = [
    point('t1', 'table', 60, 20, 'g1'),
    point('t2', 'table', 30, 50, 'g2'),
    point('t3', 'table', 40, 40, 'g3'),
    point('t4', 'table', 35, 35, 'g4'), // beaten by t3 on both
    point('f1', 'fork', 30, 50, 'g5'), // the same outcome as t2
    point('f2', 'fork', 60, 10, 'g6'), // beaten by t1 on mx, tied on us
    point('b1', 'bots', 90, 90), // a reference: never on the class's frontier
    point('h', 'historical', 80, 5),
  ];
  const axes = { x: 'us', y: 'mx' };

  test('only the played games that nothing beats, left to right, each outcome once', () => {
    expect(frontierOf(plotted(points, axes)).map((p) => p.point.id)).toEqual(['t2', 't3', 't1']);
  });

  test('the line steps down then across from each frontier point to the next', () => {
    expect(frontierSteps(frontierOf(plotted(points, axes)))).toEqual([
      { x: 30, y: 50 },
      { x: 30, y: 40 },
      { x: 40, y: 40 },
      { x: 40, y: 20 },
      { x: 60, y: 20 },
    ]);
  });

  test('swapping the axes mirrors the line and still reads left to right', () => {
    expect(frontierOf(plotted(points, { x: 'mx', y: 'us' })).map((p) => [p.x, p.y])).toEqual([
      [20, 60],
      [40, 40],
      [50, 30],
    ]);
  });

  test('a point without a score for an axis seat is left off the plot', () => {
    const partial = { ...point('t9', 'table', 1, 1, 'g9'), scores: { us: 99 } };
    expect(plotted([partial, ...points], axes).map((p) => p.point.id)).not.toContain('t9');
  });

  test('a single game is its own frontier, a line of one point', () => {
    expect(frontierSteps(frontierOf(plotted([point('t1', 'table', 10, 10, 'g1')], axes)))).toEqual([{ x: 10, y: 10 }]);
  });
});

describe('the comparison as data', () => {
  const review: Pick<SessionReview, 'tables' | 'points'> = {
    tables: [
      tableReview('10', 'g10'),
      tableReview('2', 'g2', { finished: true, forks: [{ gameId: 'f1', step: 14, createdAt: 5, finished: false, scores: { us: 55, mx: 45 }, occupants: { us: 'Ana', mx: 'bot:coercive' } }] }),
    ],
    points: [point('bots:a', 'bots', 1, 1), point('fork:f1', 'fork', 55, 45, 'f1'), point('table:10', 'table', 50, 40, 'g10'), point('table:2', 'table', 50, 40, 'g2'), point('historical', 'historical', 3, 3)],
  };

  test('a fork is tied to the table it came from', () => {
    const links = forkLinks(review, plotted(review.points, { x: 'us', y: 'mx' }));
    expect(links.map((l) => [l.fork.point.id, l.table.point.id])).toEqual([['fork:f1', 'table:2']]);
  });

  test('the page keeps asking while a fork is in play, even when every table has ended', () => {
    expect(stillPlaying(review)).toBe(true);
    expect(stillPlaying({ tables: [tableReview('1', 'g1')] })).toBe(false);
    expect(stillPlaying({ tables: [tableReview('1', 'g1', { finished: false })] })).toBe(true);
  });

  test('points read tables first (table 2 before table 10), then forks, the historical path and bot games', () => {
    expect(pointsInOrder(review).map((p) => p.id)).toEqual(['table:2', 'table:10', 'fork:f1', 'historical', 'bots:a']);
  });

  test('profile rows come table by table in the scenario seat order, with players and scores', () => {
    const rows = profileRows(review, ['us', 'mx']);
    expect(rows.map((r) => `${r.table}/${r.seat}`)).toEqual(['2/us', '2/mx', '10/us', '10/mx']);
    expect(rows[0]).toMatchObject({ players: ['Ana'], score: 50 });
    expect(rows[1]).toMatchObject({ players: ['bot:dealmaker'], score: 40 });
  });

  test('sorting by a number puts the highest first, again turns it round, and a seat without decisions goes last', () => {
    const rows = profileRows({ tables: [tableReview('1', 'g1', { profiles: [profile('us', 2, 80, 5), profile('mx', 0, 0, 1)] }), tableReview('2', 'g2', { profiles: [profile('us', 3, 65, 9), profile('mx', 1, 90, 2)] })] }, ['us', 'mx']);
    const order = nextOrder({ by: 'table', descending: false }, 'meanScore');
    expect(order).toEqual({ by: 'meanScore', descending: true });
    expect(sortedRows(rows, order, ['us', 'mx']).map((r) => `${r.table}/${r.seat}`)).toEqual(['2/mx', '1/us', '2/us', '1/mx']);
    expect(sortedRows(rows, nextOrder(order, 'meanScore'), ['us', 'mx']).map((r) => `${r.table}/${r.seat}`)).toEqual(['2/us', '1/us', '2/mx', '1/mx']);
    expect(sortedRows(rows, { by: 'political', descending: false }, ['us', 'mx']).map((r) => r.profile.costs.political)).toEqual([1, 2, 5, 9]);
    expect(sortedRows(rows, { by: 'seat', descending: false }, ['us', 'mx']).map((r) => `${r.table}/${r.seat}`)).toEqual(['1/us', '2/us', '1/mx', '2/mx']);
  });
});

describe('export file names', () => {
  test.each([
    ['attachment; filename="border-bargain-ABC123-decisions.csv"', 'border-bargain-ABC123-decisions.csv'],
    ['attachment; filename=records.json', 'records.json'],
    ["attachment; filename=\"plain.csv\"; filename*=UTF-8''clase%20%C3%B1.csv", 'clase ñ.csv'],
    ['attachment; filename="../../etc/passwd"', '.._.._etc_passwd'],
    ['attachment', 'fallback.csv'],
  ])('%s → %s', (header, expected) => {
    expect(filenameOf(header, 'fallback.csv')).toBe(expected);
  });

  test('no header, the fallback', () => {
    expect(filenameOf(null, 'fallback.csv')).toBe('fallback.csv');
  });
});
