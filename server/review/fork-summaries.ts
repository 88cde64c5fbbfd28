import type { GameRecord } from '../../shared/record.ts';
import { outcomeOf } from '../../shared/review/outcomes.ts';
import type { ForkSummary } from '../../shared/review/schemas.ts';
import type { GameState } from '../../shared/rules/state.ts';
import { botName, membersAt } from '../rooms/seating.ts';
import type { GameStore, StoredGame } from '../store/store.ts';

/** Who sits where at a game, by seat: the holders' names, or the bot that plays the seat. */
export async function occupantsOf(store: GameStore, game: StoredGame): Promise<Record<string, string>> {
  const occupants: Record<string, string> = {};
  if (game.session === null) {
    for (const seat of await store.loadSeats(game.gameId)) occupants[seat.seatId] = seat.name;
  } else {
    for (const [seat, members] of membersAt(await store.loadStudents(game.session.sessionId), game.session.table)) {
      occupants[seat] = members.map((member) => member.name).join(', ');
    }
  }
  // As at the table: a bot playing a seat is who plays it, whoever else is assigned there.
  for (const [seat, policy] of Object.entries(await store.loadSeatBots(game.gameId))) occupants[seat] = botName(policy);
  return occupants;
}

/** The games forked from this one: where each left it, who plays on, and each seat's score now. */
export async function forkSummaries(store: GameStore, gameId: string, stateOf: (record: GameRecord) => GameState): Promise<ForkSummary[]> {
  const forks: ForkSummary[] = [];
  for (const fork of await store.listForks(gameId)) {
    const game = await store.loadGame(fork.gameId);
    const record = await store.loadRecord(fork.gameId);
    if (game === null || record === null) continue;
    forks.push({ ...fork, scores: outcomeOf(stateOf(record)), occupants: await occupantsOf(store, game) });
  }
  return forks;
}
