import type { GameRecord } from '../record.ts';
import { at } from '../rules/lookup.ts';
import { applyEntry, replay } from '../rules/replay.ts';
import type { GameState } from '../rules/state.ts';
import type { Scenario } from '../scenario/schema.ts';

/** Entries between kept states: a jump anywhere replays at most this many minus one. */
export const SNAPSHOT_EVERY = 16;

export type Scrubber = {
  /** Entries in the record: the last step. */
  readonly steps: number;
  /** The state after `step` entries (0 = the game as created), clamped to [0, steps]. */
  stateAt(step: number): GameState;
};

/**
 * A replay viewer jumps back and forth along a record. Replaying from the start at every
 * jump costs the whole record each time; keeping every state costs memory on a long game.
 * Keeping one state in `every` bounds both.
 *
 * The rules never mutate the state they are given (each command clones first), so the
 * kept snapshots stay intact while entries are applied onward from them; a snapshot itself
 * is handed out as a copy, so a caller that writes to what it got cannot corrupt it.
 */
export function createScrubber(scenario: Scenario, record: GameRecord, every = SNAPSHOT_EVERY): Scrubber {
  if (!Number.isInteger(every) || every < 1) throw new RangeError(`snapshot spacing must be a positive integer, not ${every}`);
  const entries = record.entries;
  const snapshots: GameState[] = [replay(scenario, record, 0)];
  let state = at(snapshots, 0);
  for (let i = 0; i < entries.length; i++) {
    state = applyEntry(scenario, state, at(entries, i));
    if ((i + 1) % every === 0) snapshots.push(state);
  }
  return {
    steps: entries.length,
    stateAt(step: number): GameState {
      const target = Math.min(entries.length, Math.max(0, Math.floor(Number.isFinite(step) ? step : step > 0 ? entries.length : 0)));
      const base = Math.floor(target / every);
      const snapshot = at(snapshots, base);
      let current = snapshot;
      for (let i = base * every; i < target; i++) current = applyEntry(scenario, current, at(entries, i));
      // An advance past the end returns its input unchanged: never hand out the kept object itself.
      return current === snapshot ? structuredClone(snapshot) : current;
    },
  };
}
