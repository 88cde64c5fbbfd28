import { BotPolicyId } from '../../shared/bots/policy.ts';
import { ForkBody, type ForkSeat } from '../../shared/review/schemas.ts';
import type { Scenario } from '../../shared/scenario/schema.ts';
import type { MessageKey } from '../i18n/index.ts';

/**
 * The what-if form as data: the seat the reader takes, who plays each other seat (a bot
 * of a policy, or whoever opens the link), and the reader's name; turned into a fork body
 * checked by the shared schema, or into the problem to show beside the name.
 */

/** A seat's player in the form: a bot policy, or 'open' for another student. */
export type SeatChoice = BotPolicyId | 'open';
export type ForkDraft = { step: number; me: string; others: Readonly<Record<string, string>>; name: string };
export type BuiltFork = { ok: true; body: ForkBody } | { ok: false; field: 'name' | 'form'; problem: MessageKey };

export const SEAT_CHOICES: readonly SeatChoice[] = [...BotPolicyId.options, 'open'];

// The same rule as every display name: 1–40 characters once trimmed, no control characters.
const CONTROL = /\p{Cc}/u;

export function forkNameProblem(name: string): MessageKey | null {
  const trimmed = name.trim();
  if (trimmed === '') return 'fork.nameRequired';
  // Counted as the schema counts (UTF-16 units), so the form and the server never disagree.
  if (trimmed.length > 40) return 'fork.nameTooLong';
  if (CONTROL.test(trimmed)) return 'fork.nameControl';
  return null;
}

export function forkBodyFrom(scenario: Scenario, draft: ForkDraft): BuiltFork {
  const problem = forkNameProblem(draft.name);
  if (problem !== null) return { ok: false, field: 'name', problem };
  if (!scenario.seats.some((s) => s.id === draft.me)) return { ok: false, field: 'form', problem: 'fork.pickSeat' };
  const seats: Record<string, ForkSeat> = {};
  for (const seat of scenario.seats) {
    if (seat.id === draft.me) {
      seats[seat.id] = { by: 'me' };
      continue;
    }
    const choice = draft.others[seat.id] ?? '';
    const policy = BotPolicyId.safeParse(choice);
    if (policy.success) seats[seat.id] = { by: 'bot', policy: policy.data };
    else if (choice === 'open') seats[seat.id] = { by: 'open' };
    else return { ok: false, field: 'form', problem: 'fork.pickPlayer' };
  }
  const parsed = ForkBody.safeParse({ step: draft.step, seats, name: draft.name.trim() });
  return parsed.success ? { ok: true, body: parsed.data } : { ok: false, field: 'form', problem: 'fork.invalid' };
}

/**
 * Who plays a seat unless the reader says otherwise: the bot that held it, else the
 * policy closest to what that government really did, else the most restrained.
 */
export function defaultChoice(scenario: Scenario, occupants: Readonly<Record<string, string>>, seat: string): SeatChoice {
  const held = occupants[seat] ?? '';
  const bot = BotPolicyId.safeParse(held.startsWith('bot:') ? held.slice(4) : '');
  if (bot.success) return bot.data;
  return scenario.historicalPolicies?.[seat] ?? 'restraint';
}

/** Seats the fork leaves to whoever opens its link. */
export function openSeats(body: ForkBody): string[] {
  return Object.entries(body.seats)
    .filter(([, seat]) => seat.by === 'open')
    .map(([id]) => id);
}
