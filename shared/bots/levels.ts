import { carryingOut, decisionCost, honouring, instrumentsOf, type GameState } from '../rules/index.ts';
import { seatOf } from '../rules/lookup.ts';
import type { Instrument, Scenario } from '../scenario/schema.ts';
import { EPSILON } from '../rules/numbers.ts';

type Rounding = 'down' | 'up' | 'nearest';

/** The legal level of `inst` closest to `amount` in the given direction: on a step, within range. */
export function snap(inst: Instrument, amount: number, rounding: Rounding = 'nearest'): number {
  const { min, max, step } = inst.param;
  const raw = (amount - min) / step;
  const steps = rounding === 'down' ? Math.floor(raw + EPSILON) : rounding === 'up' ? Math.ceil(raw - EPSILON) : Math.round(raw);
  const last = Math.round((max - min) / step);
  const level = min + Math.max(0, Math.min(last, steps)) * step;
  return Math.round(level * 1e9) / 1e9;
}

/** The level at `fraction` of the instrument's range (0 = min, 1 = max), on a step. */
export function share(inst: Instrument, fraction: number, rounding: Rounding = 'down'): number {
  return snap(inst, inst.param.min + fraction * (inst.param.max - inst.param.min), rounding);
}

/** One step further along the range than `level` (stays at the max). */
export function stepUp(inst: Instrument, level: number, steps = 1): number {
  return snap(inst, level + steps * inst.param.step, 'down');
}

/**
 * The status quo: each instrument at the level in force (what the seat sealed last round,
 * or the scenario's start). A bot changes a level only when it has a reason to: a tariff
 * or sanction in force stays in force until something lifts it.
 */
export function statusQuo(scenario: Scenario, view: GameState, seat: string): Record<string, number> {
  const policy = view.seats[seat]?.policy ?? {};
  return Object.fromEntries(instrumentsOf(scenario, seat).map((inst) => [inst.id, policy[inst.id] ?? inst.start ?? inst.param.min]));
}

/** Every instrument at its minimum: the cheapest decision there is. */
export function minimum(scenario: Scenario, seat: string): Record<string, number> {
  return Object.fromEntries(instrumentsOf(scenario, seat).map((inst) => [inst.id, inst.param.min]));
}

/** Raise `levels` to a floor or lower it to a ceiling, per the instrument's `commit`. */
export function bind(levels: Record<string, number>, inst: Instrument, amount: number): void {
  levels[inst.id] = honouring(inst, levels[inst.id] ?? inst.param.min, amount);
}

/** The same, for a threatened consequence, which runs against the commitment (raise a ceiling-type, cut a floor-type). */
export function carry(levels: Record<string, number>, inst: Instrument, amount: number): void {
  levels[inst.id] = carryingOut(inst, levels[inst.id] ?? inst.param.min, amount);
}

export function spending(scenario: Scenario, seat: string, levels: Record<string, number>): number {
  return decisionCost(scenario, seat, levels).implementation;
}

/**
 * Cut levels until their implementation cost fits the seat's capacity: the biggest
 * spenders first, and the levels it is bound to (`keep`) only when nothing else is left.
 */
export function fitBudget(scenario: Scenario, view: GameState, seat: string, levels: Record<string, number>, keep: ReadonlySet<string> = new Set()): Record<string, number> {
  const fitted = { ...levels };
  const capacity = seatOf(view, seat).capacity;
  const spendOn = (inst: Instrument) => (fitted[inst.id] ?? inst.param.min) * inst.cost.implementation;
  const order = instrumentsOf(scenario, seat)
    .filter((inst) => inst.cost.implementation > 0)
    .sort((a, b) => Number(keep.has(a.id)) - Number(keep.has(b.id)) || spendOn(b) - spendOn(a));
  for (const inst of order) {
    const excess = spending(scenario, seat, fitted) - capacity;
    if (excess <= EPSILON) break;
    const steps = Math.ceil(excess / (inst.param.step * inst.cost.implementation) - EPSILON);
    fitted[inst.id] = snap(inst, (fitted[inst.id] ?? inst.param.min) - steps * inst.param.step, 'down');
  }
  return fitted;
}
