import type { Scenario } from '../scenario/schema.ts';
import { nextRandom } from './prng.ts';
import type { GameState } from './state.ts';
import { clampIndicator } from './numbers.ts';

/**
 * Opens a round: its scripted events, plus each chance event that the seeded draw
 * turns up. Salience and approval shifts take effect at once, so players negotiate
 * in the new climate; flow multipliers apply when the round resolves.
 */
export function revealEvents(scenario: Scenario, state: GameState): void {
  const revealed: string[] = [];
  for (const event of scenario.events) {
    if (event.round !== undefined) {
      if (event.round === state.round) revealed.push(event.id);
      continue;
    }
    const draw = nextRandom(state.rng);
    state.rng = draw.rng;
    if (draw.value < (event.chance ?? 0)) revealed.push(event.id);
  }
  state.events = [];
  for (const id of revealed) applyEvent(scenario, state, id);
}

/** An event's immediate shifts; its flow multiplier waits for the round's resolution. */
export function applyEvent(scenario: Scenario, state: GameState, id: string): void {
  const event = scenario.events.find((e) => e.id === id);
  if (!event) return;
  state.salience = clampIndicator(state.salience + event.effects.salience);
  for (const [seat, delta] of Object.entries(event.effects.approval)) {
    const seatState = state.seats[seat];
    if (seatState) seatState.indicators.approval = clampIndicator(seatState.indicators.approval + delta);
  }
  state.events.push(id);
}
