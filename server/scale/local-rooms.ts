import { matchMaker } from '@colyseus/core';
import { GAME_ROOM } from '../../shared/protocol.ts';
import { SESSION_ROOM } from '../../shared/session.ts';
import type { GameRoomOptions, SessionRoomOptions } from '../rooms/room-deps.ts';
import type { RoomKind } from './room-claims.ts';

/** What every way of opening a room offers the HTTP API and the class sessions. */
export type RoomOpener = {
  /** Opens the live room of a stored game or session, in this process or another. Resolves once it is joinable. */
  open(kind: RoomKind, id: string): Promise<void>;
  /** At start-up: reopens a room the store says is still live, unless another process already holds it. True if it opened here. */
  restore(kind: RoomKind, id: string): Promise<boolean>;
  /** Called as a room of this process is disposed. */
  closed(id: string): void;
  close(): Promise<void>;
};

/**
 * Rooms in this process. `openings` is the rooms' own check that the server, not a client,
 * asked for them (see RoomDeps). Opening a room that is open, or being opened, here is a no-op.
 */
export class LocalRooms {
  private readonly openings: Set<string>;
  private readonly pending = new Map<string, Promise<void>>();

  constructor(openings: Set<string>) {
    this.openings = openings;
  }

  isOpen(id: string): boolean {
    return matchMaker.getLocalRoomById(id) !== undefined;
  }

  open(kind: RoomKind, id: string): Promise<void> {
    if (this.isOpen(id)) return Promise.resolve();
    const already = this.pending.get(id);
    if (already !== undefined) return already;
    const opening = this.create(kind, id).finally(() => this.pending.delete(id));
    this.pending.set(id, opening);
    return opening;
  }

  private async create(kind: RoomKind, id: string): Promise<void> {
    this.openings.add(id);
    try {
      // The rooms' dependencies are their definitions' default options: never sent with a request.
      if (kind === 'game') {
        const options: Omit<GameRoomOptions, 'deps'> = { gameId: id };
        await matchMaker.createRoom(GAME_ROOM, options);
      } else {
        const options: Omit<SessionRoomOptions, 'deps'> = { sessionId: id };
        await matchMaker.createRoom(SESSION_ROOM, options);
      }
    } finally {
      this.openings.delete(id);
    }
  }
}

/** One process serves every room (no REDIS_URL): open here, restore everything. */
export function singleProcess(rooms: LocalRooms): RoomOpener {
  return {
    open: (kind, id) => rooms.open(kind, id),
    restore: async (kind, id) => {
      await rooms.open(kind, id);
      return true;
    },
    closed: () => undefined,
    close: async () => undefined,
  };
}
