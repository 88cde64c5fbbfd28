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

export async function startTestServer(dataDir: string, messageRate: MessageRate = FAST_PLAY): Promise<RunningServer> {
  return startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    scenariosDir: join(ROOT, 'scenarios'),
    distDir: join(dataDir, 'no-dist'),
    log: pino({ level: 'silent' }),
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

export async function fetchRecord(server: RunningServer, gameId: string): Promise<GameRecord> {
  const res = await fetch(`${server.url}/api/games/${gameId}/record`);
  if (res.status !== 200) throw new Error(`record: HTTP ${res.status}`);
  return GameRecord.parse(await res.json());
}

type Received = { type: string; payload: unknown };
type Waiter = { from: number; test: (m: Received) => boolean; resolve: (m: Received) => void };

/**
 * One real SDK connection and everything it received, in order. Waiting is by event:
 * `next` resolves on the first matching message at or after a cursor, already received or not.
 */
export class Player {
  readonly room: Room;
  readonly received: Received[] = [];
  private readonly waiters: Waiter[] = [];
  /** Messages before this index have been consumed by `next`. */
  cursor = 0;

  constructor(room: Room) {
    this.room = room;
    room.onMessage('*', (type: string | number, payload: unknown) => {
      const message = { type: String(type), payload };
      this.received.push(message);
      const index = this.received.length - 1;
      for (const waiter of [...this.waiters]) {
        if (index >= waiter.from && waiter.test(message)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(message);
        }
      }
    });
  }

  private wait(test: (m: Received) => boolean, from: number): Promise<Received> {
    for (let i = from; i < this.received.length; i++) {
      const message = this.received[i];
      if (message !== undefined && test(message)) {
        this.cursor = i + 1;
        return Promise.resolve(message);
      }
    }
    return new Promise((resolve) => {
      this.waiters.push({
        from,
        test,
        resolve: (message) => {
          this.cursor = this.received.indexOf(message) + 1;
          resolve(message);
        },
      });
    });
  }

  /** The next view (after the cursor) whose state passes `test`. */
  async view(test: (state: GameState, view: PlayerView) => boolean = () => true, from = this.cursor): Promise<PlayerView> {
    const message = await this.wait((m) => {
      if (m.type !== 'view') return false;
      const view = PlayerView.parse(m.payload);
      return test(view.state, view);
    }, from);
    return PlayerView.parse(message.payload);
  }

  async refused(from = this.cursor): Promise<Refusal> {
    return Refusal.parse((await this.wait((m) => m.type === 'refused', from)).payload);
  }

  async welcome(from = 0): Promise<Welcome> {
    return Welcome.parse((await this.wait((m) => m.type === 'welcome', from)).payload);
  }

  /** The latest view received so far. */
  latest(): PlayerView {
    for (let i = this.received.length - 1; i >= 0; i--) {
      const message = this.received[i];
      if (message?.type === 'view') return PlayerView.parse(message.payload);
    }
    throw new Error('no view received yet');
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

export async function join(server: RunningServer, gameId: string, options: JoinOptions): Promise<Player> {
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
