import type { Scenario, Seat } from '../scenario/schema.ts';
import { effectStrength } from './instruments.ts';
import { addTo, at, seatOf } from './lookup.ts';
import { clamp } from './numbers.ts';
import { nextRandom } from './prng.ts';
import type { FlowOutcome, GameState } from './state.ts';

export type Movement = {
  flows: FlowOutcome[];
  /** People stopped by each transit seat. */
  interdictedBy: Record<string, number>;
  /** Returns each transit seat received, and what it could have received. */
  returnedTo: Record<string, number>;
  receptionOf: Record<string, number>;
  returned: number;
  arrivals: number;
};

/**
 * Origin flows → legal pathways → interdiction in each transit state on the route →
 * arrivals at the destination → returns. Draws the flows' noise from the state's PRNG.
 */
export function moveFlows(scenario: Scenario, state: GameState, destination: Seat, transits: Seat[]): Movement {
  const c = scenario.coefficients;
  const levelsOf = (seat: string) => seatOf(state, seat).decision ?? {};
  let multiplier = 1;
  for (const id of state.events) multiplier *= scenario.events.find((e) => e.id === id)?.effects.flowMultiplier ?? 1;

  const setOut = scenario.flows.map((flow) => {
    const draw = nextRandom(state.rng);
    state.rng = draw.rng;
    const noise = 1 + (draw.value * 2 - 1) * c.flowNoise;
    return Math.round(flow.base * Math.pow(1 + flow.growth, state.round - 1) * multiplier * noise);
  });

  // Pathway places go to the eligible in proportion to their numbers (MPI 2024: safe mobility offices).
  const places = effectStrength(scenario, destination.id, 'pathway', levelsOf(destination.id));
  const eligible = scenario.flows.map((flow, i) => at(setOut, i) * flow.pathwayEligible);
  const totalEligible = eligible.reduce((a, b) => a + b, 0);
  const diverted = eligible.map((e) => (totalEligible > 0 ? Math.round(Math.min(e, (places * e) / totalEligible)) : 0));

  const rates = transits.map((t) => {
    const levels = levelsOf(t.id);
    const rate = c.baseInterdiction + effectStrength(scenario, t.id, 'enforcement', levels) - effectStrength(scenario, t.id, 'loosen', levels);
    return clamp(rate, 0, c.maxInterdiction);
  });
  const interdictedBy: Record<string, number> = Object.fromEntries(transits.map((t) => [t.id, 0]));
  const flows: FlowOutcome[] = scenario.flows.map((flow, i) => {
    let moving = at(setOut, i) - at(diverted, i);
    let interdicted = 0;
    transits.forEach((t, j) => {
      const stopped = Math.round(moving * at(rates, j));
      addTo(interdictedBy, t.id, stopped);
      interdicted += stopped;
      moving -= stopped;
    });
    return { flow: flow.id, setOut: at(setOut, i), diverted: at(diverted, i), interdicted, arrived: moving };
  });
  const arrivals = flows.reduce((a, f) => a + f.arrived, 0);

  // MPI 2024: returns need the receiving state's consent and its capacity to receive.
  const requested = effectStrength(scenario, destination.id, 'request_returns', levelsOf(destination.id));
  const returnable = scenario.flows.reduce((a, flow, i) => a + at(flows, i).arrived * flow.returnable, 0);
  let remaining = Math.min(requested, returnable);
  const returnedTo: Record<string, number> = {};
  const receptionOf: Record<string, number> = {};
  for (const t of transits) {
    const consented = effectStrength(scenario, t.id, 'accept_returns', levelsOf(t.id));
    const reception = Math.round(seatOf(state, t.id).capacity * c.returnsPerCapacity);
    receptionOf[t.id] = reception;
    const received = Math.round(Math.max(0, Math.min(remaining, consented, reception)));
    returnedTo[t.id] = received;
    remaining -= received;
  }
  const returned = Object.values(returnedTo).reduce((a, b) => a + b, 0);
  return { flows, interdictedBy, returnedTo, receptionOf, returned, arrivals };
}
