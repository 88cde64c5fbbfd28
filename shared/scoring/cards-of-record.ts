import type { GameRecord } from '../record.ts';
import type { Scenario } from '../scenario/schema.ts';
import { advancePhase } from '../rules/advance-phase.ts';
import { applyMove } from '../rules/apply-move.ts';
import { createGame } from '../rules/create-game.ts';
import { SCORED_MOVES, type FrameworkCard } from './card.ts';
import { scoreDecision } from './score-decision.ts';

/** Every decision's card, rebuilt from the record alone: what a replay or an export shows. */
export function cardsOfRecord(scenario: Scenario, record: GameRecord): FrameworkCard[] {
  const cards: FrameworkCard[] = [];
  let state = createGame(scenario, record.seed);
  for (const entry of record.entries) {
    if (entry.kind === 'advance') {
      state = advancePhase(scenario, state).state;
      continue;
    }
    if (SCORED_MOVES.has(entry.move.type)) cards.push(scoreDecision(scenario, state, entry.seq, entry.seat, entry.move));
    const applied = applyMove(scenario, state, entry.seat, entry.move);
    if (!applied.ok) throw new Error(`entry ${entry.seq} no longer applies: ${applied.rejection.code}`);
    state = applied.value.state;
  }
  return cards;
}
