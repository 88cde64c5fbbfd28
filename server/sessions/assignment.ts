/**
 * Who sits where in a class: pure placement rules, so they can be read and tested apart
 * from the rooms. A slot is one seat at one table; tables and seats keep their order.
 */

/** The most tables one class can have. */
export const MAX_TABLES = 100;

export type Slot = { table: string; seat: string; students: number };
export type Placement = { table: string; seat: string };

/** How a class is split: a number of tables, or how many students sit at one table. */
export type Split = { tables?: number | undefined; studentsPerTable?: number | undefined };

/** The number of tables a class of `students` needs: as asked, or enough for every student to have a place. */
export function tableCountFor(split: Split, students: number, seatsPerTable: number): number {
  if (split.tables !== undefined) return split.tables;
  return Math.max(1, Math.ceil(students / (split.studentsPerTable ?? seatsPerTable)));
}

/** Students a table takes before a late student opens a new one; null when the number of tables is fixed. */
export function tableCapacity(split: Split, seatsPerTable: number): number | null {
  return split.tables !== undefined ? null : (split.studentsPerTable ?? seatsPerTable);
}

/** Table labels are 1, 2, 3…: what an instructor reads out. */
export function tableLabel(index: number): string {
  return String(index + 1);
}

export function tableSlots(tables: readonly string[], seats: readonly string[], taken: (table: string, seat: string) => number): Slot[] {
  return tables.flatMap((table) => seats.map((seat) => ({ table, seat, students: taken(table, seat) })));
}

/**
 * The emptiest seat, then the emptiest table, then seat order, then table order. Filled
 * one student at a time this is round-robin: every table gets each role before any seat
 * gets a second delegate, and tables stay within one student of each other.
 */
function emptiest(slots: readonly Slot[]): Slot | undefined {
  const atTable = new Map<string, number>();
  for (const slot of slots) atTable.set(slot.table, (atTable.get(slot.table) ?? 0) + slot.students);
  const tableOrder = [...new Set(slots.map((s) => s.table))];
  const seatOrder = [...new Set(slots.map((s) => s.seat))];
  const key = (s: Slot): number[] => [s.students, atTable.get(s.table) ?? 0, seatOrder.indexOf(s.seat), tableOrder.indexOf(s.table)];
  let best: Slot | undefined;
  for (const slot of slots) {
    if (best === undefined || lexLess(key(slot), key(best))) best = slot;
  }
  return best;
}

function lexLess(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x < y;
  }
  return false;
}

/** Seats for every student in `students` (in order), balancing the given slots; returns one placement per student. */
export function placeAll(students: readonly string[], slots: readonly Slot[]): Map<string, Placement> {
  const working = slots.map((slot) => ({ ...slot }));
  const placed = new Map<string, Placement>();
  if (working.length === 0) return placed;
  for (const student of students) {
    const slot = emptiest(working);
    if (slot === undefined) break;
    slot.students += 1;
    placed.set(student, { table: slot.table, seat: slot.seat });
  }
  return placed;
}

export type LatePlacement = { kind: 'seat'; placement: Placement } | { kind: 'new-table' } | { kind: 'none' };

/**
 * A student joining a running class: a seat nobody plays yet (or a bot keeps warm) first;
 * when every table is full and the split allows it, a new table; otherwise a team seat.
 * `slots` hold only tables still playing.
 */
export function placeLate(slots: readonly Slot[], capacity: number | null): LatePlacement {
  const vacant = slots.filter((slot) => slot.students === 0);
  const first = emptiest(vacant);
  if (first !== undefined) return { kind: 'seat', placement: { table: first.table, seat: first.seat } };
  if (capacity !== null) {
    const atTable = new Map<string, number>();
    for (const slot of slots) atTable.set(slot.table, (atTable.get(slot.table) ?? 0) + slot.students);
    if ([...atTable.values()].every((count) => count >= capacity)) return { kind: 'new-table' };
  }
  const team = emptiest(slots);
  return team === undefined ? { kind: 'none' } : { kind: 'seat', placement: { table: team.table, seat: team.seat } };
}
