import type { Scenario } from '../scenario/schema.ts';
import { findInstrument } from '../rules/instruments.ts';
import type { Commitment, InstrumentUse, Move } from '../rules/moves.ts';
import type { GameState } from '../rules/state.ts';
import type { Aim, InstrumentClass, Leverage } from './card.ts';
import { harmInPlay, harmsOther, LEVERAGE_OF, leverageOfInstrument, type Moment } from './moment.ts';

export type Reading = { instrument: InstrumentClass; aim: Aim | null; leverage: Leverage[] };

function leverageOf(scenario: Scenario, ids: string[]): Leverage[] {
  return [...new Set(ids.map((id) => leverageOfInstrument(scenario, id)).filter((l): l is Leverage => l !== null))];
}

/** Does the bundle ask the other side to lift or hold back a harmful instrument (a ceiling on it)? */
function undoesHarm(scenario: Scenario, asks: InstrumentUse[]): boolean {
  return asks.some((a) => {
    const inst = findInstrument(scenario, a.instrument);
    return inst !== undefined && inst.commit === 'atMost' && harmsOther(inst.effect, 1);
  });
}

/**
 * The aim of a conditional move (proposal, threat, promise), by FRAMEWORK §1:
 * extractive when it seeks a gain (money, pathways, control, returns), whatever else is
 * in play; otherwise defensive when it seeks to lift or avert a harm the other side
 * threatens or inflicts, and deterrent when it only asks the other side to hold back
 * with no harm yet in play.
 */
function conditionalAim(scenario: Scenario, m: Moment, asks: InstrumentUse[]): Aim {
  const gains = asks.filter((a) => !undoesHarm(scenario, [a]));
  if (gains.length > 0) return 'extractive';
  return harmInPlay(m) ? 'defensive' : 'deterrent';
}

function bundleReading(scenario: Scenario, m: Moment, commitments: Commitment[]): Reading {
  const mine = commitments.filter((c) => c.seat === m.seat);
  const asks = commitments.filter((c) => c.seat !== m.seat);
  const own = leverageOf(scenario, mine.map((c) => c.instrument));
  // An offer made while one's own threat hangs over the other side is coercion with a price list.
  const backedByThreat = m.threatsBy.some((t) => t.target === m.other);
  return {
    instrument: backedByThreat ? 'coercive' : 'cooperative',
    aim: conditionalAim(scenario, m, asks),
    leverage: own.length > 0 ? own : leverageOf(scenario, asks.map((c) => c.instrument)),
  };
}

function decisionReading(scenario: Scenario, state: GameState, m: Moment, levels: Record<string, number>): Reading {
  const seatState = state.seats[m.seat];
  const changed: { id: string; delta: number; harmful: boolean }[] = [];
  for (const [id, level] of Object.entries(levels)) {
    const inst = findInstrument(scenario, id);
    if (!inst) continue;
    const delta = level - (seatState.policy[id] ?? inst.param.min);
    if (Math.abs(delta) >= inst.param.step - 1e-9) changed.push({ id, delta, harmful: harmsOther(inst.effect, delta) });
  }
  const inForce = state.agreements.filter((a) => state.round >= a.fromRound && state.round <= a.toRound).flatMap((a) => a.commitments).filter((c) => c.seat === m.seat);
  const breaks = inForce.filter((c) => {
    const inst = findInstrument(scenario, c.instrument);
    const level = levels[c.instrument];
    return inst !== undefined && level !== undefined && (inst.commit === 'atLeast' ? level < c.amount - 1e-9 : level > c.amount + 1e-9);
  });
  const carriesOut = m.threatsBy.some((t) => t.dueRound === state.round && changed.some((c) => c.id === t.consequence.instrument && c.harmful));
  const complies = m.threatsAgainst.some((t) => t.dueRound === state.round && changed.some((c) => c.id === t.demand.instrument && !c.harmful));
  const honours = inForce.some((c) => changed.some((ch) => ch.id === c.instrument && !ch.harmful));
  const leverage = leverageOf(scenario, changed.map((c) => c.id));

  if (carriesOut) return { instrument: 'coercive', aim: m.harmedLastRound ? 'punitive' : 'extractive', leverage };
  if (breaks.length > 0) {
    // Defection from an agreement: retaliation if the other side struck first, rent-seeking otherwise.
    return { instrument: 'unilateral', aim: m.harmedLastRound || m.harmInForce ? 'punitive' : 'extractive', leverage: leverage.length > 0 ? leverage : leverageOf(scenario, breaks.map((b) => b.instrument)) };
  }
  if (changed.length === 0) return { instrument: 'restraint', aim: null, leverage: [] };
  if (changed.some((c) => c.harmful)) {
    return { instrument: 'unilateral', aim: m.harmedLastRound || m.harmInForce ? 'punitive' : 'extractive', leverage };
  }
  if (complies || honours) return { instrument: 'cooperative', aim: harmInPlay(m) ? 'defensive' : 'extractive', leverage };
  return { instrument: 'unilateral', aim: harmInPlay(m) ? 'defensive' : 'deterrent', leverage };
}

/**
 * Reads a move in its context: the instrument it uses (coercive, cooperative, unilateral,
 * restraint), its aim when leverage is activated, and the leverage it puts to use. Every
 * scored move gets exactly one instrument, and an aim unless it is restraint.
 */
export function classifyMove(scenario: Scenario, state: GameState, m: Moment, move: Move): Reading {
  switch (move.type) {
    case 'propose':
    case 'counter':
      return bundleReading(scenario, m, move.commitments);
    case 'accept': {
      const proposal = state.proposals.find((p) => p.id === move.proposalId);
      const commitments = proposal?.commitments ?? [];
      const gives = commitments.filter((c) => c.seat === m.seat);
      const gets = commitments.filter((c) => c.seat !== m.seat);
      const aim: Aim = harmInPlay(m) || gets.length === 0 ? 'defensive' : 'extractive';
      const leverage = leverageOf(scenario, (gives.length > 0 ? gives : gets).map((c) => c.instrument));
      return { instrument: 'cooperative', aim, leverage };
    }
    case 'reject': {
      const proposal = state.proposals.find((p) => p.id === move.proposalId);
      const asked = (proposal?.commitments ?? []).filter((c) => c.seat === m.seat);
      // Refusing to hand over one's own leverage (returns, control) is a defensive use of it.
      if (asked.length === 0) return { instrument: 'restraint', aim: null, leverage: [] };
      return { instrument: 'unilateral', aim: 'defensive', leverage: leverageOf(scenario, asked.map((c) => c.instrument)) };
    }
    case 'threaten':
      return { instrument: 'coercive', aim: conditionalAim(scenario, m, [move.demand]), leverage: leverageOf(scenario, [move.consequence.instrument]) };
    case 'promise':
      return { instrument: 'cooperative', aim: conditionalAim(scenario, m, [move.condition]), leverage: leverageOf(scenario, [move.reward.instrument]) };
    case 'decide':
      return decisionReading(scenario, state, m, move.levels);
    case 'withdraw':
    case 'chat':
    case 'ready':
      return { instrument: 'restraint', aim: null, leverage: [] };
  }
}

export { LEVERAGE_OF };
