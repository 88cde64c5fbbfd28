import { PHASES_OF } from '../../shared/rules/apply-move.ts';
import type { MoveType } from '../../shared/rules/moves.ts';
import type { GameState } from '../../shared/rules/state.ts';

/** What this seat may do right now; a control that does not apply is shown disabled, never hidden. */
export type Controls = {
  propose: boolean;
  answer: boolean;
  pledge: boolean;
  chat: boolean;
  decide: boolean;
  ready: boolean;
};

const NOTHING: Controls = { propose: false, answer: false, pledge: false, chat: false, decide: false, ready: false };

/** Read from the rules' own table of phases, so the UI never offers a move sure to be refused. */
export function controlsFor(state: GameState, seat: string | null): Controls {
  const mine = seat === null ? undefined : state.seats[seat];
  if (!mine || state.phase === 'ended') return NOTHING;
  const allows = (type: MoveType) => PHASES_OF[type].includes(state.phase);
  return {
    propose: allows('propose'),
    answer: allows('accept'),
    pledge: allows('threaten'),
    chat: allows('chat'),
    decide: allows('decide') && !mine.submitted,
    ready: allows('ready') && !mine.ready,
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
