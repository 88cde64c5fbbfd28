import type { GameRecord } from '../../shared/record.ts';
import { commitmentLedger, createScrubber, timelineOf, type LedgerLine, type Scrubber, type TimelineEntry } from '../../shared/review/index.ts';
import type { GameState } from '../../shared/rules/state.ts';
import type { Scenario } from '../../shared/scenario/schema.ts';

/** Games whose replays are kept: every table of a large class compared at once, with room to spare. */
export const REPLAYS_KEPT = 64;

/** A game's replay and what is read off it whole; the walks are made once, when first asked for. */
export type Replay = { readonly scrubber: Scrubber; timeline(): TimelineEntry[]; ledger(): LedgerLine[] };

/** The state a record ends in, from the cache: what the comparison, the exports and fork summaries read of every game. */
export function endOf(replays: ReplayCache, scenario: Scenario, record: GameRecord): GameState {
  return replays.of(scenario, record).scrubber.stateAt(record.entries.length);
}

type Kept = { entries: number; replay: Replay };

function replayOf(scenario: Scenario, record: GameRecord): Replay {
  let timeline: TimelineEntry[] | null = null;
  let ledger: LedgerLine[] | null = null;
  return {
    scrubber: createScrubber(scenario, record),
    timeline: () => (timeline ??= timelineOf(scenario, record)),
    ledger: () => (ledger ??= commitmentLedger(scenario, record)),
  };
}

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

  of(scenario: Scenario, record: GameRecord): Replay {
    const key = `${record.gameId}@${scenario.id}@${scenario.version}`;
    const found = this.kept.get(key);
    this.kept.delete(key);
    const kept = found !== undefined && found.entries === record.entries.length ? found : { entries: record.entries.length, replay: replayOf(scenario, record) };
    // Map order is insertion order: re-inserting marks it the most recent, and the first key is the least.
    this.kept.set(key, kept);
    while (this.kept.size > this.capacity) {
      const oldest = this.kept.keys().next();
      if (oldest.done === true) break;
      this.kept.delete(oldest.value);
    }
    return kept.replay;
  }

  /** How many replays are kept now (for tests of the bound). */
  get size(): number {
    return this.kept.size;
  }
}
