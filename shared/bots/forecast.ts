import { effectStrength, type GameState } from '../rules/index.ts';
import { clamp } from '../rules/numbers.ts';
import type { Scenario } from '../scenario/schema.ts';
import { lastArrivals } from './reading.ts';

/**
 * Arrivals a seat expects this round: the last round's count once there is one, else
 * the flows' base numbers pushed through the public levels in force and the round's
 * revealed events (without the noise, which nobody can see coming).
 */
export function expectedArrivals(scenario: Scenario, view: GameState): number {
  const last = lastArrivals(view);
  if (last !== undefined) return last;
  const c = scenario.coefficients;
  let multiplier = 1;
  for (const id of view.events) multiplier *= scenario.events.find((e) => e.id === id)?.effects.flowMultiplier ?? 1;
  const setOut = scenario.flows.reduce((sum, flow) => sum + flow.base * Math.pow(1 + flow.growth, view.round - 1) * multiplier, 0);
  const eligible = scenario.flows.reduce((sum, flow) => sum + flow.base * Math.pow(1 + flow.growth, view.round - 1) * multiplier * flow.pathwayEligible, 0);
  const policy = (seat: string) => view.seats[seat]?.policy ?? {};
  let places = 0;
  for (const seat of scenario.seats) if (seat.role === 'destination') places += effectStrength(scenario, seat.id, 'pathway', policy(seat.id));
  let moving = setOut - Math.min(eligible, places);
  for (const seat of scenario.seats) {
    if (seat.role !== 'transit') continue;
    const rate = c.baseInterdiction + effectStrength(scenario, seat.id, 'enforcement', policy(seat.id)) - effectStrength(scenario, seat.id, 'loosen', policy(seat.id));
    moving *= 1 - clamp(rate, 0, c.maxInterdiction);
  }
  return Math.round(moving);
}

/** Arrivals, as a multiple of what the destination's public treats as normal. */
export function arrivalsRatio(scenario: Scenario, arrivals: number): number {
  return arrivals / scenario.coefficients.arrivalsThreshold;
}
