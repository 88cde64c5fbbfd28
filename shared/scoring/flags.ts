import type { Scenario } from '../scenario/schema.ts';
import { decisionCost, findInstrument } from '../rules/instruments.ts';
import { overBudget } from '../rules/decision.ts';
import type { Commitment, Move } from '../rules/moves.ts';
import type { GameState } from '../rules/state.ts';
import { breaches } from '../rules/agreements.ts';
import { EPSILON, round2 } from '../rules/numbers.ts';
import type { Flag, Sentence } from './card.ts';

function ownObligations(state: GameState, seat: string, move: Move): { commitments: Commitment[]; rounds: number } {
  if (move.type === 'propose' || move.type === 'counter') return { commitments: move.commitments.filter((c) => c.seat === seat), rounds: move.rounds };
  if (move.type === 'accept') {
    const p = state.proposals.find((x) => x.id === move.proposalId);
    return { commitments: (p?.commitments ?? []).filter((c) => c.seat === seat), rounds: p?.rounds ?? 1 };
  }
  return { commitments: [], rounds: 0 };
}

/**
 * Capacity a bundle's own obligations need each round, counting a returns commitment
 * beyond what the seat can receive as capacity it would have to find.
 */
function obligationNeeds(scenario: Scenario, state: GameState, seat: string, commitments: Commitment[]): number {
  const levels: Record<string, number> = {};
  let reception = 0;
  for (const c of commitments) {
    const inst = findInstrument(scenario, c.instrument);
    if (!inst || inst.commit !== 'atLeast') continue;
    levels[c.instrument] = c.amount;
    if (inst.effect === 'accept_returns') reception += c.amount / Math.max(1, scenario.coefficients.returnsPerCapacity);
  }
  return Math.max(decisionCost(scenario, seat, levels).implementation, reception);
}

/** Below this credibility a threat has little behind it (the indicator runs 0..100). */
export const WEAK_CREDIBILITY = 35;

/** The obligations a bundle puts on the other party, and who that is. */
function partnerObligations(state: GameState, seat: string, move: Move): { seat: string | null; commitments: Commitment[] } {
  if (move.type === 'propose' || move.type === 'counter') {
    const to = move.type === 'propose' ? move.to : state.proposals.find((p) => p.id === move.proposalId)?.from ?? null;
    return { seat: to, commitments: to === null ? [] : move.commitments.filter((c) => c.seat === to) };
  }
  if (move.type === 'accept') {
    const p = state.proposals.find((x) => x.id === move.proposalId);
    return { seat: p?.from ?? null, commitments: (p?.commitments ?? []).filter((c) => c.seat === p?.from) };
  }
  return { seat: null, commitments: [] };
}


/** What a move raises, with each flag's numbers for its sentence, and what the seat's own obligations need (per round, and for how many). */
export type DecisionFlags = { flags: Flag[]; params: Record<Flag, Sentence['params']>; needed: number; rounds: number };

/**
 * The warnings a move raises at the moment it is made (FRAMEWORK §2): an agreement beyond
 * one's own or the partner's capacity, a decision that breaks an agreement in force, a
 * threat with little credibility or an empty-threat record behind it, a tariff threat
 * that would hurt the threatener more than its target, a promise the seat cannot afford.
 * Cheap and pure: the card reads it, and the table shows it before the move is sent.
 * `state` may be the seat's own view: nothing here reads another seat's secrets.
 */
export function decisionFlags(scenario: Scenario, state: GameState, seat: string, move: Move): DecisionFlags {
  const flags: Flag[] = [];
  const own = state.seats[seat];
  if (own === undefined) throw new Error(`no seat "${seat}"`);
  const obligations = ownObligations(state, seat, move);
  const needed = obligationNeeds(scenario, state, seat, obligations.commitments);
  const capacity = own.capacity;
  if (needed > capacity + EPSILON) flags.push('over-capacity');
  const partner = partnerObligations(state, seat, move);
  const partnerNeeds = partner.seat === null ? 0 : obligationNeeds(scenario, state, partner.seat, partner.commitments);
  const partnerCapacity = partner.seat === null ? 0 : (state.seats[partner.seat]?.capacity ?? 0);
  if (partner.seat !== null && partnerNeeds > partnerCapacity + EPSILON) flags.push('partner-over-capacity');
  if (move.type === 'decide' && breaches(scenario, state, seat, move.levels).length > 0) flags.push('breaks-agreement');
  const credibility = own.indicators.credibility;
  const emptyThreats = state.threats.some((t) => t.by === seat && t.status === 'not_carried_out');
  if (move.type === 'threaten' && emptyThreats) flags.push('empty-threat-record');
  if (move.type === 'threaten' && credibility < WEAK_CREDIBILITY) flags.push('weak-threat');
  const exposure = (id: string) => scenario.seats.find((s) => s.id === id)?.tradeExposure ?? 0;
  const selfHarming = move.type === 'threaten' && findInstrument(scenario, move.consequence.instrument)?.effect === 'tariff' && exposure(seat) > exposure(move.target);
  if (selfHarming) flags.push('self-harming-threat');
  // A promise is paid out of the capacity the seat has now, on top of the levels it holds.
  const promised = move.type === 'promise' ? { ...own.policy, [move.reward.instrument]: move.reward.amount } : null;
  if (promised !== null && overBudget(scenario, state, seat, promised)) flags.push('unaffordable-promise');
  return {
    flags,
    needed,
    rounds: obligations.rounds,
    params: {
      'over-capacity': { needed: round2(needed), capacity },
      'partner-over-capacity': { needed: round2(partnerNeeds), capacity: partnerCapacity },
      'breaks-agreement': {},
      'self-harming-threat': { own: exposure(seat), target: move.type === 'threaten' ? exposure(move.target) : 0 },
      'empty-threat-record': { credibility },
      'weak-threat': { credibility },
      'unaffordable-promise': { needed: promised === null ? 0 : round2(decisionCost(scenario, seat, promised).implementation), capacity },
    },
  };
}

/** Flags in order of how pressing they are: the one a sentence names first. */
const PRECEDENCE: readonly Flag[] = ['over-capacity', 'partner-over-capacity', 'breaks-agreement', 'unaffordable-promise', 'self-harming-threat', 'empty-threat-record', 'weak-threat'];

export function byPrecedence(flags: readonly Flag[]): Flag[] {
  return PRECEDENCE.filter((f) => flags.includes(f));
}

export function mostPressing(flags: readonly Flag[]): Flag | null {
  return byPrecedence(flags)[0] ?? null;
}
