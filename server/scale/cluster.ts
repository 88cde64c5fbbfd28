import { CloseCode, matchMaker, requestFromIPC, subscribeIPC } from '@colyseus/core';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { GameStore } from '../store/store.ts';
import type { LocalRooms, RoomOpener } from './local-rooms.ts';
import { RoomKind, type RoomClaims } from './room-claims.ts';

/** How often each process looks for processes that are gone and adopts their rooms. */
export const FAILOVER_CHECK_MS = 2_000;

/**
 * How long a process asked to open a room may take before the asker opens it itself.
 * Opening replays the game's record, which on a busy machine takes more than Colyseus's
 * 2 s default for a remote call; the claim keeps the two from both opening it.
 */
export const REMOTE_OPEN_TIMEOUT_MS = 20_000;

/** Colyseus's own channel for a process (`p:<processId>`), subscribed for as long as it lives. */
const PROCESS_CHANNEL = 'p:';

/** Ours, beside it: "open this room here". */
const openChannel = (processId: string): string => `border-bargain:open:${processId}`;

const OpenRequest = z.tuple([z.string().min(1).max(100)]);

export type ClusterDeps = { rooms: LocalRooms; claims: RoomClaims; store: GameStore; log: Logger };

/**
 * Several processes on one Redis (Colyseus's presence and driver) and one PostgreSQL. Each
 * room lives in the process holding its claim: a new room goes to the live process holding
 * fewest, asked over Colyseus's presence; a room whose process is gone is reopened by a
 * survivor from the store, after Colyseus's health check has removed the dead process's
 * listings. Joins and reconnections then reach the room's process by its public address.
 */
export class ClusterRooms implements RoomOpener {
  private readonly deps: ClusterDeps;
  private readonly log: Logger;
  /** Rooms opened here, for the check that this process still holds each one's claim. */
  private readonly hosted = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private checking = false;
  private closing = false;

  constructor(deps: ClusterDeps) {
    this.deps = deps;
    this.log = deps.log.child({ component: 'cluster' });
  }

  private get me(): string {
    return matchMaker.processId;
  }

  /** Once Colyseus is listening: answer other processes' requests, and start watching for processes that are gone. */
  async start(): Promise<void> {
    await subscribeIPC(matchMaker.presence, openChannel(this.me), (method: string, args: unknown) => {
      const kind = RoomKind.safeParse(method);
      const request = OpenRequest.safeParse(args);
      if (!kind.success || !request.success) throw new Error('an open request must name a room kind and one room id');
      return this.openHere(kind.data, request.data[0]);
    });
    this.timer = setInterval(() => void this.check(), FAILOVER_CHECK_MS);
    this.timer.unref();
    this.log.info({ processId: this.me, publicAddress: matchMaker.publicAddress }, 'process joined the cluster');
  }

  async open(kind: RoomKind, id: string): Promise<void> {
    const target = await this.placement();
    if (target === this.me) return void (await this.openHere(kind, id));
    try {
      await requestFromIPC(matchMaker.presence, openChannel(target), kind, [id], REMOTE_OPEN_TIMEOUT_MS);
    } catch (error) {
      if (!(error instanceof Error) || error.message !== 'ipc_timeout') throw error;
      this.log.warn({ roomId: id, processId: target }, 'a process did not answer a request to open a room; opening it here');
      await this.openHere(kind, id);
    }
  }

  restore(kind: RoomKind, id: string): Promise<boolean> {
    return this.openHere(kind, id);
  }

  closed(id: string): void {
    this.hosted.delete(id);
    // At shutdown the claims stay: the other processes adopt these rooms once this one is gone.
    if (this.closing || matchMaker.state === matchMaker.MatchMakerState.SHUTTING_DOWN) return;
    this.deps.claims.release(id, this.me).catch((error: unknown) => this.log.error({ err: error, roomId: id }, 'could not release a room claim'));
  }

  async close(): Promise<void> {
    this.closing = true;
    if (this.timer !== null) clearInterval(this.timer);
    await matchMaker.presence.unsubscribe(openChannel(this.me));
  }

  /** Releases the claims' connections, once the rooms are closed. */
  async end(): Promise<void> {
    await this.deps.claims.close();
  }

  /** The live process holding fewest rooms; this one on a tie, as it saves a round trip. */
  private async placement(): Promise<string> {
    const live = await this.liveProcesses();
    const holdings = await this.deps.claims.holdings();
    let best = this.me;
    let fewest = holdings.get(this.me) ?? 0;
    for (const processId of [...live].sort()) {
      const held = holdings.get(processId) ?? 0;
      if (held < fewest) {
        best = processId;
        fewest = held;
      }
    }
    return best;
  }

  private async liveProcesses(): Promise<Set<string>> {
    const channels = await matchMaker.presence.channels(`${PROCESS_CHANNEL}*`);
    return new Set(channels.map((channel) => channel.slice(PROCESS_CHANNEL.length)));
  }

  /** Gone: no longer subscribed to its channel, and not answering Colyseus's health check (which also drops its room listings). */
  private async gone(processId: string, live?: Set<string>): Promise<boolean> {
    if ((live ?? (await this.liveProcesses())).has(processId)) return false;
    return !(await matchMaker.healthCheckProcessId(processId));
  }

  /** Opens the room here if this process gets its claim; false when a live process holds it. */
  private async openHere(kind: RoomKind, id: string): Promise<boolean> {
    const { claims, rooms } = this.deps;
    const holder = await claims.claim(id, kind, this.me);
    if (holder !== this.me) {
      if (!(await this.gone(holder))) return false;
      if (!(await claims.takeOver(id, holder, this.me))) return false;
      this.log.info({ roomId: id, kind, from: holder }, 'room claimed from a process that is gone');
    }
    try {
      await rooms.open(kind, id);
    } catch (error) {
      await claims.release(id, this.me);
      throw error;
    }
    this.hosted.add(id);
    return true;
  }

  /** One pass: adopt the rooms of processes that are gone; let go of rooms this process no longer holds. */
  private async check(): Promise<void> {
    if (this.checking || this.closing) return;
    this.checking = true;
    try {
      const live = await this.liveProcesses();
      const holdings = await this.deps.claims.holdings();
      for (const owner of holdings.keys()) {
        if (owner === this.me || this.closing) continue;
        if (await this.gone(owner, live)) await this.adopt(owner);
      }
      await this.dropLost();
    } catch (error) {
      this.log.error({ err: error }, 'the failover check failed; it runs again shortly');
    } finally {
      this.checking = false;
    }
  }

  /** Reopens, one at a time, the rooms of a process that is gone; other survivors take their share at once. */
  private async adopt(owner: string): Promise<void> {
    const { claims, rooms, store } = this.deps;
    const liveGames = new Set(await store.listUnfinished());
    const liveSessions = new Set(await store.listLiveSessions());
    for (let claim = await claims.takeNext(owner, this.me); claim !== null && !this.closing; claim = await claims.takeNext(owner, this.me)) {
      const { room_id: id, kind } = claim;
      const live = kind === 'game' ? liveGames.has(id) : liveSessions.has(id);
      if (!live) {
        await claims.release(id, this.me);
        continue;
      }
      try {
        await rooms.open(kind, id);
        this.hosted.add(id);
        this.log.info({ roomId: id, kind, from: owner }, 'room reopened from a process that is gone');
      } catch (error) {
        this.log.error({ err: error, roomId: id, kind }, 'could not reopen a room of a process that is gone; it stays in the store');
        await claims.release(id, this.me);
      }
    }
  }

  /**
   * A process cut off from Redis long enough is taken for gone, and its rooms reopen
   * elsewhere. When it comes back it must not keep serving them: it closes them here and
   * its clients rejoin where the room is now.
   */
  private async dropLost(): Promise<void> {
    if (this.hosted.size === 0) return;
    const held = await this.deps.claims.heldBy(this.me);
    for (const id of [...this.hosted]) {
      if (held.has(id)) continue;
      this.hosted.delete(id);
      this.log.error({ roomId: id }, 'another process holds this room now; closing it here');
      await matchMaker.getLocalRoomById(id)?.disconnect(CloseCode.MAY_TRY_RECONNECT);
    }
  }
}
