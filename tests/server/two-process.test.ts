import { afterEach, describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';
import { RedisDriver } from '@colyseus/redis-driver';
import { Client } from '@colyseus/sdk';
import { Client as PgClient } from 'pg';
import { z } from 'zod';
import { GameRecord } from '../../shared/record.ts';
import { stateHash } from '../../shared/rules/index.ts';
import type { GameState } from '../../shared/rules/state.ts';
import type { Move } from '../../shared/rules/moves.ts';
import { Player, playTo } from './harness.ts';
import type { Received } from './harness.ts';
import { createSession, enrol, openSessionRoom, sit, steer } from './session-harness.ts';
import type { Inbox, Student } from './session-harness.ts';
import { startServerProcess } from './server-process.ts';
import type { ServerProcess } from './server-process.ts';
import { storeEngines } from './store-engines.ts';
import type { StorePlace } from './store-engines.ts';

// Scale-out: two server processes share one Redis (Colyseus's presence and driver) and one
// PostgreSQL. A class's tables are spread over both; one process dies by SIGKILL and the
// other reopens its rooms from the store, once, and every student sits back in their seat.

const REDIS_URL = process.env.REDIS_URL?.trim() || undefined;
const postgres = storeEngines('two-process test').find((engine) => engine.name === 'PostgreSQL');
if (REDIS_URL === undefined) console.warn('Two-process test not run: REDIS_URL is not set (.ci/run starts Redis when it can)');

type LogLine = { msg?: string; roomId?: string; kind?: string; from?: string; gameId?: string; sessionId?: string };

/** A process's JSON log, read as it is written: waiting for a line is waiting for the event it records. */
class ProcessLog {
  readonly lines: LogLine[] = [];
  private readonly waiters: { test: (line: LogLine) => boolean; resolve: () => void }[] = [];

  constructor(server: ServerProcess) {
    const stdout = server.child.stdout;
    if (stdout === null) throw new Error('the server has no stdout');
    createInterface({ input: stdout }).on('line', (text) => {
      if (!text.startsWith('{')) return;
      const line = JSON.parse(text) as LogLine;
      this.lines.push(line);
      for (const waiter of [...this.waiters]) {
        if (!waiter.test(line)) continue;
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    });
  }

  waitFor(test: (line: LogLine) => boolean): Promise<void> {
    if (this.lines.some(test)) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ test, resolve }));
  }
}

/** A port nothing listens on now: each process must know its own before it starts, to name it as its public address. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

type Node = { server: ServerProcess; log: ProcessLog; address: string };

async function startNode(place: StorePlace, redisUrl: string): Promise<Node> {
  const port = await freePort();
  const address = `localhost:${port}`;
  const server = await startServerProcess({ ...place.env, REDIS_URL: redisUrl, PUBLIC_ADDRESS: address, LOG_LEVEL: 'info' }, port);
  return { server, log: new ProcessLog(server), address };
}

/** A move sent and seen accepted: the view that followed it carried a higher version. */
type Accepted = { seat: string; move: Move };

async function play(player: Player, seat: string, move: Move, log: Accepted[]): Promise<void> {
  const before = player.version;
  player.move(move);
  await player.view((s) => s.version > before);
  log.push({ seat, move });
}

/** The record's moves less the 'ready' presses playTo makes: what the test itself played. */
function scriptedMoves(entries: GameRecord['entries']): Accepted[] {
  return entries.flatMap((e) => (e.kind === 'move' && e.move.type !== 'ready' ? [{ seat: e.seat, move: e.move }] : []));
}

/** A table's replay record, as the instructor opens it (their secret reads a game still in play). */
async function record(url: string, gameId: string, secret: string): Promise<GameRecord> {
  const res = await fetch(`${url}/api/games/${gameId}/record`, { headers: { authorization: `Bearer ${secret}` } });
  if (res.status !== 200) throw new Error(`record: HTTP ${res.status}`);
  return GameRecord.parse(await res.json());
}

const left = (inbox: Inbox | Player): Promise<void> => new Promise((done) => inbox.room.onLeave(() => done()));

/** The class's records export, as the instructor downloads it. */
const SessionRecords = z.object({ sessionId: z.string(), tables: z.array(z.object({ table: z.string(), gameId: z.string(), record: GameRecord })) });

const ClaimOwner = z.object({ room_id: z.string(), owner: z.string() });

/** Who holds each room's claim, read from the database the processes share. */
async function claims(place: StorePlace): Promise<Map<string, string>> {
  const client = new PgClient({ connectionString: place.env.DATABASE_URL });
  await client.connect();
  try {
    const rows = (await client.query('SELECT room_id, owner FROM room_claims')).rows.map((row) => ClaimOwner.parse(row));
    return new Map(rows.map((r) => [r.room_id, r.owner]));
  } finally {
    await client.end();
  }
}

const nodes: Node[] = [];
const places: StorePlace[] = [];
const connections: (Player | Inbox)[] = [];
let driver: RedisDriver | null = null;

afterEach(async () => {
  for (const c of connections.splice(0)) if (c.room.connection.isOpen) await c.room.leave();
  for (const node of nodes.splice(0)) await node.server.stop();
  await driver?.shutdown();
  driver = null;
  for (const place of places.splice(0)) await place.remove();
});

describe.skipIf(REDIS_URL === undefined || postgres === undefined)('two processes on Redis and PostgreSQL', () => {
  it('serve one class across both, and when one is killed the other reopens its rooms once and every seat and move is back', { timeout: 180_000 }, async () => {
    if (REDIS_URL === undefined || postgres === undefined) throw new Error('skipped above');
    const place = await postgres.place();
    places.push(place);
    // `front` takes every HTTP request, as one behind a round-robin proxy might; `back` is the one that dies.
    const front = await startNode(place, REDIS_URL);
    nodes.push(front);
    const back = await startNode(place, REDIS_URL);
    nodes.push(back);
    driver = new RedisDriver(REDIS_URL);
    const listings = driver;
    const whereIs = async (roomId: string): Promise<string | undefined> => (await listings.findOne({ roomId }))?.publicAddress;

    // Created through `back`, the session room lives there (a tie goes to the process asked).
    const session = await createSession(back.server, { tables: 2, bots: null, timers: { negotiation: 600, decision: 600 } });
    expect(await whereIs(session.sessionId)).toBe(back.address);
    const instructor = await openSessionRoom(front.server, session.sessionId, { secret: session.secret });
    connections.push(instructor);
    const students: Student[] = [];
    for (const name of ['Ana', 'Luis', 'Bea', 'Marco']) students.push(await enrol(front.server, session.code, name));
    connections.push(...students.map((s) => s.lobby));
    await instructor.session((v) => v.roster.length === 4 && v.roster.every((r) => r.connected));

    await steer(front.server, session, { type: 'start' });
    const seated = await Promise.all(students.map((s) => sit(front.server, s)));
    connections.push(...seated.map((s) => s.player));
    const view = await instructor.session((v) => v.phase === 'running' && v.tables.length === 2 && v.roster.every((r) => r.seat !== null));

    // One table in each process: joins through `front` reached each table's own process.
    const tables = await Promise.all(
      view.tables.map(async (t) => {
        const players = seated.filter((s) => s.status.seat?.gameId === t.gameId);
        const bySeat = (seat: string) => {
          const found = players.find((p) => p.status.seat?.seat === seat);
          if (found === undefined) throw new Error(`no one at ${seat} of table ${t.table}`);
          return { player: found.player, token: found.status.seat?.seatToken ?? '', name: students[seated.indexOf(found)]?.name ?? '' };
        };
        return { gameId: t.gameId, address: await whereIs(t.gameId), us: bySeat('us'), mx: bySeat('mx'), accepted: [] as Accepted[] };
      }),
    );
    expect(new Set(tables.map((t) => t.address))).toEqual(new Set([front.address, back.address]));

    // Each table negotiates: a word, an offer, its acceptance.
    await Promise.all(
      tables.map(async (t) => {
        const [us, mx] = [t.us.player, t.mx.player];
        await playTo([us, mx], 'negotiation');
        await play(us, 'us', { type: 'chat', version: us.version, to: 'mx', text: `Table ${t.gameId}: ¿hablamos?` }, t.accepted);
        await play(us, 'us', { type: 'propose', version: us.version, to: 'mx', commitments: [{ seat: 'mx', instrument: 'mx_guard', amount: 5 }], rounds: 1 }, t.accepted);
        const offered = await mx.view((s) => s.proposals.some((p) => p.status === 'open'));
        const proposalId = offered.state.proposals.find((p) => p.status === 'open')?.id ?? '';
        await play(mx, 'mx', { type: 'accept', version: mx.version, proposalId }, t.accepted);
        await play(mx, 'mx', { type: 'chat', version: mx.version, to: 'us', text: 'Trato hecho.' }, t.accepted);
        await us.view((s) => s.version === mx.version);
      }),
    );
    const lost = tables.filter((t) => t.address === back.address);
    const kept = tables.filter((t) => t.address === front.address);
    const seen = new Map<Player, GameState>(tables.flatMap((t) => [t.us.player, t.mx.player]).map((p) => [p, p.latest().state]));

    // `back` dies with the session room and a table: its connections drop, `front`'s stay.
    const dropped = Promise.all([instructor, ...students.map((s) => s.lobby), ...lost.flatMap((t) => [t.us.player, t.mx.player])].map(left));
    await back.server.crash();
    await dropped;
    expect(back.server.child.signalCode).toBe('SIGKILL');
    expect(kept.flatMap((t) => [t.us.player, t.mx.player]).every((p) => p.connected)).toBe(true);

    // `front` finds `back` gone and reopens its rooms from the store.
    const reopened = (roomId: string) => (line: LogLine) => line.msg === 'room reopened from a process that is gone' && line.roomId === roomId;
    await front.log.waitFor(reopened(session.sessionId));
    for (const t of lost) await front.log.waitFor(reopened(t.gameId));
    for (const roomId of [session.sessionId, ...tables.map((t) => t.gameId)]) expect(await whereIs(roomId)).toBe(front.address);

    // Every student of the lost table sits back in their seat with their token, and finds the table as they last saw it.
    for (const t of lost) {
      for (const [seat, at] of [['us', t.us], ['mx', t.mx]] as const) {
        const room = await new Client(front.server.url).joinById(t.gameId, { name: at.name, seatToken: at.token });
        room.reconnection.enabled = false;
        const back = new Player(room);
        connections.push(back);
        expect(await back.welcome()).toMatchObject({ seat, seatToken: at.token });
        const last = seen.get(at.player);
        expect(stateHash((await back.view()).state)).toBe(stateHash(last ?? ({} as GameState)));
        at.player = back;
      }
    }
    // ...and plays on: the restored table accepts moves.
    for (const t of lost) await play(t.mx.player, 'mx', { type: 'chat', version: t.mx.player.version, to: 'us', text: '¿Seguimos?' }, t.accepted);

    // The class is whole again: lobbies carry the same seats, the instructor sees both tables live.
    for (const [i, s] of students.entries()) {
      const lobby = await openSessionRoom(front.server, session.sessionId, { studentToken: s.joined.studentToken });
      connections.push(lobby);
      expect((await lobby.status()).seat).toEqual(seated[i]?.status.seat);
    }
    const watching = await openSessionRoom(front.server, session.sessionId, { secret: session.secret });
    connections.push(watching);
    const whole = await watching.session((v) => v.tables.length === 2 && v.tables.every((t) => t.phase === 'negotiation' && t.round === 1));
    expect(whole.tables.map((t) => t.gameId).sort()).toEqual(tables.map((t) => t.gameId).sort());

    // The instructor's controls reach the tables in both processes.
    const heard = tables.flatMap((t) => [t.us.player, t.mx.player]).map((p) => p.wait((m: Received) => m.type === 'announcement', p.mark()));
    const outcome = await steer(front.server, session, { type: 'announce', text: 'Five minutes left.' });
    expect(outcome).toMatchObject({ ok: true, tables: { 1: { ok: true }, 2: { ok: true } } });
    await Promise.all(heard);

    // Replays and exports have every accepted move of every table, in order.
    for (const t of tables) {
      const stored = await record(front.server.url, t.gameId, session.secret);
      expect(stored.entries.map((e) => e.seq)).toEqual(stored.entries.map((_e, i) => i + 1));
      expect(scriptedMoves(stored.entries)).toEqual(t.accepted);
    }
    const exported = await fetch(`${front.server.url}/api/sessions/${session.sessionId}/export/records.json`, { headers: { authorization: `Bearer ${session.secret}` } });
    expect(exported.status).toBe(200);
    const records = SessionRecords.parse(await exported.json());
    expect(Object.fromEntries(records.tables.map((r) => [r.gameId, scriptedMoves(r.record.entries)]))).toEqual(Object.fromEntries(tables.map((t) => [t.gameId, t.accepted])));

    // Restored once: a process started now finds every room held by a live process and opens none of them
    // (had it opened one, the room's listing would name it, and the claim would have moved).
    const owners = await claims(place);
    const frontOwner = owners.get(session.sessionId);
    expect(frontOwner).toBeDefined();
    expect([...owners.keys()].sort()).toEqual([session.sessionId, ...tables.map((t) => t.gameId)].sort());
    expect(new Set(owners.values())).toEqual(new Set([frontOwner]));
    const late = await startNode(place, REDIS_URL);
    nodes.push(late);
    for (const roomId of [session.sessionId, ...tables.map((t) => t.gameId)]) expect(await whereIs(roomId)).toBe(front.address);
    expect(await claims(place)).toEqual(owners);
  });
});
