import type { GameRecord } from '../../shared/record.ts';
import { createScrubber, type Scrubber } from '../../shared/review/index.ts';
import type { Scenario } from '../../shared/scenario/schema.ts';

/** Games whose replays are kept: a class reviewing its tables at once, with room to spare. */
export const REPLAYS_KEPT = 32;

type Kept = { entries: number; scrubber: Scrubber };

/**
 * The replays of the games being reviewed, most recently used kept. A page scrubbing a
 * long game asks for one step after another; each would otherwise replay the record from
 * its start. A replay is good for as many entries as the record had when it was made: a
 * game still in play that has grown since gets a new one.
 */
export class ReplayCache {
  private readonly kept = new Map<string, Kept>();
  private readonly capacity: number;

  constructor(capacity = REPLAYS_KEPT) {
    this.capacity = capacity;
  }

  of(scenario: Scenario, record: GameRecord): Scrubber {
    const key = `${record.gameId}@${scenario.id}@${scenario.version}`;
    const found = this.kept.get(key);
    this.kept.delete(key);
    const kept = found !== undefined && found.entries === record.entries.length ? found : { entries: record.entries.length, scrubber: createScrubber(scenario, record) };
    // Map order is insertion order: re-inserting marks it the most recent, and the first key is the least.
    this.kept.set(key, kept);
    while (this.kept.size > this.capacity) {
      const oldest = this.kept.keys().next();
      if (oldest.done === true) break;
      this.kept.delete(oldest.value);
    }
    return kept.scrubber;
  }

  /** How many replays are kept now (for tests of the bound). */
  get size(): number {
    return this.kept.size;
  }
}
