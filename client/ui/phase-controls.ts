import type { GameState, Phase } from '../../shared/rules/state.ts';

/** What this seat may do right now; a control that does not apply is shown disabled, never hidden. */
export type Controls = {
  propose: boolean;
  answer: boolean;
  pledge: boolean;
  chat: boolean;
  decide: boolean;
  ready: boolean;
};

const NEGOTIATING: readonly Phase[] = ['negotiation'];
const CHATTING: readonly Phase[] = ['briefing', 'negotiation', 'decision', 'resolution', 'debrief'];
const READYING: readonly Phase[] = ['briefing', 'negotiation', 'resolution', 'debrief'];

const NOTHING: Controls = { propose: false, answer: false, pledge: false, chat: false, decide: false, ready: false };

/** Mirrors the phases in which the rules accept each move, so the UI never offers a move sure to be refused. */
export function controlsFor(state: GameState, seat: string | null): Controls {
  const mine = seat === null ? undefined : state.seats[seat];
  if (!mine || state.phase === 'ended') return NOTHING;
  const negotiating = NEGOTIATING.includes(state.phase);
  return {
    propose: negotiating,
    answer: negotiating,
    pledge: negotiating,
    chat: CHATTING.includes(state.phase),
    decide: state.phase === 'decision' && !mine.submitted,
    ready: READYING.includes(state.phase) && !mine.ready,
  };
}

/** Seats the table still waits for: not ready, or (in the decision phase) not yet sealed. */
export function waitingFor(state: GameState): string[] {
  if (state.phase === 'ended') return [];
  return Object.entries(state.seats)
    .filter(([, s]) => (state.phase === 'decision' ? !s.submitted : !s.ready))
    .map(([id]) => id);
}

export function otherSeats(state: GameState, seat: string | null): string[] {
  return Object.keys(state.seats).filter((id) => id !== seat);
}
