import type { GameRecord } from '../record.ts';
import type { Move } from '../rules/moves.ts';
import { entriesWithState } from '../rules/replay.ts';
import type { GameState } from '../rules/state.ts';
import type { Scenario } from '../scenario/schema.ts';
import { SCORED_MOVES, type FrameworkCard } from './card.ts';
import { scoreDecision } from './score-decision.ts';

export type Decision = { before: GameState; seq: number; seat: string; move: Move };

/** Every decision in a record, with the table as it stood just before it. */
export function* decisionsOfRecord(scenario: Scenario, record: GameRecord): Generator<Decision> {
  for (const { entry, before } of entriesWithState(scenario, record)) {
    if (entry.kind === 'move' && SCORED_MOVES.has(entry.move.type)) yield { before, seq: entry.seq, seat: entry.seat, move: entry.move };
  }
}

/** Every decision's card, rebuilt from the record alone: what a replay or an export shows. */
export function cardsOfRecord(scenario: Scenario, record: GameRecord): FrameworkCard[] {
  return [...decisionsOfRecord(scenario, record)].map((d) => scoreDecision(scenario, d.before, d.seq, d.seat, d.move));
}
