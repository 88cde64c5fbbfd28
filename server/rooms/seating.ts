import type { Actor } from '../../shared/actor.ts';
import type { BotPolicyId } from '../../shared/bots/policy.ts';
import type { PlayerView } from '../../shared/protocol.ts';
import type { StoredSeat, StoredStudent } from '../store/store.ts';
import { tokenMatches } from './seat-token.ts';

/**
 * Someone entitled to play a seat. At a game of its own a seat has one member, the first
 * to take it; at a class table the session gives each seat its students (a team when
 * several), and any of them may act for it.
 */
export type Member = { id: string; name: string; tokenHash: string };

/** What a join asks for, after its options were parsed. */
export type SeatRequest = { seat?: string | undefined; seatToken?: string | undefined };

export type SeatChoice =
  | { kind: 'reclaim'; seat: string; member: string }
  | { kind: 'take'; seat: string }
  | { kind: 'watch' }
  | { kind: 'refuse'; status: number; message: string };

/** A connection playing a seat as one of its members. */
type Connection = { seat: string; member: string; connected: boolean };

/** The one member of a seat at a game of its own. */
const PLAYER = 'player';

/** A class table's members, seat by seat, from the session's roster. */
export function membersAt(students: readonly StoredStudent[], table: string): Map<string, Member[]> {
  const bySeat = new Map<string, Member[]>();
  for (const student of students) {
    if (student.table !== table || student.seat === null) continue;
    bySeat.set(student.seat, [...(bySeat.get(student.seat) ?? []), { id: student.studentId, name: student.name, tokenHash: student.tokenHash }]);
  }
  return bySeat;
}

/** The record's actor for a member's move: the roster's student id at a class table, the name alone at a game of its own. */
export function studentActor(member: Member | null, classTable: boolean): Actor {
  return { kind: 'student', memberId: classTable && member !== null ? member.id : null, name: member?.name ?? '' };
}

/** How a bot shows among the occupants: a marker the client can translate, not a person's name. */
export function botName(policy: BotPolicyId): string {
  return `bot:${policy}`;
}

/**
 * The seats of one game, who may play them, and through which connections. A seat, once
 * taken, stays reserved to its members' tokens for the life of the game: dropping out
 * never frees it. At a class table nobody takes a seat: the session assigns them.
 */
export class Seating {
  private readonly seatIds: readonly string[];
  private readonly assigned: boolean;
  private readonly members = new Map<string, Member[]>();
  private readonly bots = new Map<string, BotPolicyId>();
  private readonly connections = new Map<string, Connection>();

  /** `assigned`: a class table, whose seats only the session gives out. */
  constructor(seatIds: readonly string[], assigned: boolean, stored: readonly StoredSeat[] = []) {
    this.seatIds = seatIds;
    this.assigned = assigned;
    for (const seat of stored) {
      if (seatIds.includes(seat.seatId)) this.members.set(seat.seatId, [{ id: PLAYER, name: seat.name, tokenHash: seat.tokenHash }]);
    }
  }

  /** A valid token wins (it may name its seat or not); otherwise a free seat is taken; no seat asked means watching. */
  choose(request: SeatRequest): SeatChoice {
    if (request.seatToken !== undefined) {
      for (const [seat, members] of this.members) {
        if (request.seat !== undefined && request.seat !== seat) continue;
        const member = members.find((m) => tokenMatches(request.seatToken ?? '', m.tokenHash));
        if (member !== undefined) return { kind: 'reclaim', seat, member: member.id };
      }
    }
    if (request.seat === undefined) return { kind: 'watch' };
    if (!this.seatIds.includes(request.seat)) return { kind: 'refuse', status: 404, message: `no seat "${request.seat}" in this game` };
    if (this.assigned) {
      return { kind: 'refuse', status: 403, message: 'seats at a class table are given by the class session: join it with your code' };
    }
    if (this.taken(request.seat)) return { kind: 'refuse', status: 409, message: `seat taken: "${request.seat}" already has a player` };
    if (this.bots.has(request.seat)) return { kind: 'refuse', status: 409, message: `seat taken: a bot plays "${request.seat}" in this game` };
    return { kind: 'take', seat: request.seat };
  }

  /** The class session's word on who plays where: returns the connections whose member no longer sits there. */
  setMembers(bySeat: ReadonlyMap<string, Member[]>): string[] {
    this.members.clear();
    for (const [seat, members] of bySeat) if (this.seatIds.includes(seat) && members.length > 0) this.members.set(seat, [...members]);
    const gone: string[] = [];
    for (const [sessionId, connection] of this.connections) {
      if (this.member(connection.seat, connection.member) === undefined) {
        this.connections.delete(sessionId);
        gone.push(sessionId);
      }
    }
    return gone;
  }

  setBots(bots: Readonly<Record<string, BotPolicyId>>): void {
    this.bots.clear();
    for (const [seat, policy] of Object.entries(bots)) if (this.seatIds.includes(seat)) this.bots.set(seat, policy);
  }

  botOf(seat: string): BotPolicyId | null {
    return this.bots.get(seat) ?? null;
  }

  botSeats(): { seat: string; policy: BotPolicyId }[] {
    return this.seatIds.flatMap((seat) => {
      const policy = this.bots.get(seat);
      return policy === undefined ? [] : [{ seat, policy }];
    });
  }

  member(seat: string, id: string): Member | undefined {
    return this.members.get(seat)?.find((m) => m.id === id);
  }

  /** A first join at a game of its own: the seat is this connection's for the life of the game. */
  take(seat: string, name: string, tokenHash: string, sessionId: string): void {
    this.members.set(seat, [{ id: PLAYER, name, tokenHash }]);
    this.connections.set(sessionId, { seat, member: PLAYER, connected: true });
  }

  /** Undo a take whose seat could not be saved. */
  vacate(seat: string): void {
    this.members.delete(seat);
    for (const [sessionId, connection] of this.connections) if (connection.seat === seat) this.connections.delete(sessionId);
  }

  /**
   * This connection now plays the seat as `member` (renamed to `name` at a game of its
   * own). Returns the member's earlier connection, which the caller lets go: one device
   * per member, the newest wins.
   */
  attach(sessionId: string, seat: string, memberId: string, name?: string): string | null {
    const member = this.member(seat, memberId);
    if (member === undefined) return null;
    if (name !== undefined && !this.assigned) member.name = name;
    let previous: string | null = null;
    for (const [other, connection] of this.connections) {
      if (other !== sessionId && connection.seat === seat && connection.member === memberId) {
        this.connections.delete(other);
        previous = other;
      }
    }
    this.connections.set(sessionId, { seat, member: memberId, connected: true });
    return previous;
  }

  /** The seat a connection plays, or null for a spectator or a stranger. */
  seatOf(sessionId: string): string | null {
    return this.connections.get(sessionId)?.seat ?? null;
  }

  memberOf(sessionId: string): Member | null {
    const connection = this.connections.get(sessionId);
    return connection === undefined ? null : (this.member(connection.seat, connection.member) ?? null);
  }

  setConnected(sessionId: string, connected: boolean): boolean {
    const connection = this.connections.get(sessionId);
    if (connection === undefined || connection.connected === connected) return false;
    connection.connected = connected;
    return true;
  }

  /** The connection is gone for good; the seat stays reserved to its members. */
  release(sessionId: string): boolean {
    return this.connections.delete(sessionId);
  }

  /** Members with a live connection, by id (at a class table: student ids). */
  connectedMembers(): string[] {
    return [...new Set([...this.connections.values()].filter((c) => c.connected).map((c) => c.member))];
  }

  occupants(): PlayerView['occupants'] {
    const out: PlayerView['occupants'] = {};
    for (const seat of this.seatIds) {
      const bot = this.bots.get(seat);
      const members = this.members.get(seat) ?? [];
      if (bot !== undefined) {
        out[seat] = { name: botName(bot), connected: true };
      } else if (members.length > 0) {
        const connected = [...this.connections.values()].some((c) => c.seat === seat && c.connected);
        out[seat] = { name: members.map((m) => m.name).join(', '), connected };
      }
    }
    return out;
  }

  /** Seats with neither a member nor a bot: the table waits in its lobby while there are any. */
  emptySeats(): string[] {
    return this.seatIds.filter((seat) => !this.taken(seat) && !this.bots.has(seat));
  }

  /** A practice game: a game of its own where bots play every seat but one, which a person plays (or will). */
  solo(): boolean {
    return !this.assigned && this.bots.size === this.seatIds.length - 1 && this.seatIds.length > 1;
  }

  /** Whether anyone at all holds a seat here (a token's holder, a class's student). */
  anyTaken(): boolean {
    return this.seatIds.some((seat) => this.taken(seat));
  }

  taken(seat: string): boolean {
    return (this.members.get(seat)?.length ?? 0) > 0;
  }
}
