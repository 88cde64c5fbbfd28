import { z } from 'zod';
import { Actor } from './actor.ts';
import { Move } from './rules/moves.ts';

/**
 * The game record is an event log: scenario, seed and the ordered accepted moves and
 * phase advances, each with who made it happen (`actor`). Every state, replay and export
 * is derived from it.
 */
export const RecordEntry = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('move'), seq: z.number().int().min(1), at: z.number(), actor: Actor, seat: z.string(), move: Move }),
  z.object({
    kind: z.literal('advance'),
    seq: z.number().int().min(1),
    at: z.number(),
    actor: Actor,
    reason: z.enum(['timer', 'all-ready', 'instructor']),
  }),
  /** The instructor brought a scenario event into the round. */
  z.object({ kind: z.literal('inject'), seq: z.number().int().min(1), at: z.number(), actor: Actor, eventId: z.string() }),
  /** The table was ended: by the instructor, or by the server when no one ever sat at a game of its own. */
  z.object({ kind: z.literal('end'), seq: z.number().int().min(1), at: z.number(), actor: Actor }),
]);
export type RecordEntry = z.infer<typeof RecordEntry>;

export const GameRecord = z.object({
  gameId: z.string(),
  scenarioId: z.string(),
  scenarioVersion: z.number().int(),
  seed: z.number().int(),
  createdAt: z.number(),
  /** A fork: the game it was forked from and the step (entries replayed); its own entries begin with those. */
  parent: z.object({ gameId: z.string(), step: z.number().int().min(0) }).nullable().optional(),
  entries: z.array(RecordEntry),
});
export type GameRecord = z.infer<typeof GameRecord>;
