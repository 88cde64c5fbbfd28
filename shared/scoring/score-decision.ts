import type { Scenario } from '../scenario/schema.ts';
import type { Move } from '../rules/moves.ts';
import { nextRandom, seedRng } from '../rules/prng.ts';
import type { GameState } from '../rules/state.ts';
import { round2 } from '../rules/numbers.ts';
import type { Classification, Flag, FrameworkCard, Ledger, Sentence } from './card.ts';
import { classifyMove } from './classify.ts';
import { evaluateDecision, type Verdict } from './evaluate.ts';
import { closestCase } from './explain.ts';
import { decisionFlags, mostPressing } from './flags.ts';
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

/** The card's third sentence names the most pressing flag. */
function flagSentence(flags: Flag[], params: Record<Flag, Sentence['params']>): Sentence | null {
  const first = mostPressing(flags);
  return first === null ? null : { key: `flag.${first}`, params: params[first] };
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

  const raised = decisionFlags(scenario, before, seat, move);
  const flags = raised.flags;
  const ledger: Ledger = { ...verdict.ledger, costs: { ...verdict.ledger.costs } };
  // What carrying an over-capacity bundle out would take over the rounds it binds, not what a shortfall will show.
  if (flags.includes('over-capacity')) ledger.costs.implementation = round2(Math.max(ledger.costs.implementation, raised.needed * raised.rounds));

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
    flagSentence(flags, raised.params) ?? { key: 'case.resembles', params: { case: `@case:${historical.id}`, text: `@case-text:${historical.id}` } },
  ];
  return { seq, seat, round: before.round, move, classification, ledger, evaluation: e, case: historical.id, flags, explanation };
}
