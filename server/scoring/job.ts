import type { Move } from '../../shared/rules/moves.ts';
import type { GameState } from '../../shared/rules/state.ts';
import type { Scenario } from '../../shared/scenario/schema.ts';
import type { FrameworkCard } from '../../shared/scoring/card.ts';

/** One decision to score: the table as it stood just before the move, and the move. */
export type ScoringJob = { scenario: Scenario; before: GameState; seq: number; seat: string; move: Move };

/**
 * What crosses to a worker. The scenario travels once per worker: later jobs name it
 * by key and the worker uses its cached copy.
 */
export type WorkerRequest = Omit<ScoringJob, 'scenario'> & { scenarioKey: string; scenario?: Scenario };

/** What comes back: the card and how long scoring took inside the worker, or why it failed. */
export type WorkerReply = { ok: true; card: FrameworkCard; ms: number } | { ok: false; error: string };

/** A scenario is identified by id and version: a changed scenario file gets a new version. */
export function scenarioKey(scenario: Scenario): string {
  return `${scenario.id}@${scenario.version}`;
}
