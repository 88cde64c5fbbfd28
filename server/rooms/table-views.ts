import type { PlayerView } from '../../shared/protocol.ts';
import { playerView } from '../../shared/rules/index.ts';
import type { InstructorView } from '../../shared/session.ts';
import type { Seating } from './seating.ts';
import type { TableGame } from './table-game.ts';

/** What one seat may see of the table (null: a spectator, the public view). */
export function seatView(table: TableGame, seating: Seating, seat: string | null): PlayerView {
  return {
    gameId: table.gameId,
    seat,
    state: playerView(table.state, seat),
    deadline: table.deadline,
    paused: table.paused,
    occupants: seating.occupants(),
    lobby: table.waiting ? { empty: seating.emptySeats() } : null,
    selfPaced: table.selfPaced,
  };
}

/** Everything at the table, every seat's secrets included, for the class's instructor; the seed stays out, as no one reads it. */
export function instructorView(table: TableGame, seating: Seating): InstructorView {
  const state = structuredClone(table.state);
  state.seed = 0;
  state.rng = 0;
  return { gameId: table.gameId, seat: null, state, deadline: table.deadline, paused: table.paused,
    occupants: seating.occupants(),
    lobby: table.waiting ? { empty: seating.emptySeats() } : null,
    selfPaced: table.selfPaced,
    spectator: 'instructor',
  };
}
