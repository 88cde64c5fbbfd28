import type { Effect, Scenario } from '../scenario/schema.ts';
import { breaches, obligationsOf } from '../rules/agreements.ts';
import { findInstrument } from '../rules/instruments.ts';
import { at, seatOf } from '../rules/lookup.ts';
import type { Commitment, InstrumentUse, Move } from '../rules/moves.ts';
import type { GameState } from '../rules/state.ts';
import type { Aim, InstrumentClass, Leverage } from './card.ts';
import { harmDone, harmInPlay, harmsOther, LEVERAGE_OF, leverageOfInstrument, type Moment } from './moment.ts';
import { EPSILON } from '../rules/numbers.ts';

/** `aim` is null when no leverage is activated: restraint, and a positive-sum exchange. */
export type Reading = { instrument: InstrumentClass; aim: Aim | null; leverage: Leverage[] };

/** Instruments that are a state's control over movement itself: what a transit state sells when it extracts. */
const CONTROL: ReadonlySet<Effect> = new Set<Effect>(['enforcement', 'accept_returns', 'loosen']);

function leverageOf(scenario: Scenario, ids: string[]): Leverage[] {
  return [...new Set(ids.map((id) => leverageOfInstrument(scenario, id)).filter((l): l is Leverage => l !== null))];
}

/** Does this ask lift or hold back a harmful instrument of the other side (a ceiling on it)? */
function undoesHarm(scenario: Scenario, ask: InstrumentUse): boolean {
  const inst = findInstrument(scenario, ask.instrument);
  return inst !== undefined && inst.commit === 'atMost' && harmsOther(inst.effect, 1);
}

function sellsControl(scenario: Scenario, gives: InstrumentUse[]): boolean {
  return gives.some((g) => {
    const inst = findInstrument(scenario, g.instrument);
    return inst !== undefined && CONTROL.has(inst.effect) && (inst.lever === undefined || inst.lever === 'flows' || inst.lever === 'returns');
  });
}

/**
 * The aim of an exchange (FRAMEWORK §1): extractive when the seat sells its control over
 * movement for a gain, or asks a gain for nothing; defensive when all it asks is to lift or
 * avert a harm in play; otherwise a positive-sum exchange (aid or work permits for hosting,
 * pathways for cooperation) that activates no leverage, so it has no aim.
 */
function exchangeAim(scenario: Scenario, m: Moment, gives: InstrumentUse[], asks: InstrumentUse[]): Aim | null {
  const gains = asks.filter((a) => !undoesHarm(scenario, a));
  if (gains.length === 0) return asks.length === 0 ? null : harmInPlay(m) ? 'defensive' : 'deterrent';
  if (gives.length === 0 || sellsControl(scenario, gives)) return 'extractive';
  return gains.length < asks.length && harmInPlay(m) ? 'defensive' : null;
}

/** A threat's aim: extractive when it demands a gain, defensive when it fends off a harm in play, deterrent ahead of one. */
function threatAim(scenario: Scenario, m: Moment, demand: InstrumentUse): Aim {
  if (!undoesHarm(scenario, demand)) return 'extractive';
  return harmInPlay(m) ? 'defensive' : 'deterrent';
}

function bundleReading(scenario: Scenario, m: Moment, commitments: Commitment[]): Reading {
  const gives = commitments.filter((c) => c.seat === m.seat);
  const asks = commitments.filter((c) => c.seat !== m.seat);
  const own = leverageOf(scenario, gives.map((c) => c.instrument));
  const leverage = own.length > 0 ? own : leverageOf(scenario, asks.map((c) => c.instrument));
  // An offer made while one's own threat hangs over the other side is coercion with a price list.
  if (m.threatsBy.some((t) => t.target === m.other)) {
    const gains = asks.filter((a) => !undoesHarm(scenario, a));
    return { instrument: 'coercive', aim: gains.length > 0 ? 'extractive' : harmInPlay(m) ? 'defensive' : 'deterrent', leverage };
  }
  return { instrument: 'cooperative', aim: exchangeAim(scenario, m, gives, asks), leverage };
}

/** A change of level that harms the other side, read by why it was made (FRAMEWORK §1: punitive only as retaliation). */
function harmAim(scenario: Scenario, m: Moment, ids: string[]): Aim {
  if (harmDone(m)) return 'punitive';
  // Refusing returns pushed on oneself fends off a domestic cost; it is not punishment.
  const refusesReturns = ids.every((id) => findInstrument(scenario, id)?.effect === 'accept_returns');
  if (refusesReturns) return harmInPlay(m) ? 'defensive' : 'deterrent';
  return 'extractive';
}

function decisionReading(scenario: Scenario, state: GameState, m: Moment, levels: Record<string, number>): Reading {
  const seatState = seatOf(state, m.seat);
  const changed: { id: string; harmful: boolean }[] = [];
  for (const [id, level] of Object.entries(levels)) {
    const inst = findInstrument(scenario, id);
    if (!inst) continue;
    const delta = level - (seatState.policy[id] ?? inst.param.min);
    if (Math.abs(delta) >= inst.param.step - EPSILON) changed.push({ id, harmful: harmsOther(inst.effect, delta) });
  }
  const harmful = changed.filter((c) => c.harmful).map((c) => c.id);
  const carried = m.threatsBy.filter((t) => t.dueRound === state.round && harmful.includes(t.consequence.instrument));
  const broken = breaches(scenario, state, m.seat, levels);
  const complies = m.threatsAgainst.some((t) => t.dueRound === state.round && changed.some((c) => c.id === t.demand.instrument && !c.harmful));
  const honours = obligationsOf(state, m.seat).some((c) => changed.some((ch) => ch.id === c.instrument && !ch.harmful));
  const leverage = leverageOf(scenario, changed.map((c) => c.id));

  if (carried.length > 0) {
    // Carrying out a threat serves the threat's own aim, unless it answers a harm just done.
    return { instrument: 'coercive', aim: harmDone(m) ? 'punitive' : threatAim(scenario, m, at(carried, 0).demand), leverage };
  }
  if (broken.length > 0) {
    const ids = broken.map((b) => b.instrument);
    return { instrument: 'unilateral', aim: harmAim(scenario, m, ids), leverage: leverage.length > 0 ? leverage : leverageOf(scenario, ids) };
  }
  if (changed.length === 0) return { instrument: 'restraint', aim: null, leverage: [] };
  if (harmful.length > 0) return { instrument: 'unilateral', aim: harmAim(scenario, m, harmful), leverage };
  if (complies || honours) return { instrument: 'cooperative', aim: harmInPlay(m) ? 'defensive' : null, leverage };
  return { instrument: 'unilateral', aim: harmInPlay(m) ? 'defensive' : 'deterrent', leverage };
}

/**
 * Reads a move in its context: the instrument it uses (coercive, cooperative, unilateral,
 * restraint), its aim when leverage is activated, and the leverage it puts to use.
 */
export function classifyMove(scenario: Scenario, state: GameState, m: Moment, move: Move): Reading {
  switch (move.type) {
    case 'propose':
    case 'counter':
      return bundleReading(scenario, m, move.commitments);
    case 'accept': {
      const commitments = state.proposals.find((p) => p.id === move.proposalId)?.commitments ?? [];
      const gives = commitments.filter((c) => c.seat === m.seat);
      const gets = commitments.filter((c) => c.seat !== m.seat);
      const leverage = leverageOf(scenario, (gives.length > 0 ? gives : gets).map((c) => c.instrument));
      // A one-sided bundle (a concession, or a gift taken) is no exchange: defensive under pressure, else no aim.
      const aim = gets.length === 0 || gives.length === 0 ? (harmInPlay(m) ? 'defensive' : null) : exchangeAim(scenario, m, gives, gets);
      return { instrument: 'cooperative', aim, leverage };
    }
    case 'reject': {
      const asked = (state.proposals.find((p) => p.id === move.proposalId)?.commitments ?? []).filter((c) => c.seat === m.seat);
      // Refusing to hand over one's own leverage (returns, control) is a defensive use of it.
      if (asked.length === 0) return { instrument: 'restraint', aim: null, leverage: [] };
      return { instrument: 'unilateral', aim: 'defensive', leverage: leverageOf(scenario, asked.map((c) => c.instrument)) };
    }
    case 'threaten':
      return { instrument: 'coercive', aim: threatAim(scenario, m, move.demand), leverage: leverageOf(scenario, [move.consequence.instrument]) };
    case 'promise':
      return { instrument: 'cooperative', aim: exchangeAim(scenario, m, [move.reward], [move.condition]), leverage: leverageOf(scenario, [move.reward.instrument]) };
    case 'decide':
      return decisionReading(scenario, state, m, move.levels);
    case 'withdraw':
    case 'chat':
    case 'ready':
      return { instrument: 'restraint', aim: null, leverage: [] };
  }
}

export { LEVERAGE_OF };
