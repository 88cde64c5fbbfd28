import type { GameState } from './state.ts';

/**
 * The seats a phase still waits for before it can end early: in the decision phase those
 * without a sealed decision, in negotiation those not ready. Other phases are short and
 * run on the clock, so an instructor is told of no one holding them up.
 */
export function waitingOn(state: GameState): string[] {
  const seats = Object.entries(state.seats);
  switch (state.phase) {
    case 'decision':
      return seats.filter(([, seat]) => !seat.submitted).map(([id]) => id);
    case 'negotiation':
      return seats.filter(([, seat]) => !seat.ready).map(([id]) => id);
    case 'briefing':
    case 'resolution':
    case 'debrief':
    case 'ended':
      return [];
  }
}
