import type { Scenario } from '../scenario/schema.ts';
import { findInstrument, meetsCommitment } from './instruments.ts';
import type { Commitment } from './moves.ts';
import type { Agreement, GameState } from './state.ts';

/** Agreements whose obligations bind this round's decisions (optionally only those `seat` is party to). */
export function agreementsInForce(state: GameState, round = state.round, seat?: string): Agreement[] {
  return state.agreements.filter((a) => a.fromRound <= round && round <= a.toRound && (seat === undefined || a.parties.includes(seat)));
}

/** What `seat` itself is bound to do in `round`, over every agreement in force. */
export function obligationsOf(state: GameState, seat: string, round = state.round): Commitment[] {
  return agreementsInForce(state, round).flatMap((a) => a.commitments.filter((c) => c.seat === seat));
}

/** An agreement in force already binds `seat` to `use` (or to more) in every round up to `throughRound`. */
export function bindsAlready(scenario: Scenario, state: GameState, seat: string, use: Commitment | { instrument: string; amount: number }, throughRound: number): boolean {
  const inst = findInstrument(scenario, use.instrument);
  if (!inst) return false;
  for (let round = state.round; round <= throughRound; round++) {
    const bound = obligationsOf(state, seat, round).some((c) => c.instrument === use.instrument && meetsCommitment(inst, c.amount, use.amount));
    if (!bound) return false;
  }
  return true;
}

/** The obligations in force that `levels` would break if sealed by `seat` this round. */
export function breaches(scenario: Scenario, state: GameState, seat: string, levels: Record<string, number>): Commitment[] {
  return obligationsOf(state, seat).filter((c) => {
    const inst = findInstrument(scenario, c.instrument);
    const level = levels[c.instrument];
    return inst !== undefined && level !== undefined && !meetsCommitment(inst, level, c.amount);
  });
}
