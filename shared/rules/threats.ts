import type { Scenario } from '../scenario/schema.ts';
import { bindsAlready } from './agreements.ts';
import { findInstrument, meetsCommitment } from './instruments.ts';
import type { InstrumentUse } from './moves.ts';
import { EPSILON } from './numbers.ts';
import type { GameState, PromiseMade, Threat } from './state.ts';

/** Pending threats that fall due in the round being resolved. */
export function threatsDue(state: GameState): Threat[] {
  return state.threats.filter((t) => t.status === 'pending' && t.dueRound === state.round);
}

/** Pending promises that fall due in the round being resolved. */
export function promisesDue(state: GameState): PromiseMade[] {
  return state.promises.filter((p) => p.status === 'pending' && p.dueRound === state.round);
}

/** The target's sealed level meets the threat's demand: on the ground, agreement or not. */
export function demandMet(scenario: Scenario, state: GameState, threat: Threat): boolean {
  const inst = findInstrument(scenario, threat.demand.instrument);
  const level = state.seats[threat.target]?.decision?.[threat.demand.instrument];
  return inst !== undefined && level !== undefined && meetsCommitment(inst, level, threat.demand.amount);
}

/**
 * A threat asks nothing new when an agreement in force already binds the target to its
 * demand through the due round: complying with it shows no credibility of the threatener's.
 */
export function asksNothingNew(scenario: Scenario, state: GameState, target: string, demand: InstrumentUse, dueRound: number): boolean {
  return bindsAlready(scenario, state, target, demand, dueRound);
}

/**
 * A threatened consequence runs against the instrument's usual commitment: raising a
 * tariff or loosening controls (ceilings), cutting aid or enforcement (floors).
 */
export function carriesOut(scenario: Scenario, level: number | undefined, consequence: InstrumentUse): boolean {
  const inst = findInstrument(scenario, consequence.instrument);
  if (!inst || level === undefined) return false;
  return inst.commit === 'atMost' ? level >= consequence.amount - EPSILON : level <= consequence.amount + EPSILON;
}

/**
 * "Unless you do X": when every threat falling due on an instrument has had its demand
 * met, the threatened harm does not happen. A level sealed beyond the one in force, in the
 * direction of the consequence, goes back to the level in force (sealed decisions are
 * simultaneous, so the threatener could not wait to see whether the target complied).
 */
export function avertMetThreats(scenario: Scenario, state: GameState): void {
  const due = threatsDue(state);
  const byUse = new Map<string, Threat[]>();
  for (const t of due) {
    const key = `${t.by}\u0000${t.consequence.instrument}`;
    byUse.set(key, [...(byUse.get(key) ?? []), t]);
  }
  for (const threats of byUse.values()) {
    const [first] = threats;
    if (first === undefined || !threats.every((t) => demandMet(scenario, state, t))) continue;
    const inst = findInstrument(scenario, first.consequence.instrument);
    const seat = state.seats[first.by];
    const decision = seat?.decision;
    if (!inst || !seat || !decision) continue;
    const inForce = seat.policy[inst.id] ?? inst.start ?? inst.param.min;
    const sealed = decision[inst.id] ?? inForce;
    const harsher = inst.commit === 'atMost' ? sealed > inForce + EPSILON : sealed < inForce - EPSILON;
    if (harsher) decision[inst.id] = inForce;
  }
}
