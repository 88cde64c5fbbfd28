import { z } from 'zod';
import { BotPolicyId } from './framework.ts';

/**
 * Who made a recorded entry happen. A seat's move is a student's (one member of the seat's
 * team) or a bot's; a phase advance is the timer's, the instructor's, or the table's own
 * rule (every seat ready); an injected event is the instructor's; an end is the
 * instructor's or the table's (no one ever sat at a game of its own). Records written
 * before actors were kept say 'unknown' where the record could not tell.
 */
export const Actor = z.discriminatedUnion('kind', [
  /**
   * A student: `memberId` is the class roster's id for the student (null at a game of its
   * own, which has no roster); `name` is the name shown when the move was made.
   */
  z.object({ kind: z.literal('student'), memberId: z.string().nullable(), name: z.string() }),
  /** A bot, by its policy (null: a policy of a study's own, outside the built-in ones). */
  z.object({ kind: z.literal('bot'), policy: BotPolicyId.nullable() }),
  z.object({ kind: z.literal('instructor') }),
  z.object({ kind: z.literal('timer') }),
  /** The table's own rule: every seat was ready, or a game of its own that no one took ended. */
  z.object({ kind: z.literal('table') }),
  /** An entry recorded before actors were kept, whose record cannot say who made it. */
  z.object({ kind: z.literal('unknown') }),
]);
export type Actor = z.infer<typeof Actor>;

export const TIMER: Actor = { kind: 'timer' };
export const INSTRUCTOR: Actor = { kind: 'instructor' };
export const TABLE_RULE: Actor = { kind: 'table' };
export const UNKNOWN_ACTOR: Actor = { kind: 'unknown' };

/** An advance's actor follows from its reason: the timer, the instructor, or the table's rule (every seat ready). */
export function advanceActor(reason: 'timer' | 'all-ready' | 'instructor'): Actor {
  switch (reason) {
    case 'timer':
      return TIMER;
    case 'instructor':
      return INSTRUCTOR;
    case 'all-ready':
      return TABLE_RULE;
  }
}

export function botActor(policy: BotPolicyId | null): Actor {
  return { kind: 'bot', policy };
}

/** Whether two actors are the same student (by roster id, or by name at a game of its own). */
export function sameStudent(a: Actor, memberId: string | null, name: string): boolean {
  if (a.kind !== 'student') return false;
  return a.memberId !== null && memberId !== null ? a.memberId === memberId : a.name === name;
}
