import { afterEach, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { pino } from 'pino';
import { Refusal } from '../../shared/protocol.ts';
import { startServer } from '../../server/app.ts';
import type { RunningServer } from '../../server/app.ts';
import { createGame, FAST_PLAY, joinGame, storedRecord } from './harness.ts';
import type { Player } from './harness.ts';
import { storeEngines } from './store-engines.ts';
import type { StorePlace } from './store-engines.ts';

// Overload, made real: another connection locks the entries table, so the table's first
// move waits on the database and the moves behind it queue. Past the queue's bound a move
// is refused as busy at once, and nothing of it is stored. PostgreSQL only: SQLite's
// driver is synchronous, so a stalled SQLite write stalls the whole process instead.

const ROOT = resolve(import.meta.dirname, '../..');
const postgres = storeEngines('busy test').filter((engine) => engine.name === 'PostgreSQL');

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

if (postgres.length === 0) describe.skip('an overloaded table (PostgreSQL: DATABASE_URL not set)', () => it('needs PostgreSQL', () => undefined));

describe.each(postgres)('an overloaded table ($name)', (engine) => {
  it('a move that finds the table\'s queue stuck is refused as server/busy at once; the moves before it are stored and seen when the store frees', async () => {
    const place: StorePlace = await engine.place();
    cleanups.push(() => place.remove());
    const server: RunningServer = await startServer({
      port: 0,
      host: '127.0.0.1',
      dataDir: place.env.DATA_DIR,
      databaseUrl: place.env.DATABASE_URL,
      scenariosDir: resolve(ROOT, 'scenarios'),
      distDir: resolve(place.env.DATA_DIR, 'no-dist'),
      log: pino({ level: process.env.TEST_LOG ?? 'silent' }),
      messageRate: FAST_PLAY,
      // Any wait at all counts as stuck: the test needs no clock.
      maxQueueWaitMs: 0,
    });
    cleanups.push(() => server.close());
    const gameId = await createGame(server);
    const us: Player = await joinGame(server, gameId, { name: 'Ana', seat: 'us' });
    const mx: Player = await joinGame(server, gameId, { name: 'Luis', seat: 'mx' });
    cleanups.push(async () => {
      for (const p of [us, mx]) if (p.connected) await p.room.leave();
    });
    await mx.view((_s, v) => Object.keys(v.occupants).length === 2);
    const before = mx.version;

    const locker = new Client({ connectionString: place.env.DATABASE_URL });
    await locker.connect();
    cleanups.push(() => locker.end());
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE entries IN EXCLUSIVE MODE');

    const mark = us.mark();
    us.move({ type: 'chat', version: before, to: 'mx', text: 'first' });
    // Wait until the first move's write is blocked on the lock: the database says so (asked on
    // another connection: inside the locker's transaction the activity view is a frozen snapshot).
    const watcher = new Client({ connectionString: place.env.DATABASE_URL });
    await watcher.connect();
    cleanups.push(() => watcher.end());
    for (;;) {
      const { rows } = await watcher.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'INSERT INTO entries%'");
      if ((rows[0] as { n: number }).n > 0) break;
    }
    us.move({ type: 'chat', version: before, to: 'mx', text: 'second' });
    us.move({ type: 'chat', version: before, to: 'mx', text: 'third' });
    expect(await us.refused(mark)).toMatchObject({ code: 'server/busy', about: 'chat' });
    expect(mx.version).toBe(before);

    await locker.query('COMMIT');
    const seen = await mx.view((s) => s.chat.length === 2);
    expect(seen.state.chat.map((line) => line.text)).toEqual(['first', 'second']);
    await us.settle();
    // The one refusal about a chat is the busy one (settle's probe has its own).
    expect(us.since(mark, 'refused').map((m) => Refusal.parse(m.payload)).filter((r) => r.about === 'chat')).toEqual([
      expect.objectContaining({ code: 'server/busy' }),
    ]);
    const record = await storedRecord(server, gameId);
    expect(record.entries.flatMap((e) => (e.kind === 'move' && e.move.type === 'chat' ? [e.move.text] : []))).toEqual(['first', 'second']);
  });
});
