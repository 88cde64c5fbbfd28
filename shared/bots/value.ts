import { carryingOut, findInstrument, meetsCommitment, type Commitment, type GameState, type Proposal } from '../rules/index.ts';
import { seatOf } from '../rules/lookup.ts';
import type { Instrument, Scenario } from '../scenario/schema.ts';
import { bind, minimum, spending } from './levels.ts';
import { inForce } from './reading.ts';
import { EPSILON } from '../rules/numbers.ts';

/**
 * A simple value check, the kind a negotiator does on the back of an envelope: a
 * concession is worth what it costs the side that makes it, counted in the scenario's
 * own cost points (political + reputational + implementation per unit, FRAMEWORK §2).
 */

export function unitCost(inst: Instrument): number {
  return inst.cost.political + inst.cost.reputational + inst.cost.implementation;
}

/** What one tariff point costs the seat it hits: economy lost and its political price (asymmetric interdependence). */
export function tariffHarm(scenario: Scenario, victim: string): number {
  const c = scenario.coefficients;
  const exposure = scenario.seats.find((s) => s.id === victim)?.tradeExposure ?? 0;
  return c.tariffEconomyDamage * exposure * (1 + c.economyPoliticalCost);
}

/** What one unit of a pressure instrument costs the seat it hits: a tariff by trade exposure, a visa sanction by its strength in political points. */
export function pressureHarm(scenario: Scenario, inst: Instrument, victim: string): number {
  if (inst.effect === 'tariff') return tariffHarm(scenario, victim) * inst.strength;
  if (inst.effect === 'visa_sanctions') return inst.strength;
  return unitCost(inst);
}

/**
 * The level a seat would hold without a deal. A floor is measured from the status quo
 * (or lower, if it has cut back): an obligation costs its price every round it binds,
 * however long it has been kept. A ceiling is measured from what is in force or, worse,
 * threatened: that is the leverage given up.
 */
export function referenceLevel(view: GameState, inst: Instrument): number {
  const held = inForce(view, inst);
  let level = inst.commit === 'atLeast' ? Math.min(held, inst.start ?? inst.param.min) : held;
  for (const t of view.threats) {
    if (t.by !== inst.seat || t.status !== 'pending' || t.consequence.instrument !== inst.id) continue;
    level = carryingOut(inst, level, t.consequence.amount);
  }
  return level;
}

/** What a commitment costs the seat making it, measured from its reference level; `other` is who it is made to. */
export function burden(scenario: Scenario, view: GameState, c: Commitment, other: string): number {
  const inst = findInstrument(scenario, c.instrument);
  if (!inst) return 0;
  const reference = referenceLevel(view, inst);
  if (inst.commit === 'atLeast') return Math.max(0, c.amount - reference) * unitCost(inst);
  const forgone = Math.max(0, reference - c.amount);
  return forgone * pressureHarm(scenario, inst, other);
}

export function totalBurden(scenario: Scenario, view: GameState, commitments: Commitment[], other: string): number {
  return commitments.reduce((sum, c) => sum + burden(scenario, view, c, other), 0);
}

/** What `seat` gives and gets in a bundle with `other`. */
export function weigh(scenario: Scenario, view: GameState, seat: string, other: string, commitments: Commitment[]): { gives: number; gets: number } {
  const gives = totalBurden(scenario, view, commitments.filter((c) => c.seat === seat), other);
  const gets = totalBurden(scenario, view, commitments.filter((c) => c.seat === other), seat);
  return { gives, gets };
}

export function balanced(scenario: Scenario, view: GameState, seat: string, p: Proposal, tolerance: number): boolean {
  const { gives, gets } = weigh(scenario, view, seat, p.from, p.commitments);
  return gets >= tolerance * gives - EPSILON;
}

/** Could `seat` honour these commitments within its capacity, cutting everything else to the minimum? */
export function affordable(scenario: Scenario, view: GameState, seat: string, commitments: Commitment[]): boolean {
  const levels = minimum(scenario, seat);
  for (const c of commitments) {
    const inst = findInstrument(scenario, c.instrument);
    if (c.seat === seat && inst) bind(levels, inst, c.amount);
  }
  return spending(scenario, seat, levels) <= seatOf(view, seat).capacity + EPSILON;
}

/** Does the proposal ask of `seat` nothing beyond `allowance`, the levels it would hold anyway, and can it afford them? */
export function asksNoMoreThan(scenario: Scenario, view: GameState, seat: string, p: Proposal, allowance: Record<string, number>): boolean {
  const mine = p.commitments.filter((c) => c.seat === seat);
  const within = mine.every((c) => {
    const inst = findInstrument(scenario, c.instrument);
    return inst !== undefined && meetsCommitment(inst, allowance[inst.id] ?? inst.param.min, c.amount);
  });
  return within && affordable(scenario, view, seat, mine);
}
