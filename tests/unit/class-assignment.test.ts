import { describe, expect, it } from 'vitest';
import { placeAll, placeLate, tableCapacity, tableCountFor, tableSlots, type Slot } from '../../server/sessions/assignment.ts';

const SEATS = ['us', 'mx'];
const empty = (tables: string[]): Slot[] => tableSlots(tables, SEATS, () => 0);
const ids = (n: number): string[] => Array.from({ length: n }, (_v, i) => `s${i + 1}`);

describe('how many tables a class gets', () => {
  it.each([
    [{ tables: 4 }, 30, 4],
    [{ studentsPerTable: 3 }, 30, 10],
    [{ studentsPerTable: 4 }, 30, 8],
    [{}, 30, 15],
    [{}, 31, 16],
    [{}, 0, 1],
  ])('%o with %i students: %i tables', (split, students, tables) => {
    expect(tableCountFor(split, students, SEATS.length)).toBe(tables);
  });
});

describe('placing a class at its tables', () => {
  it('fills every table’s roles before any seat gets a second delegate', () => {
    const placed = [...placeAll(ids(5), empty(['1', '2', '3'])).values()].map((p) => `${p.table}/${p.seat}`);
    expect(placed).toEqual(['1/us', '2/us', '3/us', '1/mx', '2/mx']);
  });

  it('keeps tables within one student of each other, and seats within one delegate', () => {
    const placed = [...placeAll(ids(30), empty(['1', '2', '3', '4'])).values()];
    const perTable = ['1', '2', '3', '4'].map((t) => placed.filter((p) => p.table === t).length);
    expect(Math.max(...perTable) - Math.min(...perTable)).toBeLessThanOrEqual(1);
    const perSeat = ['1', '2', '3', '4'].flatMap((t) => SEATS.map((s) => placed.filter((p) => p.table === t && p.seat === s).length));
    expect(Math.max(...perSeat) - Math.min(...perSeat)).toBeLessThanOrEqual(1);
  });

  it('counts students who already chose a seat: the emptiest seat, then the emptiest table', () => {
    const slots = tableSlots(['1', '2'], SEATS, (t, s) => (t === '1' && s === 'us' ? 2 : 0));
    expect([...placeAll(ids(3), slots).values()]).toEqual([
      { table: '2', seat: 'us' },
      { table: '2', seat: 'mx' },
      { table: '1', seat: 'mx' },
    ]);
  });
});

describe('a student arriving late', () => {
  it('takes a seat nobody plays before joining a team', () => {
    const slots = tableSlots(['1', '2'], SEATS, (t, s) => (t === '2' && s === 'mx' ? 0 : 1));
    expect(placeLate(slots, tableCapacity({ tables: 2 }, 2))).toEqual({ kind: 'seat', placement: { table: '2', seat: 'mx' } });
  });

  it('opens a new table when every table is full and the split allows it', () => {
    const full = tableSlots(['1', '2'], SEATS, () => 1);
    expect(placeLate(full, tableCapacity({}, 2))).toEqual({ kind: 'new-table' });
    expect(placeLate(full, tableCapacity({ studentsPerTable: 3 }, 2))).toEqual({ kind: 'seat', placement: { table: '1', seat: 'us' } });
  });

  it('joins the emptiest team when the number of tables is fixed', () => {
    const full = tableSlots(['1', '2'], SEATS, (t) => (t === '1' ? 2 : 1));
    expect(placeLate(full, tableCapacity({ tables: 2 }, 2))).toEqual({ kind: 'seat', placement: { table: '2', seat: 'us' } });
  });

  it('finds nowhere when every table has ended and none may open', () => {
    expect(placeLate([], null)).toEqual({ kind: 'none' });
    expect(placeLate([], 2)).toEqual({ kind: 'new-table' });
  });
});
