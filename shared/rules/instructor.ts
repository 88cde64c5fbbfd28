import type { Scenario } from '../scenario/schema.ts';
import type { GameEvent } from './events.ts';
import { ok, reject, type Result } from './result.ts';
import { applyEvent } from './reveal-events.ts';
import type { GameState } from './state.ts';

export type Steered = { state: GameState; events: GameEvent[] };

/**
 * An instructor brings one of the scenario's events into the current round (a caravan, a
 * court ruling): its shifts apply at once, its effect on flows when the round resolves.
 */
export function injectEvent(scenario: Scenario, previous: GameState, eventId: string): Result<Steered> {
  if (previous.phase === 'ended') return reject('game/over', 'The game is over.');
  if (!scenario.events.some((e) => e.id === eventId)) return reject('event/unknown', `There is no event "${eventId}" in this scenario.`);
  if (previous.events.includes(eventId)) return reject('event/already', 'That event is already in play this round.');
  if (previous.phase === 'resolution' || previous.phase === 'debrief') {
    return reject('phase/wrong', 'Events can be brought in before the round resolves.');
  }
  const state = structuredClone(previous);
  applyEvent(scenario, state, eventId);
  state.version += 1;
  return ok({ state, events: [{ type: 'injected', id: eventId }] });
}

/** An instructor ends the table where it stands: no further moves, the record closes. */
export function endGame(previous: GameState): Result<Steered> {
  if (previous.phase === 'ended') return reject('game/over', 'The game is over.');
  const state = structuredClone(previous);
  state.phase = 'ended';
  state.version += 1;
  state.phaseVersion = state.version;
  for (const seat of Object.values(state.seats)) seat.ready = false;
  return ok({ state, events: [{ type: 'phase', phase: 'ended', round: state.round }] });
}
