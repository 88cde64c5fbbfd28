import { afterAll, beforeAll } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from '@colyseus/sdk';
import type { Room } from '@colyseus/sdk';
import { pino } from 'pino';
import { GameRecord } from '../../shared/record.ts';
import { CreatedGame, PlayerView, Refusal, Welcome } from '../../shared/protocol.ts';
import type { CreateGameBody, JoinOptions } from '../../shared/protocol.ts';
import type { Move } from '../../shared/rules/moves.ts';
import type { GameState } from '../../shared/rules/state.ts';
import { startServer } from '../../server/app.ts';
import type { RunningServer } from '../../server/app.ts';
import type { MessageRate } from '../../server/rooms/limits.ts';

export const SCENARIO_ID = 'us-mexico-2019';
const ROOT = resolve(import.meta.dirname, '../..');

/** Fast enough for a scripted player; the default classroom rate is tested on its own. */
export const FAST_PLAY: MessageRate = { burst: 1000, perSecond: 1000 };

/** Phases long enough never to end by timer during a test that drives them with 'ready'. */
export const LONG_TIMERS = { briefing: 600, negotiation: 600, decision: 600, resolution: 600, debrief: 600 };

export async function tempDataDir(): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'border-bargain-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

export async function startTestServer(dataDir: string, messageRate: MessageRate = FAST_PLAY, distDir = join(dataDir, 'no-dist')): Promise<RunningServer> {
  return startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    scenariosDir: join(ROOT, 'scenarios'),
    distDir,
    log: pino({ level: process.env.TEST_LOG ?? 'silent' }),
    messageRate,
  });
}

export async function createGame(server: RunningServer, body: Partial<CreateGameBody> = {}): Promise<string> {
  const res = await fetch(`${server.url}/api/games`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ scenarioId: SCENARIO_ID, seed: 42, timers: LONG_TIMERS, ...body }),
  });
  if (res.status !== 201) throw new Error(`create game: HTTP ${res.status} ${await res.text()}`);
  return CreatedGame.parse(await res.json()).gameId;
}

/** The record over HTTP, as anyone may read it once the game has ended. */
export async function fetchRecord(server: RunningServer, gameId: string): Promise<GameRecord> {
  const res = await fetch(`${server.url}/api/games/${gameId}/record`);
  if (res.status !== 200) throw new Error(`record: HTTP ${res.status}`);
  return GameRecord.parse(await res.json());
}

/** The record straight from the server's store: for checks made while the game is still played. */
export async function storedRecord(server: RunningServer, gameId: string): Promise<GameRecord> {
  const record = await server.store.loadRecord(gameId);
  if (record === null) throw new Error(`no record for ${gameId}`);
  return record;
}

export type Received = { type: string; payload: unknown };
type Waiter = { test: (m: Received) => boolean; resolve: (m: Received) => void; reject: (error: Error) => void };

/**
 * Everything one real SDK connection received, in order. Waiting is by event, never by
 * sleeping: a wait resolves on a matching message already received (from an index on)
 * or on the next one that arrives.
 */
export class Inbox {
  readonly room: Room;
  readonly received: Received[] = [];
  private readonly waiters: Waiter[] = [];

  /** Why the server closed this connection, once it has: a wait for more then fails at once instead of hanging. */
  private closed: Error | null = null;

  constructor(room: Room) {
    this.room = room;
    room.onLeave((code: number, reason?: string) => {
      this.closed = new Error(`the server closed this connection (code ${code}${reason ? `: ${reason}` : ''}) before the awaited message came`);
      for (const waiter of this.waiters.splice(0)) waiter.reject(this.closed);
    });
    room.onMessage('*', (type: string | number, payload: unknown) => {
      const message = { type: String(type), payload };
      this.received.push(message);
      for (const waiter of [...this.waiters]) {
        if (waiter.test(message)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(message);
        }
      }
    });
  }

  /** An index into `received`: waits `from` it ignore what came before. */
  mark(): number {
    return this.received.length;
  }

  wait(test: (m: Received) => boolean, from = 0): Promise<Received> {
    const found = this.received.slice(from).find(test);
    if (found !== undefined) return Promise.resolve(found);
    if (this.closed !== null) return Promise.reject(this.closed);
    return new Promise((resolve, reject) => this.waiters.push({ test, resolve, reject }));
  }

  /** The payload of the latest message of a type, if any. */
  latestOf(type: string): unknown {
    for (let i = this.received.length - 1; i >= 0; i--) if (this.received[i]?.type === type) return this.received[i]?.payload;
    return undefined;
  }
}

/** A seated (or watching) player at a game table. */
export class Player extends Inbox {
  private probes = 0;

  /** Resolves with the latest view once it passes `test` (at once if it already does). */
  async view(test: (state: GameState, view: PlayerView) => boolean = () => true): Promise<PlayerView> {
    const current = this.latestOrNull();
    if (current !== null && test(current.state, current)) return current;
    const message = await this.wait((m) => {
      if (m.type !== 'view') return false;
      const view = PlayerView.parse(m.payload);
      return test(view.state, view);
    }, this.received.length);
    return PlayerView.parse(message.payload);
  }

  /**
   * A round trip that proves every message the server sent this client before now has
   * arrived: the server answers a probe (an unknown message type) in order, after them.
   */
  async settle(): Promise<void> {
    const probe = `probe-${++this.probes}`;
    this.sendRaw('probe', { type: probe });
    await this.wait((m) => m.type === 'refused' && Refusal.parse(m.payload).about === probe, this.mark());
  }

  /** The first refusal received at or after `from`. */
  async refused(from: number): Promise<Refusal> {
    return Refusal.parse((await this.wait((m) => m.type === 'refused', from)).payload);
  }

  async welcome(from = 0): Promise<Welcome> {
    return Welcome.parse((await this.wait((m) => m.type === 'welcome', from)).payload);
  }

  /** Messages of a type received at or after `from`. */
  since(from: number, type?: string): Received[] {
    return this.received.slice(from).filter((m) => type === undefined || m.type === type);
  }

  private latestOrNull(): PlayerView | null {
    const payload = this.latestOf('view');
    return payload === undefined ? null : PlayerView.parse(payload);
  }

  /** The latest view received so far. */
  latest(): PlayerView {
    const view = this.latestOrNull();
    if (view === null) throw new Error('no view received yet');
    return view;
  }

  get version(): number {
    return this.latest().state.version;
  }

  move(move: Move): void {
    this.room.send('move', move);
  }

  /** Sends anything at all, as a misbehaving client would. */
  sendRaw(type: string, payload: unknown): void {
    this.room.send(type, payload);
  }

  get connected(): boolean {
    return this.room.connection.isOpen;
  }
}

export async function joinGame(server: RunningServer, gameId: string, options: JoinOptions): Promise<Player> {
  const client = new Client(server.url);
  const room = await client.joinById(gameId, options);
  // The tests rejoin by seat token themselves; the SDK's own retry would race them.
  room.reconnection.enabled = false;
  const player = new Player(room);
  return player;
}

/** Every player's views agree on the phase: the table has moved on. */
export async function allIn(players: Player[], phase: GameState['phase'], round?: number): Promise<PlayerView[]> {
  return Promise.all(players.map((p) => p.view((s) => s.phase === phase && (round === undefined || s.round === round))));
}

/**
 * Presses 'ready' for every seat until the table reaches `phase` (deciding with the
 * levels in force when the decision phase is in the way).
 */
export async function playTo(players: Player[], phase: GameState['phase']): Promise<void> {
  await Promise.all(players.map((p) => p.view()));
  for (let guard = 0; guard < 12; guard++) {
    const current = players[0]?.latest().state;
    if (current === undefined) throw new Error('no players');
    if (current.phase === phase) return;
    const before = current.phaseVersion;
    for (const player of players) {
      const state = player.latest().state;
      player.move(state.phase === 'decision' ? { type: 'decide', version: state.version, levels: {} } : { type: 'ready', version: state.version });
    }
    await Promise.all(players.map((p) => p.view((s) => s.phaseVersion > before)));
  }
  throw new Error(`never reached ${phase}`);
}

/**
 * One real server for the whole test file, on a fresh data folder, closed and removed
 * after the file's last test. Read `.server` inside tests, once it has started.
 */
export function serverForFile(): { readonly server: RunningServer } {
  let server: RunningServer | undefined;
  let data: Awaited<ReturnType<typeof tempDataDir>> | undefined;
  beforeAll(async () => {
    data = await tempDataDir();
    server = await startTestServer(data.dir);
  });
  afterAll(async () => {
    await server?.close();
    await data?.remove();
  });
  return {
    get server(): RunningServer {
      if (server === undefined) throw new Error('the test server has not started');
      return server;
    },
  };
}
