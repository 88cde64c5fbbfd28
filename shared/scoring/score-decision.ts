import type { Scenario } from '../scenario/schema.ts';
import { decisionCost, findInstrument } from '../rules/instruments.ts';
import { overBudget } from '../rules/decision.ts';
import type { Commitment, Move } from '../rules/moves.ts';
import { nextRandom, seedRng } from '../rules/prng.ts';
import type { GameState } from '../rules/state.ts';
import { breaches } from '../rules/agreements.ts';
import { EPSILON, round2 } from '../rules/numbers.ts';
import type { Classification, Flag, FrameworkCard, Ledger, Sentence } from './card.ts';
import { classifyMove } from './classify.ts';
import { evaluateDecision, type Verdict } from './evaluate.ts';
import { closestCase } from './explain.ts';
import { counterpartOf, momentOf } from './moment.ts';

/** The seat on the other side of this particular move. */
function otherSide(scenario: Scenario, state: GameState, seat: string, move: Move): string {
  switch (move.type) {
    case 'propose':
      return move.to;
    case 'threaten':
    case 'promise':
      return move.target;
    case 'accept':
    case 'reject':
    case 'counter':
    case 'withdraw': {
      const proposal = state.proposals.find((p) => p.id === move.proposalId);
      return proposal ? (proposal.from === seat ? proposal.to : proposal.from) : counterpartOf(scenario, seat);
    }
    case 'chat':
      return move.to;
    case 'decide':
    case 'ready':
      return counterpartOf(scenario, seat);
  }
}

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

/** The card's third sentence names the most pressing flag, in this order of precedence. */
function flagSentence(flags: Flag[], params: Record<Flag, Sentence['params']>): Sentence | null {
  const order: Flag[] = ['over-capacity', 'partner-over-capacity', 'breaks-agreement', 'unaffordable-promise', 'self-harming-threat', 'empty-threat-record', 'weak-threat'];
  const first = order.find((f) => flags.includes(f));
  return first === undefined ? null : { key: `flag.${first}`, params: params[first] };
}

/**
 * The framework card for one decision: its reading (instrument, aim, leverage, bargaining),
 * its cost ledger, its evaluation against the alternatives, and its explanation. `before`
 * is the table's state when the move was made; randomness is seeded from the game seed and
 * the decision's place in the record, so the same record always gives the same cards.
 */
export function scoreDecision(scenario: Scenario, before: GameState, seq: number, seat: string, move: Move): FrameworkCard {
  const other = otherSide(scenario, before, seat, move);
  const moment = momentOf(scenario, before, seat, other);
  const reading = classifyMove(scenario, before, moment, move);
  let rng = seedRng(before.seed ^ Math.imul(seq, 0x9e3779b1));
  const random = () => {
    const d = nextRandom(rng);
    rng = d.rng;
    return d.value;
  };
  const verdict: Verdict = evaluateDecision(scenario, before, seat, other, move, random);
  const classification: Classification = { ...reading, bargaining: verdict.bargaining };

  const flags: Flag[] = [];
  const ledger: Ledger = { ...verdict.ledger, costs: { ...verdict.ledger.costs } };
  const obligations = ownObligations(before, seat, move);
  const needed = obligationNeeds(scenario, before, seat, obligations.commitments);
  const capacity = before.seats[seat].capacity;
  if (needed > capacity + EPSILON) {
    flags.push('over-capacity');
    // What carrying the bundle out would take over the rounds it binds, not what a shortfall will show.
    ledger.costs.implementation = round2(Math.max(ledger.costs.implementation, needed * obligations.rounds));
  }
  const partner = partnerObligations(before, seat, move);
  const partnerNeeds = partner.seat === null ? 0 : obligationNeeds(scenario, before, partner.seat, partner.commitments);
  const partnerCapacity = partner.seat === null ? 0 : (before.seats[partner.seat]?.capacity ?? 0);
  if (partner.seat !== null && partnerNeeds > partnerCapacity + EPSILON) flags.push('partner-over-capacity');
  if (move.type === 'decide' && breaches(scenario, before, seat, move.levels).length > 0) flags.push('breaks-agreement');
  const credibility = before.seats[seat].indicators.credibility;
  const emptyThreats = before.threats.some((t) => t.by === seat && t.status === 'not_carried_out');
  if (move.type === 'threaten' && emptyThreats) flags.push('empty-threat-record');
  if (move.type === 'threaten' && credibility < WEAK_CREDIBILITY) flags.push('weak-threat');
  const exposure = (id: string) => scenario.seats.find((s) => s.id === id)?.tradeExposure ?? 0;
  const selfHarming = move.type === 'threaten' && findInstrument(scenario, move.consequence.instrument)?.effect === 'tariff' && exposure(seat) > exposure(move.target);
  if (selfHarming) flags.push('self-harming-threat');
  // A promise is paid out of the capacity the seat has now, on top of the levels it holds.
  const promised = move.type === 'promise' ? { ...before.seats[seat].policy, [move.reward.instrument]: move.reward.amount } : null;
  if (promised !== null && overBudget(scenario, before, seat, promised)) flags.push('unaffordable-promise');

  const role = scenario.seats.find((s) => s.id === seat)?.role ?? 'transit';
  const historical = closestCase(scenario, classification, role);
  const e = verdict.evaluation;
  const leverage = classification.leverage.length > 0 ? `@leverage.${classification.leverage[0]}` : '@leverage.none';
  const explanation: Sentence[] = [
    classification.instrument === 'restraint'
      ? { key: 'concept.restraint', params: {} }
      : classification.aim === null
        ? { key: 'concept.exchange', params: { leverage } }
        : { key: `concept.${classification.instrument}.${classification.aim}`, params: { leverage } },
    {
      key: `verdict.${e.label}`,
      params: {
        horizon: e.horizon,
        expected: e.expected,
        best: e.best,
        loss: round2(Math.max(0, e.best - e.expected)),
        alternatives: e.alternatives,
        driver: `@driver.${verdict.driver}`,
        political: ledger.costs.political,
        reputational: ledger.costs.reputational,
        implementation: ledger.costs.implementation,
      },
    },
    flagSentence(flags, {
      'over-capacity': { needed: round2(needed), capacity },
      'partner-over-capacity': { needed: round2(partnerNeeds), capacity: partnerCapacity },
      'breaks-agreement': {},
      'self-harming-threat': { own: exposure(seat), target: move.type === 'threaten' ? exposure(move.target) : 0 },
      'empty-threat-record': { credibility },
      'weak-threat': { credibility },
      'unaffordable-promise': { needed: promised === null ? 0 : round2(decisionCost(scenario, seat, promised).implementation), capacity },
    }) ?? { key: 'case.resembles', params: { case: `@case:${historical.id}`, text: `@case-text:${historical.id}` } },
  ];
  return { seq, seat, round: before.round, move, classification, ledger, evaluation: e, case: historical.id, flags, explanation };
}
