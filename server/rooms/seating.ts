import type { PlayerView } from '../../shared/protocol.ts';
import type { StoredSeat } from '../store/store.ts';
import { tokenMatches } from './seat-token.ts';

/** Who holds a seat, and through which connection (if any) right now. */
export type SeatHolder = {
  name: string;
  tokenHash: string;
  /** The Colyseus session currently playing this seat; null while nobody is connected to it. */
  sessionId: string | null;
  connected: boolean;
};

/** What a join asks for, after its options were parsed. */
export type SeatRequest = { seat?: string | undefined; seatToken?: string | undefined };

export type SeatChoice =
  | { kind: 'reclaim'; seat: string }
  | { kind: 'take'; seat: string }
  | { kind: 'watch' }
  | { kind: 'refuse'; status: number; message: string };

/**
 * The seats of one game and who holds them. A seat, once taken, stays reserved to its
 * token for the life of the game: dropping out never frees it.
 */
export class Seating {
  private readonly seatIds: readonly string[];
  private readonly holders = new Map<string, SeatHolder>();

  constructor(seatIds: readonly string[], stored: readonly StoredSeat[]) {
    this.seatIds = seatIds;
    for (const seat of stored) {
      if (seatIds.includes(seat.seatId)) {
        this.holders.set(seat.seatId, { name: seat.name, tokenHash: seat.tokenHash, sessionId: null, connected: false });
      }
    }
  }

  /** A valid token wins (it may name its seat or not); otherwise a free seat is taken; no seat asked means watching. */
  choose(request: SeatRequest): SeatChoice {
    if (request.seatToken !== undefined) {
      for (const [seat, holder] of this.holders) {
        if ((request.seat === undefined || request.seat === seat) && tokenMatches(request.seatToken, holder.tokenHash)) {
          return { kind: 'reclaim', seat };
        }
      }
    }
    if (request.seat === undefined) return { kind: 'watch' };
    if (!this.seatIds.includes(request.seat)) return { kind: 'refuse', status: 404, message: `no seat "${request.seat}" in this game` };
    if (this.holders.has(request.seat)) return { kind: 'refuse', status: 409, message: `seat taken: "${request.seat}" already has a player` };
    return { kind: 'take', seat: request.seat };
  }

  holder(seat: string): SeatHolder | undefined {
    return this.holders.get(seat);
  }

  /** The seat a session plays, or null for a spectator or a stranger. */
  seatOf(sessionId: string): string | null {
    for (const [seat, holder] of this.holders) if (holder.sessionId === sessionId) return seat;
    return null;
  }

  take(seat: string, name: string, tokenHash: string, sessionId: string): void {
    this.holders.set(seat, { name, tokenHash, sessionId, connected: true });
  }

  /** Undo a take whose seat could not be saved. */
  vacate(seat: string): void {
    this.holders.delete(seat);
  }

  /** Returns the session that held the seat before, so the caller can close it. */
  reclaim(seat: string, name: string, sessionId: string): string | null {
    const holder = this.holders.get(seat);
    if (holder === undefined) return null;
    const previous = holder.sessionId !== sessionId ? holder.sessionId : null;
    holder.name = name;
    holder.sessionId = sessionId;
    holder.connected = true;
    return previous;
  }

  setConnected(sessionId: string, connected: boolean): boolean {
    const seat = this.seatOf(sessionId);
    const holder = seat === null ? undefined : this.holders.get(seat);
    if (holder === undefined || holder.connected === connected) return false;
    holder.connected = connected;
    return true;
  }

  /** The session is gone for good; the seat stays reserved to its token. */
  release(sessionId: string): boolean {
    const seat = this.seatOf(sessionId);
    const holder = seat === null ? undefined : this.holders.get(seat);
    if (holder === undefined) return false;
    holder.sessionId = null;
    holder.connected = false;
    return true;
  }

  occupants(): PlayerView['occupants'] {
    const out: PlayerView['occupants'] = {};
    for (const seat of this.seatIds) {
      const holder = this.holders.get(seat);
      if (holder !== undefined) out[seat] = { name: holder.name, connected: holder.connected };
    }
    return out;
  }

  taken(seat: string): boolean {
    return this.holders.has(seat);
  }
}
