import type { Move } from '../rules/moves.ts';
import type { GameState } from '../rules/state.ts';
import type { Scenario } from '../scenario/schema.ts';
import { coercive } from './coercive.ts';
import { dealmaker } from './dealmaker.ts';
import { defensive } from './defensive.ts';
import { extractive } from './extractive.ts';
import { punitive } from './punitive.ts';
import { restraint } from './restraint.ts';

import { BotPolicyId } from '../framework.ts';

export { BotPolicyId };

/**
 * What a bot knows when it acts: the scenario, its own `playerView` of the table (never
 * the full state), its seat, and a random source handed in so that play stays replayable.
 */
export type BotContext = { scenario: Scenario; view: GameState; seat: string; random: () => number };

/** The moves this seat wants to make now, in order, given only what it can see. [] = nothing more this phase. */
export type BotPolicy = (ctx: BotContext) => Move[];

export const BOT_POLICIES: Record<BotPolicyId, BotPolicy> = {
  restraint,
  defensive,
  extractive,
  punitive,
  coercive,
  dealmaker,
};
