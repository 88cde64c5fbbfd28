import { createScrubber } from '../../shared/review/scrubber.ts';
import type { ReviewData } from '../../shared/review/schemas.ts';
import type { GameState } from '../../shared/rules/state.ts';
import type { Scenario } from '../../shared/scenario/schema.ts';
import { fetchScenario } from '../net/connection.ts';
import { fetchFrame, fetchReview } from '../net/review-api.ts';

/** Everything one table's debrief reads, fetched and replayed. */
export type DebriefSource = {
  scenario: Scenario;
  data: ReviewData;
  /** The game as it stands: the final state, or (a seat during play) the latest state that seat saw. */
  state: GameState;
  /** The state just before a record entry, so a card can quote the proposal it answered; null for a seat's view. */
  before: ((seq: number) => GameState) | null;
};

/** The last step a reader's timeline reaches: its entries are numbered by their place in the whole record. */
export function lastStep(data: ReviewData): number {
  return data.timeline.reduce((last, entry) => Math.max(last, entry.seq), data.record?.entries.length ?? 0);
}

/**
 * One game's debrief data. With the whole record the page replays it itself; a seat
 * during play gets its own view of the latest step from the server instead.
 */
export async function loadDebrief(gameId: string, bearer: string | undefined, scenarioOf: (id: string) => Promise<Scenario> = fetchScenario): Promise<DebriefSource> {
  const data = await fetchReview(gameId, bearer);
  const scenario = await scenarioOf(data.scenarioId);
  if (data.access === 'full' && data.record !== null) {
    const scrubber = createScrubber(scenario, data.record);
    return { scenario, data, state: scrubber.stateAt(scrubber.steps), before: (seq) => scrubber.stateAt(seq - 1) };
  }
  const frame = await fetchFrame(gameId, lastStep(data), bearer);
  return { scenario, data, state: frame.state, before: null };
}

/** The scenario of every table is the same: fetch it once per page. */
export function scenarioCache(): (id: string) => Promise<Scenario> {
  const known = new Map<string, Promise<Scenario>>();
  return (id) => {
    let found = known.get(id);
    if (found === undefined) {
      found = fetchScenario(id);
      known.set(id, found);
    }
    return found;
  };
}
