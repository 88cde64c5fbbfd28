import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import { Client as PgClient } from 'pg';
import { Client } from '@colyseus/sdk';
import type { Actor } from '../../shared/actor.ts';
import type { RecordEntry } from '../../shared/record.ts';
import { SQLITE_FILE } from '../../server/store/sqlite-store.ts';
import type { GameStore } from '../../server/store/store.ts';
import { LONG_TIMERS, Player } from './harness.ts';
import { createSession, enrol, openSessionRoom, sit, startClassServer, steer } from './session-harness.ts';
import type { ClassServer } from './session-harness.ts';
import { storeEngines } from './store-engines.ts';
import type { StorePlace } from './store-engines.ts';
import { CREATED, meta } from './store-fixtures.ts';

// Who made each entry happen is part of the record: a student (by roster id), a bot (by
// policy), the instructor, the timer or the table's own rule. It must survive a restart on
// either engine, and records written before actors were kept get the actor they can tell.

const places: StorePlace[] = [];
const servers: ClassServer[] = [];
const stores: GameStore[] = [];
const players: Player[] = [];

afterEach(async () => {
  for (const player of players.splice(0)) if (player.connected) await player.room.leave();
  for (const server of servers.splice(0)) await server.close();
  for (const store of stores.splice(0)) await store.close();
  for (const place of places.splice(0)) await place.remove();
});

/** Writes rows as an older server did, straight into the engine's tables. */
async function rawSql(place: StorePlace, statements: { sql: string; params: (string | number)[] }[]): Promise<void> {
  const url = place.env.DATABASE_URL;
  if (url === undefined) {
    const db = new DatabaseSync(join(place.env.DATA_DIR, SQLITE_FILE));
    try {
      for (const { sql, params } of statements) db.prepare(sql.replace(/\$\d+/g, '?')).run(...params);
    } finally {
      db.close();
    }
    return;
  }
  const client = new PgClient({ connectionString: url });
  await client.connect();
  try {
    for (const { sql, params } of statements) await client.query(sql, params);
  } finally {
    await client.end();
  }
}

const actorsBySeat = (entries: RecordEntry[], seat: string): Actor[] => entries.flatMap((e) => (e.kind === 'move' && e.seat === seat ? [e.actor] : []));

describe.each(storeEngines('record actors'))('the record says who acted ($name)', (engine) => {
  it("a class table's record credits the student, the bot, the table's rule and the instructor, before and after a restart", async () => {
    const place = await engine.place();
    places.push(place);
    const start = () => startClassServer(place.env.DATA_DIR, { databaseUrl: place.env.DATABASE_URL });
    let server = await start();
    servers.push(server);
    const session = await createSession(server, { tables: 1, timers: LONG_TIMERS, bots: 'dealmaker' });
    const ana = await enrol(server, session.code, 'Ana');
    await steer(server, session, { type: 'start' });
    const a = await sit(server, ana);
    players.push(a.player);
    const seat = a.status.seat;
    if (seat === null) throw new Error('not seated');
    const botSeat = seat.seat === 'us' ? 'mx' : 'us';
    await a.player.view((s) => s.phase === 'briefing');
    a.player.move({ type: 'ready', version: a.player.version });
    // The bot is ready too, so the table moves on by its own rule.
    await a.player.view((s) => s.phase === 'negotiation');
    a.player.move({ type: 'chat', version: a.player.version, to: botSeat, text: 'before the restart' });
    await a.player.view((s) => s.chat.length === 1);
    await steer(server, session, { type: 'advance', table: '1' });
    await a.player.view((s) => s.phase === 'decision');

    const left = new Promise<void>((done) => a.player.room.onLeave(() => done()));
    await server.close();
    servers.splice(servers.indexOf(server), 1);
    await left;

    server = await start();
    servers.push(server);
    const room = await new Client(server.url).joinById(seat.gameId, { name: 'Ana', seatToken: seat.seatToken });
    room.reconnection.enabled = false;
    const back = new Player(room);
    players.push(back);
    await back.view((s) => s.phase === 'decision');
    back.move({ type: 'chat', version: back.version, to: botSeat, text: 'after the restart' });
    await back.view((s) => s.chat.length === 2);

    const record = await server.store.loadRecord(seat.gameId);
    if (record === null) throw new Error('no record');
    const anaActor: Actor = { kind: 'student', memberId: ana.joined.studentId, name: 'Ana' };
    const anas = actorsBySeat(record.entries, seat.seat);
    expect(anas).toEqual([anaActor, anaActor, anaActor]);
    const bots = actorsBySeat(record.entries, botSeat);
    expect(bots.length).toBeGreaterThan(0);
    expect(bots).toEqual(bots.map(() => ({ kind: 'bot', policy: 'dealmaker' })));
    const advances = record.entries.flatMap((e) => (e.kind === 'advance' ? [[e.reason, e.actor]] : []));
    expect(advances).toEqual([
      ['all-ready', { kind: 'table' }],
      ['instructor', { kind: 'instructor' }],
    ]);
    const chats = record.entries.flatMap((e) => (e.kind === 'move' && e.move.type === 'chat' ? [[e.move.text, e.actor]] : []));
    expect(chats).toEqual([
      ['before the restart', anaActor],
      ['after the restart', anaActor],
    ]);
    await (await openSessionRoom(server, session.sessionId, { secret: session.secret })).room.leave();
  });

  it('a database written before actors were kept gets them on opening, as far as each record can tell', async () => {
    const place = await engine.place();
    places.push(place);
    let store = await place.open();
    await store.createSession({ sessionId: 's-old', code: 'OLDCL1', secretHash: 'x', config: { scenarioId: 'us-mexico-2019', tables: 1, assignment: 'auto', timers: {}, cards: 'round', bots: null }, createdAt: CREATED });
    await store.createGame(meta('class-table', { session: { sessionId: 's-old', table: '1' } }));
    await store.createGame(meta('own-game', { createdAt: CREATED + 1 }));
    await store.saveSeat('own-game', 'us', 'hash-us', 'Ana');
    await store.saveSeat('own-game', 'mx', 'hash-mx', 'Luis');
    await store.createGame(meta('fork', { createdAt: CREATED + 2, parent: { gameId: 'own-game', step: 2 } }));
    await store.saveSeat('fork', 'us', 'hash-f', 'Ana');
    await store.saveSeatBot('fork', 'mx', 'punitive');
    await store.close();

    const old = (gameId: string, seq: number, entry: Record<string, unknown>) => ({
      sql: 'INSERT INTO entries (game_id, seq, json) VALUES ($1, $2, $3)',
      params: [gameId, seq, JSON.stringify({ seq, at: CREATED + seq, ...entry })],
    });
    const ready = (seat: string, version: number) => ({ kind: 'move', seat, move: { type: 'ready', version } });
    await rawSql(place, [
      old('class-table', 1, ready('us', 0)),
      old('class-table', 2, { kind: 'advance', reason: 'timer' }),
      old('class-table', 3, { kind: 'inject', eventId: 'caravan' }),
      old('class-table', 4, { kind: 'end' }),
      old('own-game', 1, ready('us', 0)),
      old('own-game', 2, ready('mx', 1)),
      old('own-game', 3, { kind: 'advance', reason: 'all-ready' }),
      old('own-game', 4, { kind: 'end' }),
      old('fork', 1, ready('us', 0)),
      old('fork', 2, ready('mx', 1)),
      old('fork', 3, { kind: 'advance', reason: 'instructor' }),
      old('fork', 4, ready('mx', 3)),
      old('fork', 5, ready('us', 4)),
      { sql: 'DELETE FROM schema_migrations', params: [] },
    ]);

    store = await place.open();
    stores.push(store);
    const actors = async (gameId: string) => (await store.loadRecord(gameId))?.entries.map((e) => e.actor);
    expect(await actors('class-table')).toEqual([{ kind: 'unknown' }, { kind: 'timer' }, { kind: 'instructor' }, { kind: 'instructor' }]);
    const ana = { kind: 'student', memberId: null, name: 'Ana' };
    const luis = { kind: 'student', memberId: null, name: 'Luis' };
    expect(await actors('own-game')).toEqual([ana, luis, { kind: 'table' }, { kind: 'table' }]);
    // The fork's first two entries are its parent's (Luis's, not the fork's bot's); after them the bot plays mx.
    expect(await actors('fork')).toEqual([ana, luis, { kind: 'instructor' }, { kind: 'bot', policy: 'punitive' }, ana]);
    // The old entry's fields are kept as they were, with the actor after `at`.
    const first = (await store.loadRecord('class-table'))?.entries[0];
    expect(first === undefined ? [] : Object.keys(first)).toEqual(['kind', 'seq', 'at', 'actor', 'seat', 'move']);

    // Opening again changes nothing: the migration is recorded as applied.
    const migrated = await store.loadRecord('fork');
    await store.close();
    stores.splice(0);
    store = await place.open();
    stores.push(store);
    expect(await store.loadRecord('fork')).toEqual(migrated);
  });
});
