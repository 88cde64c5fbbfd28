import type { GameRecord, RecordEntry } from '../record.ts';
import type { Scenario } from '../scenario/schema.ts';
import { advancePhase } from './advance-phase.ts';
import { applyMove } from './apply-move.ts';
import { createGame } from './create-game.ts';
import { endGame, injectEvent } from './instructor.ts';
import type { GameState } from './state.ts';

/**
 * One recorded entry applied to the state it was recorded against. A record holds only
 * accepted entries, so a refusal here means the record or the rules changed under it:
 * that is a bug, and it throws.
 */
export function applyEntry(scenario: Scenario, state: GameState, entry: RecordEntry): GameState {
  switch (entry.kind) {
    case 'advance':
      return advancePhase(scenario, state).state;
    case 'inject':
    case 'end': {
      const steered = entry.kind === 'inject' ? injectEvent(scenario, state, entry.eventId) : endGame(state);
      if (!steered.ok) throw new Error(`entry ${entry.seq} no longer applies: ${steered.rejection.code}`);
      return steered.value.state;
    }
    case 'move': {
      const applied = applyMove(scenario, state, entry.seat, entry.move);
      if (!applied.ok) throw new Error(`entry ${entry.seq} no longer applies: ${applied.rejection.code}`);
      return applied.value.state;
    }
  }
}

function checkRecordFits(scenario: Scenario, record: GameRecord): void {
  if (record.scenarioId !== scenario.id || record.scenarioVersion !== scenario.version) {
    throw new Error(`record is for ${record.scenarioId} v${record.scenarioVersion}, not ${scenario.id} v${scenario.version}`);
  }
}

/** Each entry with the state just before it, in order: the walk replays, scoring and exports share. */
export function* entriesWithState(scenario: Scenario, record: GameRecord): Generator<{ entry: RecordEntry; before: GameState }> {
  checkRecordFits(scenario, record);
  let state = createGame(scenario, record.seed);
  for (const entry of record.entries) {
    yield { entry, before: state };
    state = applyEntry(scenario, state, entry);
  }
}

/** Rebuild a game from its record; `upTo` stops after that many entries (a replay viewer's scrubber). */
export function replay(scenario: Scenario, record: GameRecord, upTo = record.entries.length): GameState {
  checkRecordFits(scenario, record);
  let state = createGame(scenario, record.seed);
  for (const entry of record.entries.slice(0, upTo)) state = applyEntry(scenario, state, entry);
  return state;
}
