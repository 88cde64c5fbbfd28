import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@colyseus/sdk';
import { MAX_MESSAGE_BYTES, Refusal } from '../../shared/protocol.ts';
import { SessionView } from '../../shared/session.ts';
import type { SessionControl } from '../../shared/session.ts';
import { DEFAULT_MESSAGE_RATE, HARD_MESSAGES_PER_SECOND } from '../../server/rooms/limits.ts';
import { LONG_TIMERS, Player, storedRecord, tempDataDir } from './harness.ts';
import { control, createSession, enrol, joinByCode, openSessionRoom, sit, startClassServer, steer } from './session-harness.ts';
import type { ClassServer, Inbox, MadeSession, Student } from './session-harness.ts';

let server: ClassServer;
let data: Awaited<ReturnType<typeof tempDataDir>>;

beforeAll(async () => {
  data = await tempDataDir();
  // The classroom's own message rate: flooding must meet it.
  server = await startClassServer(data.dir, { messageRate: DEFAULT_MESSAGE_RATE });
});

afterAll(async () => {
  await server?.close();
  await data?.remove();
});

type Table = { session: MadeSession; instructor: Inbox; a: Student; b: Student; pa: Player; pb: Player; seatA: string; seatB: string; gameId: string };

async function runningTable(names: [string, string] = ['Ana', 'Luis']): Promise<Table> {
  const session = await createSession(server, { timers: LONG_TIMERS, bots: null });
  const instructor = await openSessionRoom(server, session.sessionId, { secret: session.secret });
  const a = await enrol(server, session.code, names[0]);
  const b = await enrol(server, session.code, names[1]);
  await steer(server, session, { type: 'start' });
  const sa = await sit(server, a);
  const sb = await sit(server, b);
  await Promise.all([sa.player.view((_s, v) => Object.keys(v.occupants).length === 2), sb.player.view((_s, v) => Object.keys(v.occupants).length === 2)]);
  return {
    session,
    instructor,
    a,
    b,
    pa: sa.player,
    pb: sb.player,
    seatA: sa.status.seat?.seat ?? '',
    seatB: sb.status.seat?.seat ?? '',
    gameId: sa.status.seat?.gameId ?? '',
  };
}

async function refusedOn(inbox: Inbox, from: number): Promise<Refusal> {
  return Refusal.parse((await inbox.wait((m) => m.type === 'refused', from)).payload);
}

describe('a student acts only for their own seat', () => {
  it('moves always act for the sender’s seat, whatever they claim; another seat cannot be joined', async () => {
    const t = await runningTable();
    // A move that names the other seat still acts for the sender's.
    t.pa.sendRaw('move', { type: 'ready', version: t.pa.version, seat: t.seatB, from: t.seatB });
    const after = await t.pb.view((s) => s.seats[t.seatA]?.ready === true);
    expect(after.state.seats[t.seatB]?.ready).toBe(false);
    const record = await storedRecord(server, t.gameId);
    expect(record.entries).toMatchObject([{ kind: 'move', seat: t.seatA, move: { type: 'ready' } }]);

    const a = (await t.a.lobby.status()).seat;
    if (a === null) throw new Error('not seated');
    await expect(new Client(server.url).joinById(t.gameId, { name: 'Ana', seat: t.seatB })).rejects.toThrow(/class session/);
    await expect(new Client(server.url).joinById(t.gameId, { name: 'Ana', seat: t.seatB, seatToken: a.seatToken })).rejects.toThrow(/class session/);
    await expect(new Client(server.url).joinById(t.gameId, { name: 'Ana', seatToken: 'made-up-token' })).resolves.toBeDefined();
    await expect(openSessionRoom(server, t.session.sessionId, { studentToken: 'made-up-token' })).rejects.toThrow(/not of this session/);
    await expect(openSessionRoom(server, t.session.sessionId, { secret: 'not-the-secret' })).rejects.toThrow(/instructor secret/);
    await expect(new Client(server.url).joinById(t.gameId, { name: 'Eve', secret: 'not-the-secret' })).rejects.toThrow(/cannot watch/);
  });
});

describe('instructor controls need the session secret', () => {
  const controls: SessionControl[] = [
    { type: 'start' },
    { type: 'pause' },
    { type: 'resume', table: '1' },
    { type: 'extend', seconds: 60 },
    { type: 'advance', table: '1' },
    { type: 'inject', eventId: 'campaign-season' },
    { type: 'announce', text: 'free pizza' },
    { type: 'move-student', studentId: 'x', table: '1' },
    { type: 'seat-bot', table: '1', seat: 'us', policy: 'coercive' },
    { type: 'end' },
  ];

  it('every control without the secret, or with a wrong one, is 403 and changes nothing', async () => {
    const t = await runningTable();
    const look = async () => SessionView.parse(await (await fetch(`${server.url}/api/sessions/${t.session.sessionId}`, { headers: { authorization: `Bearer ${t.session.secret}` } })).json());
    const before = await look();
    const entries = (await storedRecord(server, t.gameId)).entries.length;
    for (const body of controls) {
      for (const secret of [null, 'wrong', `${t.session.secret}x`, t.session.secret.slice(0, -1)]) {
        const res = await control(server, t.session.sessionId, secret, body);
        expect(res.status).toBe(403);
        expect(await res.json()).toMatchObject({ code: 'session/forbidden' });
      }
      // Another session's secret opens nothing here either.
      const other = await createSession(server);
      expect((await control(server, t.session.sessionId, other.secret, body)).status).toBe(403);
    }
    expect((await fetch(`${server.url}/api/sessions/${t.session.sessionId}`)).status).toBe(403);
    expect((await control(server, 'no-such-session', t.session.secret, { type: 'pause' })).status).toBe(403);
    const after = await look();
    expect(after.tables.map(({ deadline: _d, ...rest }) => rest)).toEqual(before.tables.map(({ deadline: _d, ...rest }) => rest));
    expect(after.roster).toEqual(before.roster);
    expect((await storedRecord(server, t.gameId)).entries.length).toBe(entries);
    expect(t.pa.since(0, 'announcement')).toEqual([]);
  });

  it('a malformed control with the secret is a typed 400; an unknown table a 404; nothing changes', async () => {
    const t = await runningTable();
    for (const body of [{ type: 'explode' }, { type: 'extend', seconds: 1e9 }, { type: 'announce', text: 'x'.repeat(501) }, 'pause', null]) {
      const res = await control(server, t.session.sessionId, t.session.secret, body);
      expect(res.status).toBe(400);
      const error = await res.json();
      expect(['body/invalid', 'body/malformed']).toContain(error.code);
      expect(typeof error.message).toBe('string');
      expect(JSON.stringify(error)).not.toMatch(/\bat .*\.(ts|js):\d+/);
    }
    const res = await control(server, t.session.sessionId, t.session.secret, { type: 'pause', table: '99' });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: 'table/unknown' });
    expect((await storedRecord(server, t.gameId)).entries).toEqual([]);
  });
});

describe('bad input is refused, typed, and changes nothing', () => {
  it('malformed and oversized messages on the session room and the game room get a typed refusal; the connection stays', async () => {
    const t = await runningTable();
    const cases: [string, unknown, string][] = [
      ['choose', { table: 7 }, 'move/malformed'],
      ['choose', 'nonsense', 'move/malformed'],
      ['steal', { seat: 'us' }, 'move/malformed'],
      ['choose', { table: '1', seat: 'x'.repeat(MAX_MESSAGE_BYTES + 10) }, 'message/too-large'],
    ];
    for (const [type, payload, code] of cases) {
      const mark = t.a.lobby.mark();
      t.a.lobby.send(type, payload);
      expect((await refusedOn(t.a.lobby, mark)).code).toBe(code);
    }
    expect(t.a.lobby.room.connection.isOpen).toBe(true);
    // Choosing is not for a class whose seats are assigned.
    const mark = t.a.lobby.mark();
    t.a.lobby.send('choose', { table: '1', seat: t.seatB });
    expect((await refusedOn(t.a.lobby, mark)).code).toBe('target/invalid');

    const gameCases: [string, unknown, string][] = [
      ['move', { type: 'decide', version: 0, levels: 'all of them' }, 'move/malformed'],
      ['move', { type: 'chat', version: 0, to: t.seatB, text: 'x'.repeat(MAX_MESSAGE_BYTES) }, 'message/too-large'],
      ['seat', { seat: t.seatB }, 'move/malformed'],
    ];
    for (const [type, payload, code] of gameCases) {
      const from = t.pa.mark();
      t.pa.sendRaw(type, payload);
      expect((await t.pa.refused(from)).code).toBe(code);
    }
    expect(t.pa.connected).toBe(true);
    expect((await storedRecord(server, t.gameId)).entries).toEqual([]);
    expect((await t.instructor.session()).roster.map((r) => r.seat).sort()).toEqual([t.seatA, t.seatB].sort());
  });

  it('a flood on the session room is rate-limited, not a crash: refusals past the burst, the connection kept', async () => {
    const t = await runningTable();
    const mark = t.a.lobby.mark();
    const flood = DEFAULT_MESSAGE_RATE.burst * 2;
    for (let i = 0; i < flood; i++) t.a.lobby.send('choose', { table: '1', seat: t.seatA });
    await t.a.lobby.wait((m) => m.type === 'refused' && Refusal.parse(m.payload).code === 'rate/limited', mark);
    const refusals = () => t.a.lobby.received.slice(mark).filter((m) => m.type === 'refused').length;
    // Every message is answered: the ones within the burst (refused for their content), the rest for the rate.
    await new Promise<void>((resolve) => {
      if (refusals() >= flood) return resolve();
      t.a.lobby.room.onMessage('*', () => refusals() >= flood && resolve());
    });
    expect(t.a.lobby.room.connection.isOpen).toBe(true);
    const res = await fetch(`${server.url}/api/health`);
    expect(res.status).toBe(200);
  });

  it('a flood past the hard limit cuts off that one connection; the table, its other player and the server carry on', async () => {
    const t = await runningTable();
    const cut = new Promise<number>((resolve) => t.pa.room.onLeave((code) => resolve(code)));
    for (let i = 0; i < HARD_MESSAGES_PER_SECOND * 3; i++) t.pa.sendRaw('move', { type: 'chat', version: 0, to: t.seatB, text: `spam ${i}` });
    expect(await cut).toBe(4002);
    t.pb.move({ type: 'chat', version: t.pb.version, to: t.seatA, text: 'still here' });
    await t.pb.view((s) => s.chat.some((c) => c.text === 'still here'));
    // The flooder comes back with its seat token, as after any dropped connection.
    const seat = (await t.a.lobby.status()).seat;
    if (seat === null) throw new Error('not seated');
    const back = new Player(await new Client(server.url).joinById(seat.gameId, { name: t.a.name, seatToken: seat.seatToken }));
    expect((await back.welcome()).seat).toBe(t.seatA);
    await back.room.leave();
  });
});

describe('script in names and chat is kept as text', () => {
  it('is stored verbatim and served only as JSON, never as HTML', async () => {
    const name = '<img src=x onerror=alert(1)>';
    const chat = '<script>alert("hi")</script>';
    const t = await runningTable([name, 'Luis']);
    expect((await t.a.lobby.status()).name).toBe(name);
    t.pa.move({ type: 'chat', version: t.pa.version, to: t.seatB, text: chat });
    const seen = await t.pb.view((s) => s.chat.length === 1);
    expect(seen.state.chat[0]?.text).toBe(chat);
    expect(seen.occupants[t.seatA]?.name).toBe(name);

    const res = await fetch(`${server.url}/api/sessions/${t.session.sessionId}`, { headers: { authorization: `Bearer ${t.session.secret}` } });
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(SessionView.parse(await res.json()).roster.map((r) => r.name)).toContain(name);
    expect((await t.instructor.session()).roster.map((r) => r.name)).toContain(name);
    const record = await storedRecord(server, t.gameId);
    expect(record.entries).toMatchObject([{ kind: 'move', move: { type: 'chat', text: chat } }]);

    // Names are unique in a class, case-insensitively, and length-limited.
    expect((await joinByCode(server, t.session.code, name.toUpperCase())).status).toBe(409);
    expect((await joinByCode(server, t.session.code, 'x'.repeat(41))).status).toBe(400);
    const blank = await joinByCode(server, t.session.code, '   ');
    expect(blank.status).toBe(400);
    expect(await blank.json()).toMatchObject({ code: 'body/invalid' });
  });
});

describe('join codes cannot be enumerated', () => {
  it('an address guessing codes is refused with 429 once past its misses, even for a right code', async () => {
    const dir = await tempDataDir();
    const strict = await startClassServer(dir.dir, { joinLimits: { misses: { attempts: 5, windowMs: 60_000 } } });
    try {
      const session = await createSession(strict);
      const wrong = session.code === 'AAAAAA' ? 'CCCCCC' : 'AAAAAA';
      for (let i = 0; i < 5; i++) {
        const res = await joinByCode(strict, wrong, `Guess ${i}`);
        expect(res.status).toBe(404);
        expect(await res.json()).toMatchObject({ code: 'session/unknown' });
      }
      const limited = await joinByCode(strict, wrong, 'Guess 6');
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(await limited.json()).toMatchObject({ code: 'rate/limited' });
      expect((await joinByCode(strict, session.code, 'Real student')).status).toBe(429);
    } finally {
      await strict.close();
      await dir.remove();
    }
  });
});
