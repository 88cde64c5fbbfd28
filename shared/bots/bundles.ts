import { findInstrument, type Commitment, type GameState } from '../rules/index.ts';
import type { Effect, Scenario } from '../scenario/schema.ts';
import { bind, fitBudget, minimum, share, snap } from './levels.ts';
import { holding, pressures, roleOf } from './reading.ts';
import { DEAL_ENFORCEMENT, DEAL_RETURNS } from './tuning.ts';
import { referenceLevel, totalBurden, unitCost } from './value.ts';

/** A commitment by `seat` on each of its instruments with `effect`, at `fraction` of the range. */
export function commitShare(scenario: Scenario, seat: string, effect: Effect, fraction: number): Commitment[] {
  return holding(scenario, seat, effect).map((inst) => ({ seat, instrument: inst.id, amount: share(inst, fraction) }));
}

/** Floors on `seat`'s instruments with `effect`, never below what is already in force. */
export function floorsAt(scenario: Scenario, view: GameState, seat: string, effect: Effect, fraction: number): Commitment[] {
  return holding(scenario, seat, effect).map((inst) => ({ seat, instrument: inst.id, amount: Math.max(share(inst, fraction), snap(inst, referenceLevel(view, inst), 'down')) }));
}

/**
 * Scale `seat`'s floors down until it could honour them all within its capacity: asking
 * for what the other side cannot afford only buys a breach. Floors left at the minimum
 * promise nothing and are dropped.
 */
export function trimToBudget(scenario: Scenario, view: GameState, seat: string, commitments: Commitment[]): Commitment[] {
  const levels = minimum(scenario, seat);
  for (const c of commitments) {
    const inst = findInstrument(scenario, c.instrument);
    if (c.seat === seat && inst) bind(levels, inst, c.amount);
  }
  const fitted = fitBudget(scenario, view, seat, levels);
  return commitments.flatMap((c) => {
    const inst = findInstrument(scenario, c.instrument);
    if (c.seat !== seat || !inst || inst.commit === 'atMost') return [c];
    const amount = Math.min(c.amount, fitted[inst.id] ?? inst.param.min);
    return amount > inst.param.min ? [{ ...c, amount }] : [];
  });
}

/**
 * Floors on the payer's instruments with these effects, sized so that together they
 * cost it about `owed`: half on the first instrument, the rest on the next.
 */
export function payWith(scenario: Scenario, view: GameState, payer: string, effects: Effect[], owed: number): Commitment[] {
  const instruments = effects.flatMap((effect) => holding(scenario, payer, effect)).filter((inst) => unitCost(inst) > 0);
  const paid: Commitment[] = [];
  let remaining = owed;
  instruments.forEach((inst, i) => {
    if (remaining <= 0) return;
    const part = i === instruments.length - 1 ? remaining : remaining / 2;
    const reference = referenceLevel(view, inst);
    const amount = snap(inst, reference + part / unitCost(inst), 'nearest');
    if (amount <= reference) return;
    paid.push({ seat: payer, instrument: inst.id, amount });
    remaining -= (amount - reference) * unitCost(inst);
  });
  return paid;
}

/** Ceilings holding each of `seat`'s instruments with `effect` at `fraction` of its range. */
export function ceilingsAt(scenario: Scenario, seat: string, effect: Effect, fraction: number): Commitment[] {
  return commitShare(scenario, seat, effect, fraction);
}

/** Every tariff and visa sanction of `destination` lifted to its minimum: the relief a deal buys. */
export function liftPressure(scenario: Scenario, destination: string): Commitment[] {
  return pressures(scenario, destination).map((inst) => ({ seat: destination, instrument: inst.id, amount: inst.param.min }));
}

/**
 * The positive-sum bundle (FRAMEWORK §1): the transit state deploys enforcement and
 * takes modest returns; the destination lifts its tariff or visa sanctions, caps its returns requests
 * at the same modest level, and pays in pathway places and aid about what the transit
 * side's concessions cost it.
 */
export function balancedBundle(scenario: Scenario, view: GameState, seat: string, other: string): Commitment[] {
  const [destination, transit] = roleOf(scenario, seat) === 'destination' ? [seat, other] : [other, seat];
  const transitSide = trimToBudget(scenario, view, transit, [
    ...floorsAt(scenario, view, transit, 'enforcement', DEAL_ENFORCEMENT),
    ...floorsAt(scenario, view, transit, 'accept_returns', DEAL_RETURNS),
  ]);
  const destinationSide = [...liftPressure(scenario, destination), ...ceilingsAt(scenario, destination, 'request_returns', DEAL_RETURNS)];
  const owed = totalBurden(scenario, view, transitSide, destination) - totalBurden(scenario, view, destinationSide, transit);
  const payment = trimToBudget(scenario, view, destination, payWith(scenario, view, destination, ['pathway', 'aid'], owed));
  return [...transitSide, ...destinationSide, ...payment];
}
