import type { Scenario } from '../scenario/schema.ts';
import { decisionCost, findInstrument } from '../rules/instruments.ts';
import type { Commitment, Move } from '../rules/moves.ts';
import { nextRandom, seedRng } from '../rules/prng.ts';
import type { GameState } from '../rules/state.ts';
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

const r2 = (n: number) => Math.round(n * 100) / 100;

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
  if (needed > capacity + 1e-9) {
    flags.push('over-capacity');
    // What carrying the bundle out would take over the rounds it binds, not what a shortfall will show.
    ledger.costs.implementation = r2(Math.max(ledger.costs.implementation, needed * obligations.rounds));
  }
  if (classification.instrument === 'unilateral' && move.type === 'decide') {
    const inForce = before.agreements.filter((a) => before.round >= a.fromRound && before.round <= a.toRound).flatMap((a) => a.commitments).filter((c) => c.seat === seat);
    const breaks = inForce.some((c) => {
      const inst = findInstrument(scenario, c.instrument);
      const level = move.levels[c.instrument];
      return inst !== undefined && level !== undefined && (inst.commit === 'atLeast' ? level < c.amount : level > c.amount);
    });
    if (breaks) flags.push('breaks-agreement');
  }
  const credibility = before.seats[seat].indicators.credibility;
  const emptyThreats = before.threats.some((t) => t.by === seat && t.status === 'not_carried_out');
  if (move.type === 'threaten' && emptyThreats) flags.push('empty-threat-record');

  const role = scenario.seats.find((s) => s.id === seat)?.role ?? 'transit';
  const historical = closestCase(scenario, classification, role);
  const e = verdict.evaluation;
  const leverage = classification.leverage.length > 0 ? `@leverage.${classification.leverage[0]}` : '@leverage.none';
  const explanation: Sentence[] = [
    classification.instrument === 'restraint' || classification.aim === null
      ? { key: 'concept.restraint', params: {} }
      : { key: `concept.${classification.instrument}.${classification.aim}`, params: { leverage } },
    {
      key: `verdict.${e.label}`,
      params: {
        horizon: e.horizon,
        expected: e.expected,
        best: e.best,
        loss: r2(Math.max(0, e.best - e.expected)),
        alternatives: e.alternatives,
        driver: `@driver.${verdict.driver}`,
        political: ledger.costs.political,
        reputational: ledger.costs.reputational,
        implementation: ledger.costs.implementation,
      },
    },
    flags.includes('over-capacity')
      ? { key: 'flag.over-capacity', params: { needed: r2(needed), capacity } }
      : flags.includes('breaks-agreement')
        ? { key: 'flag.breaks-agreement', params: {} }
        : flags.includes('empty-threat-record')
          ? { key: 'flag.empty-threat-record', params: { credibility } }
          : { key: 'case.resembles', params: { case: `@case:${historical.id}`, text: `@case-text:${historical.id}` } },
  ];
  return { seq, seat, round: before.round, move, classification, ledger, evaluation: e, case: historical.id, flags, explanation };
}
