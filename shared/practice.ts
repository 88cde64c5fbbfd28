import { z } from 'zod';
import { BotPolicyId } from './framework.ts';
import { JoinOptions } from './protocol.ts';

/** How a bot seat of a practice game is played: a policy the student picks, or one the server draws. */
export const PracticeBot = z.union([BotPolicyId, z.literal('random')]);
export type PracticeBot = z.infer<typeof PracticeBot>;

/**
 * POST /api/practice: a game played alone against bots. The student takes `seat`; every
 * other seat is a bot's (its policy from `bots`, or drawn at random when left out). An
 * untimed game (the default) holds its clock: the student plays at their own pace and may
 * let the clock run at any time; a timed one may be held for a break.
 */
export const CreatePracticeBody = z.object({
  scenarioId: z.string().min(1).max(40),
  seat: z.string().min(1).max(40),
  name: JoinOptions.shape.name,
  bots: z.record(z.string().min(1).max(40), PracticeBot).default({}),
  timed: z.boolean().default(false),
  seed: z.number().int().min(0).max(2 ** 31 - 1).optional(),
});
export type CreatePracticeBody = z.infer<typeof CreatePracticeBody>;

export const CreatedPractice = z.object({
  gameId: z.string(),
  /** The student's seat and its token: the page joins with it straight away. */
  seat: z.string(),
  seatToken: z.string(),
  /** The policy each bot seat plays, random ones drawn. */
  bots: z.record(z.string(), BotPolicyId),
  joinUrl: z.string(),
});
export type CreatedPractice = z.infer<typeof CreatedPractice>;
