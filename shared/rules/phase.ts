import { z } from 'zod';

/** The phases of a round, in order; a scenario's hints name them too, so they live apart from the game state. */
export const Phase = z.enum(['briefing', 'negotiation', 'decision', 'resolution', 'debrief', 'ended']);
export type Phase = z.infer<typeof Phase>;
export const PHASES = Phase.options;
