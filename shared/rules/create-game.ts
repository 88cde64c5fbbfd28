import type { Scenario } from '../scenario/schema.ts';
import { instrumentsOf, startLevel } from './instruments.ts';
import { round2 } from './numbers.ts';
import { nextRandom, seedRng } from './prng.ts';
import { revealEvents } from './reveal-events.ts';
import type { GameState, SeatState } from './state.ts';
import { scoreOf } from './score.ts';

/** A new game at the briefing of round 1. Hidden parameters are drawn from the seed here. */
export function createGame(scenario: Scenario, seed: number): GameState {
  let rng = seedRng(seed);
  const seats: Record<string, SeatState> = {};
  for (const seat of scenario.seats) {
    const hidden: Record<string, number> = {};
    for (const param of seat.hidden) {
      const draw = nextRandom(rng);
      rng = draw.rng;
      hidden[param.key] = round2(param.min + draw.value * (param.max - param.min));
    }
    const policy: Record<string, number> = {};
    for (const inst of instrumentsOf(scenario, seat.id)) policy[inst.id] = startLevel(inst);
    seats[seat.id] = {
      indicators: { ...seat.indicators },
      capacity: seat.capacity,
      policy,
      decision: null,
      submitted: false,
      ready: false,
      hidden,
      costs: { political: 0, reputational: 0, implementation: 0 },
      score: scoreOf(seat.objectives, seat.indicators),
    };
  }
  const state: GameState = {
    scenarioId: scenario.id,
    scenarioVersion: scenario.version,
    seed,
    rng,
    version: 0,
    round: 1,
    phase: 'briefing',
    phaseVersion: 0,
    salience: scenario.salience,
    events: [],
    seats,
    proposals: [],
    agreements: [],
    threats: [],
    promises: [],
    chat: [],
    history: [],
    nextId: 1,
  };
  revealEvents(scenario, state);
  return state;
}
