import type { Effect, Scenario } from '../scenario/schema.ts';
import { findInstrument, instrumentsOf } from '../rules/instruments.ts';
import type { GameState, Threat } from '../rules/state.ts';
import type { Leverage } from './card.ts';

/** Which kind of leverage each instrument's effect puts to use (FRAMEWORK §1, §3). */
export const LEVERAGE_OF: Record<Effect, Leverage> = {
  enforcement: 'flows',
  loosen: 'flows',
  accept_returns: 'returns',
  request_returns: 'returns',
  tariff: 'trade',
  aid: 'money',
  pathway: 'pathways',
  asylum: 'pathways',
  // A visa is a legal way to travel: withholding it closes that pathway to a state's nationals.
  visa_sanctions: 'pathways',
};

/** Which way of moving an instrument harms the other side: up for these, down for the rest. */
const HARMS_WHEN_RAISED = new Set<Effect>(['tariff', 'loosen', 'request_returns', 'visa_sanctions']);

export function harmsOther(effect: Effect, delta: number): boolean {
  return HARMS_WHEN_RAISED.has(effect) ? delta > 0 : delta < 0 && effect !== 'asylum';
}

/**
 * The context a decision is judged in: what the seat could see when it made it. Built
 * from the player's view, so nothing hidden from the seat enters its verdict.
 */
export type Moment = {
  seat: string;
  /** The seat on the other side of this decision. */
  other: string;
  role: 'destination' | 'transit';
  /** Threats against this seat still pending. */
  threatsAgainst: Threat[];
  /** This seat's own pending threats. */
  threatsBy: Threat[];
  /** A harmful instrument the other side has in force against this seat (a tariff, visa sanctions, loosened controls). */
  harmInForce: boolean;
  /** The other side is pushing returns on this seat: pressure, but not a harm done to it. */
  requestInForce: boolean;
  /** Last round the other side carried out a threat against this seat or broke an agreement by choice. */
  harmedLastRound: boolean;
  leverageAvailable: Leverage[];
};

export function counterpartOf(scenario: Scenario, seat: string): string {
  const mine = scenario.seats.find((s) => s.id === seat);
  const other = scenario.seats.find((s) => s.id !== seat && s.role !== mine?.role) ?? scenario.seats.find((s) => s.id !== seat);
  return other?.id ?? seat;
}

function raisedAboveStart(scenario: Scenario, state: GameState, by: string, which: (effect: Effect) => boolean): boolean {
  return instrumentsOf(scenario, by).some((inst) => {
    const level = state.seats[by]?.policy[inst.id] ?? inst.param.min;
    const baseline = inst.start ?? inst.param.min;
    return HARMS_WHEN_RAISED.has(inst.effect) && which(inst.effect) && level > baseline;
  });
}

export function momentOf(scenario: Scenario, state: GameState, seat: string, other = counterpartOf(scenario, seat)): Moment {
  const last = state.history.at(-1);
  const lastThreats = new Set((last?.threats ?? []).filter((t) => t.status === 'carried_out').map((t) => t.id));
  const harmedByThreat = state.threats.some((t) => t.target === seat && t.by === other && lastThreats.has(t.id));
  const brokeByChoice = (last?.compliance ?? []).some((c) => c.seat === other && c.ratio < 1 && c.limitedBy === 'choice');
  const role = scenario.seats.find((s) => s.id === seat)?.role ?? 'transit';
  return {
    seat,
    other,
    role,
    threatsAgainst: state.threats.filter((t) => t.status === 'pending' && t.target === seat),
    threatsBy: state.threats.filter((t) => t.status === 'pending' && t.by === seat),
    harmInForce: raisedAboveStart(scenario, state, other, (e) => e !== 'request_returns'),
    requestInForce: raisedAboveStart(scenario, state, other, (e) => e === 'request_returns'),
    harmedLastRound: harmedByThreat || brokeByChoice,
    leverageAvailable: [...new Set(instrumentsOf(scenario, seat).map((i) => i.lever ?? LEVERAGE_OF[i.effect]))],
  };
}

/** A harm is done when one is in force or was just inflicted: what a punitive move can answer. */
export function harmDone(m: Moment): boolean {
  return m.harmInForce || m.harmedLastRound;
}

/** A harm is in play when one is done, threatened, or returns are being pushed on the seat. */
export function harmInPlay(m: Moment): boolean {
  return harmDone(m) || m.requestInForce || m.threatsAgainst.length > 0;
}

export function leverageOfInstrument(scenario: Scenario, id: string): Leverage | null {
  const inst = findInstrument(scenario, id);
  return inst ? (inst.lever ?? LEVERAGE_OF[inst.effect]) : null;
}
