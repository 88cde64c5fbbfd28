import type { GameState, SeatState } from './state.ts';

/**
 * Lookups the game's invariants guarantee to hit: every seat of the scenario has a state
 * (and a view), every per-seat tally is started for every seat, a list read by an index
 * of its own range has that item. What a player sends is checked before it gets here
 * (applyMove refuses an unknown seat), so a miss is a bug in the program: it stops
 * loudly instead of running on with `undefined`.
 */
export class BrokenInvariant extends Error {
  override name = 'BrokenInvariant';
}

export function at<T>(list: readonly T[], index: number): T {
  const item = list[index];
  if (item === undefined) throw new BrokenInvariant(`no item ${index} in a list of ${list.length}`);
  return item;
}

export function entry<T>(record: Readonly<Record<string, T>>, key: string): T {
  const value = record[key];
  if (value === undefined) throw new BrokenInvariant(`no entry "${key}"`);
  return value;
}

/** Adds to a per-seat tally that was started for every seat. */
export function addTo(tally: Record<string, number>, key: string, amount: number): void {
  tally[key] = entry(tally, key) + amount;
}

export function seatOf(state: GameState, seat: string): SeatState {
  return entry(state.seats, seat);
}
