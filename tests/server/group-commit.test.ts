import { afterEach, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { Client } from '@colyseus/sdk';
import { pino } from 'pino';
import { CreatedGame } from '../../shared/protocol.ts';
import type { JoinOptions } from '../../shared/protocol.ts';
import type { RecordEntry } from '../../shared/record.ts';
import { startServer } from '../../server/app.ts';
import type { RunningServer } from '../../server/app.ts';
import { FAST_PLAY, LONG_TIMERS, Player, SCENARIO_ID } from './harness.ts';
import { startServerProcess } from './server-process.ts';
import type { ServerProcess } from './server-process.ts';
import { storeEngines } from './store-engines.ts';
import type { StorePlace } from './store-engines.ts';
import { chat } from './store-fixtures.ts';

// Group commit: the moves of many tables that reach the server together are stored in one
// transaction, and each is broadcast only once its batch is durable. These tests hold the
// promise to the class under it: nothing seen is lost, and a write that fails is refused.

const ROOT = resolve(import.meta.dirname, '../..');
const TABLES = 8;
const CHATS_PER_SEAT = 6;

async function createGame(url: string, seed: number): Promise<string> {
  const res = await fetch(`${url}/api/games`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ scenarioId: SCENARIO_ID, seed, timers: LONG_TIMERS }),
  });
  if (res.status !== 201) throw new Error(`create game: HTTP ${res.status} ${await res.text()}`);
  return CreatedGame.parse(await res.json()).gameId;
}

async function join(url: string, gameId: string, options: JoinOptions): Promise<Player> {
  const room = await new Client(url).joinById(gameId, options);
  room.reconnection.enabled = false;
  const player = new Player(room);
  players.push(player);
  return player;
}

type Table = { gameId: string; us: Player; mx: Player };

async function openTables(url: string, count: number): Promise<Table[]> {
  const tables: Table[] = [];
  for (let i = 0; i < count; i++) {
    const gameId = await createGame(url, 100 + i);
    const us = await join(url, gameId, { name: `Ana ${i}`, seat: 'us' });
    const mx = await join(url, gameId, { name: `Luis ${i}`, seat: 'mx' });
    await Promise.all([us.view((_s, v) => Object.keys(v.occupants).length === 2), mx.view((_s, v) => Object.keys(v.occupants).length === 2)]);
    tables.push({ gameId, us, mx });
  }
  return tables;
}

/** The chat lines of a record, as "seat: text". */
function chatLines(entries: readonly RecordEntry[]): string[] {
  return entries.flatMap((e) => (e.kind === 'move' && e.move.type === 'chat' ? [`${e.seat}: ${e.move.text}`] : []));
}

function inProcess(place: StorePlace): Promise<RunningServer> {
  return startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir: place.env.DATA_DIR,
    databaseUrl: place.env.DATABASE_URL,
    scenariosDir: resolve(ROOT, 'scenarios'),
    distDir: resolve(place.env.DATA_DIR, 'no-dist'),
    log: pino({ level: process.env.TEST_LOG ?? 'silent' }),
    messageRate: FAST_PLAY,
  });
}

const players: Player[] = [];
const processes: ServerProcess[] = [];
const running: RunningServer[] = [];
const places: StorePlace[] = [];

afterEach(async () => {
  for (const player of players.splice(0)) if (player.connected) await player.room.leave();
  for (const server of processes.splice(0)) await server.stop();
  for (const server of running.splice(0)) await server.close();
  for (const place of places.splice(0)) await place.remove();
});

describe.each(storeEngines('group commit'))('group commit ($name)', (engine) => {
  it('every table sends at once: each line is seen by the other seat, and every line seen is in the store after a SIGKILL', async () => {
    const place = await engine.place();
    places.push(place);
    const server = await startServerProcess(place.env);
    processes.push(server);
    const tables = await openTables(server.url, TABLES);

    // Every seat of every table sends its lines without waiting: they reach the server together.
    for (const [i, t] of tables.entries()) {
      for (let n = 0; n < CHATS_PER_SEAT; n++) {
        t.us.move({ type: 'chat', version: 0, to: 'mx', text: `us ${i}.${n}` });
        t.mx.move({ type: 'chat', version: 0, to: 'us', text: `mx ${i}.${n}` });
      }
    }
    const seen = await Promise.all(tables.map((t) => t.us.view((s) => s.chat.length === 2 * CHATS_PER_SEAT)));
    await Promise.all(tables.map((t) => t.mx.view((s) => s.chat.length === 2 * CHATS_PER_SEAT)));
    const dropped = Promise.all(players.map((p) => new Promise<void>((done) => p.room.onLeave(() => done()))));
    await server.crash();
    await dropped;

    const store = await place.open();
    try {
      for (const [i, t] of tables.entries()) {
        const record = await store.loadRecord(t.gameId);
        const entries = record?.entries ?? [];
        expect(entries.map((e) => e.seq)).toEqual(entries.map((_e, k) => k + 1));
        // The same lines in the same order as the table saw them, each seat's own in the order sent.
        expect(chatLines(entries)).toEqual(seen[i]?.state.chat.map((line) => `${line.from}: ${line.text}`));
        expect(chatLines(entries).filter((l) => l.startsWith('us:'))).toEqual(Array.from({ length: CHATS_PER_SEAT }, (_v, n) => `us: us ${i}.${n}`));
        expect(chatLines(entries).filter((l) => l.startsWith('mx:'))).toEqual(Array.from({ length: CHATS_PER_SEAT }, (_v, n) => `mx: mx ${i}.${n}`));
      }
    } finally {
      await store.close();
    }
  });

  it('a move whose write fails is refused as server/unavailable and changes nothing; the other tables, sending at the same moment, are stored', async () => {
    const place = await engine.place();
    places.push(place);
    const first = await inProcess(place);
    running.push(first);
    const [broken, fine] = await openTables(first.url, 2);
    if (broken === undefined || fine === undefined) throw new Error('two tables expected');
    const before = broken.us.latest();

    // Another writer takes the seq the broken table's next move needs: its write must fail.
    const other = await place.open();
    const nextSeq = ((await other.loadRecord(broken.gameId))?.entries.length ?? 0) + 1;
    await other.appendEntry(broken.gameId, chat(nextSeq, 'written elsewhere'));
    await other.close();

    const mark = broken.us.mark();
    broken.us.move({ type: 'chat', version: before.state.version, to: 'mx', text: 'lost?' });
    fine.us.move({ type: 'chat', version: fine.us.version, to: 'mx', text: 'kept' });
    expect(await broken.us.refused(mark)).toMatchObject({ code: 'server/unavailable', about: 'chat' });
    await fine.mx.view((s) => s.chat.length === 1);
    await broken.us.settle();
    await broken.mx.settle();
    // Nobody at the broken table saw a change.
    expect(broken.us.latest().state).toEqual(before.state);
    expect(broken.mx.latest().state.version).toBe(before.state.version);

    await first.close();
    running.splice(0);
    const store = await place.open();
    try {
      expect(chatLines((await store.loadRecord(broken.gameId))?.entries ?? [])).toEqual(['us: written elsewhere']);
      expect(chatLines((await store.loadRecord(fine.gameId))?.entries ?? [])).toEqual(['us: kept']);
    } finally {
      await store.close();
    }
  });
});
