import type { GameRecord } from '../record.ts';
import type { Scenario } from '../scenario/schema.ts';
import { advancePhase } from './advance-phase.ts';
import { applyMove } from './apply-move.ts';
import { createGame } from './create-game.ts';
import type { GameState } from './state.ts';

/**
 * Rebuild a game from its record. A record holds only accepted moves, so a refusal
 * here means the record or the rules changed under it: that is a bug, and it throws.
 * `upTo` stops after that many entries (for a replay viewer's scrubber).
 */
export function replay(scenario: Scenario, record: GameRecord, upTo = record.entries.length): GameState {
  if (record.scenarioId !== scenario.id || record.scenarioVersion !== scenario.version) {
    throw new Error(`record is for ${record.scenarioId} v${record.scenarioVersion}, not ${scenario.id} v${scenario.version}`);
  }
  let state = createGame(scenario, record.seed);
  for (const entry of record.entries.slice(0, upTo)) {
    if (entry.kind === 'advance') {
      state = advancePhase(scenario, state).state;
      continue;
    }
    const applied = applyMove(scenario, state, entry.seat, entry.move);
    if (!applied.ok) throw new Error(`entry ${entry.seq} no longer applies: ${applied.rejection.code}`);
    state = applied.value.state;
  }
  return state;
}
