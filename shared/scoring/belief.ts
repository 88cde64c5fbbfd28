import type { Scenario } from '../scenario/schema.ts';
import { findInstrument } from '../rules/instruments.ts';
import type { GameState } from '../rules/state.ts';
import type { BotPolicyId } from '../bots/policy.ts';
import { harmsOther } from './moment.ts';

/** How much more likely a policy becomes for each sign of it the seat has seen. */
export const EVIDENCE_WEIGHT = 2;

/**
 * What the seat can believe about the other side, from what it has seen the other side
 * do (never from its hidden parameters): every policy starts equally likely, and each
 * kind of conduct observed makes the policies that behave that way more likely. A seat
 * that has threatened you is more likely to carry threats out and escalate.
 */
export function beliefWeights(scenario: Scenario, state: GameState, seat: string, other: string): Record<BotPolicyId, number> {
  const threatened = state.threats.some((t) => t.by === other && t.target === seat);
  const carriedOut = state.threats.some((t) => t.by === other && t.target === seat && t.status === 'carried_out');
  const harmful = scenario.instruments.some((inst) => {
    if (inst.seat !== other) return false;
    const level = state.seats[other]?.policy[inst.id] ?? inst.param.min;
    return harmsOther(inst.effect, level - (inst.start ?? inst.param.min));
  });
  const theirProposals = state.proposals.filter((p) => p.from === other && p.to === seat);
  const asksMoney = theirProposals.some((p) =>
    p.commitments.some((c) => c.seat === seat && ['aid', 'pathway'].includes(findInstrument(scenario, c.instrument)?.effect ?? '')),
  );
  const dealt = state.agreements.some((a) => a.parties.includes(seat) && a.parties.includes(other));
  const silent = !threatened && !harmful && theirProposals.length === 0;
  const w = (signs: boolean[]) => 1 + EVIDENCE_WEIGHT * signs.filter(Boolean).length;
  return {
    restraint: w([silent]),
    defensive: w([dealt && !threatened]),
    extractive: w([asksMoney]),
    punitive: w([carriedOut, harmful]),
    coercive: w([threatened, carriedOut]),
    dealmaker: w([dealt && !threatened, theirProposals.length > 0 && !threatened]),
  };
}
