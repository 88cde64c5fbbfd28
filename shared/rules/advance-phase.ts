import type { Scenario } from '../scenario/schema.ts';
import { clonePlain } from './clone-plain.ts';
import { defaultDecision } from './decision.ts';
import type { GameEvent } from './events.ts';
import { settleRound } from './resolve-round.ts';
import { revealEvents } from './reveal-events.ts';
import type { GameState, Phase } from './state.ts';

export type Advanced = { state: GameState; events: GameEvent[] };

/**
 * Moves the table to its next phase. Entering resolution resolves the round; leaving
 * the last debrief ends the game. Called by the server when a timer runs out or every
 * seat is ready, and by replay for each recorded advance.
 */
export function advancePhase(scenario: Scenario, previous: GameState): Advanced {
  if (previous.phase === 'ended') return { state: previous, events: [] };
  const state = clonePlain(previous);
  return { state, events: advancePhaseInPlace(scenario, state) };
}

/**
 * The same phase machine on a state the caller owns: a projection that plays many
 * rounds ahead moves one copy of the table through it rather than copying it per phase.
 */
export function advancePhaseInPlace(scenario: Scenario, state: GameState): GameEvent[] {
  const events: GameEvent[] = [];
  switch (state.phase) {
    case 'briefing':
      state.phase = 'negotiation';
      break;
    case 'negotiation':
      // Offers do not outlive the talks they were made in.
      for (const p of state.proposals) if (p.status === 'open') p.status = 'lapsed';
      state.phase = 'decision';
      for (const seat of Object.values(state.seats)) {
        seat.decision = null;
        seat.submitted = false;
      }
      break;
    case 'decision':
      for (const [id, seat] of Object.entries(state.seats)) {
        if (!seat.submitted) {
          seat.decision = defaultDecision(scenario, state, id);
          seat.submitted = true;
        }
      }
      settleRound(scenario, state);
      events.push({ type: 'resolved', round: state.round });
      state.phase = 'resolution';
      break;
    case 'resolution':
      state.phase = 'debrief';
      break;
    case 'debrief':
      if (state.round >= scenario.rounds.length) {
        state.phase = 'ended';
      } else {
        state.round += 1;
        state.phase = 'briefing';
        revealEvents(scenario, state);
      }
      break;
    case 'ended':
      return [];
  }
  for (const seat of Object.values(state.seats)) seat.ready = false;
  state.version += 1;
  state.phaseVersion = state.version;
  events.push({ type: 'phase', phase: state.phase, round: state.round });
  return events;
}

/** Every seat has said it is ready (or, in the decision phase, has sealed its decision). */
export function canAdvanceEarly(state: GameState): boolean {
  if (state.phase === 'ended') return false;
  return Object.keys(state.seats).every((seat) => doneWithPhase(state, seat));
}

/** This seat has said it is ready (in the decision phase: has sealed its decision); the phase no longer waits for it. */
export function doneWithPhase(state: GameState, seat: string): boolean {
  const mine = state.seats[seat];
  if (mine === undefined) return true;
  return state.phase === 'decision' ? mine.submitted : mine.ready;
}
