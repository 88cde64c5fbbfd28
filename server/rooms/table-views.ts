import type { Client } from '@colyseus/core';
import type { CardsMessage, PlayerView } from '../../shared/protocol.ts';
import { playerView } from '../../shared/rules/index.ts';
import type { FrameworkCard } from '../../shared/scoring/card.ts';
import type { InstructorView } from '../../shared/session.ts';
import type { Seating } from './seating.ts';
import type { TableReport } from './table-commands.ts';
import { standingOf } from './table-dashboard.ts';
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

/** Each client gets only what its seat may see; a spectator the public view; the instructor everything. Each view is built once per seat. */
export function sendViews(clients: Iterable<Client>, instructors: ReadonlySet<string>, table: TableGame, seating: Seating): void {
  const views = new Map<string | null, PlayerView>();
  let full: InstructorView | null = null;
  for (const client of clients) {
    if (instructors.has(client.sessionId)) {
      full ??= instructorView(table, seating);
      client.send('view', full);
      continue;
    }
    const seat = seating.seatOf(client.sessionId);
    let view = views.get(seat);
    if (view === undefined) {
      view = seatView(table, seating, seat);
      views.set(seat, view);
    }
    client.send('view', view);
  }
}

/** Cards the table state now releases go to the clients of the seat that decided, and to no one else. */
export function sendCards(clients: Iterable<Client>, seating: Seating, due: FrameworkCard[]): void {
  for (const client of clients) {
    const seat = seating.seatOf(client.sessionId);
    const cards: CardsMessage = { cards: due.filter((card) => card.seat === seat) };
    if (seat !== null && cards.cards.length > 0) client.send('cards', cards);
  }
}

/** What a class's session shows of this table (null for a game of its own). */
export function tableReportOf(table: TableGame, seating: Seating): TableReport | null {
  const session = table.game.session;
  if (session === null) return null;
  return {
    table: session.table,
    gameId: table.gameId,
    round: table.state.round,
    phase: table.state.phase,
    paused: table.paused,
    deadline: table.deadline,
    connected: seating.connectedMembers(),
    ...standingOf(table.state),
    ...table.activity.snapshot(),
  };
}
