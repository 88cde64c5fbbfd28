import type { Costs, Effect, Instrument, Scenario } from '../scenario/schema.ts';
import { EPSILON } from './numbers.ts';

export function instrumentsOf(scenario: Scenario, seat: string): Instrument[] {
  return scenario.instruments.filter((inst) => inst.seat === seat);
}

export function findInstrument(scenario: Scenario, id: string): Instrument | undefined {
  return scenario.instruments.find((inst) => inst.id === id);
}

/** A level is legal when it lies in the range and on a step of the parameter. */
export function isLegalLevel(inst: Instrument, amount: number): boolean {
  const { min, max, step } = inst.param;
  if (amount < min - EPSILON || amount > max + EPSILON) return false;
  const steps = (amount - min) / step;
  return Math.abs(steps - Math.round(steps)) < 1e-6;
}

export function startLevel(inst: Instrument): number {
  return inst.start ?? inst.param.min;
}

/** Does `level` honour a commitment of `amount` on this instrument (a floor or a ceiling)? */
export function meetsCommitment(inst: Instrument, level: number, amount: number): boolean {
  return inst.commit === 'atLeast' ? level >= amount - EPSILON : level <= amount + EPSILON;
}

/** The level nearest `level` that honours a commitment of `amount`: raised to a floor, lowered to a ceiling. */
export function honouring(inst: Instrument, level: number, amount: number): number {
  return inst.commit === 'atLeast' ? Math.max(level, amount) : Math.min(level, amount);
}

/**
 * The level nearest `level` that carries out a threatened `amount`, which runs against the
 * instrument's usual commitment: a ceiling-type raised (a tariff), a floor-type cut (aid, enforcement).
 */
export function carryingOut(inst: Instrument, level: number, amount: number): number {
  return inst.commit === 'atMost' ? Math.max(level, amount) : Math.min(level, amount);
}

/** The cost of using instruments at the given levels for one round, before any outcome. */
export function decisionCost(scenario: Scenario, seat: string, levels: Record<string, number>): Costs {
  const costs: Costs = { political: 0, reputational: 0, implementation: 0 };
  for (const inst of instrumentsOf(scenario, seat)) {
    const level = levels[inst.id] ?? 0;
    costs.political += level * inst.cost.political;
    costs.reputational += level * inst.cost.reputational;
    costs.implementation += level * inst.cost.implementation;
  }
  return costs;
}

/** Total strength a seat applies through one effect (sum over its instruments with that effect). */
export function effectStrength(scenario: Scenario, seat: string, effect: Effect, levels: Record<string, number>): number {
  let total = 0;
  for (const inst of instrumentsOf(scenario, seat)) {
    if (inst.effect === effect) total += (levels[inst.id] ?? 0) * inst.strength;
  }
  return total;
}
