import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchMaker } from '@colyseus/core';
import { Client } from '@colyseus/sdk';
import { LONG_TIMERS, Player, playTo, tempDataDir } from './harness.ts';
import { createSession, enrol, openSessionRoom, sit, startClassServer, steer } from './session-harness.ts';
import type { ClassServer, Inbox, MadeSession, Student } from './session-harness.ts';

let server: ClassServer;
let data: Awaited<ReturnType<typeof tempDataDir>>;

/** A dropped connection may resume within this window; past it, only the tokens bring a student back. */
const WINDOW_SECONDS = 1;

beforeAll(async () => {
  data = await tempDataDir();
  server = await startClassServer(data.dir, { reconnectSeconds: WINDOW_SECONDS });
});

afterAll(async () => {
  await server?.close();
  await data?.remove();
});

type Pair = { session: MadeSession; instructor: Inbox; ana: Student; luis: Student; us: Player; mx: Player };

/** Two students at one table, each in a seat, in the decision phase with Ana's decision sealed. */
async function tableInDecision(): Promise<Pair> {
  const session = await createSession(server, { timers: LONG_TIMERS, bots: null });
  const instructor = await openSessionRoom(server, session.sessionId, { secret: session.secret });
  const ana = await enrol(server, session.code, 'Ana');
  const luis = await enrol(server, session.code, 'Luis');
  await steer(server, session, { type: 'start' });
  const a = await sit(server, ana);
  const l = await sit(server, luis);
  const [us, mx] = a.status.seat?.seat === 'us' ? [a.player, l.player] : [l.player, a.player];
  if (us === undefined || mx === undefined) throw new Error('no seats');
  await Promise.all([us.view((_s, v) => Object.keys(v.occupants).length === 2), mx.view((_s, v) => Object.keys(v.occupants).length === 2)]);
  await playTo([us, mx], 'decision');
  us.move({ type: 'decide', version: us.version, levels: { us_aid: 150 } });
  await us.view((s) => s.seats.us?.submitted === true);
  // Ana plays us in what follows.
  return a.status.seat?.seat === 'us' ? { session, instructor, ana, luis, us, mx } : { session, instructor, ana: luis, luis: ana, us, mx };
}

describe('a student comes back to the same seat', () => {
  it('after a dropped socket: the SDK resumes the session and the seat, private decision included', async () => {
    const { ana, us, mx, instructor } = await tableInDecision();
    const gameId = (await ana.lobby.status()).seat?.gameId ?? '';
    us.room.reconnection.enabled = true;
    us.room.reconnection.minUptime = 0;
    ana.lobby.room.reconnection.enabled = true;
    ana.lobby.room.reconnection.minUptime = 0;
    const before = us.latest();
    const mark = us.mark();
    const lobbyMark = ana.lobby.mark();

    // Wi-Fi dies: both of Ana's sockets are cut from the server's side.
    for (const [roomId, sessionId] of [
      [gameId, us.room.sessionId],
      [ana.joined.sessionId, ana.lobby.room.sessionId],
    ] as const) {
      const socket = matchMaker.getLocalRoomById(roomId)?.clients.get(sessionId)?.ref as { terminate?: () => void } | undefined;
      if (typeof socket?.terminate !== 'function') throw new Error('no server-side socket');
      socket.terminate();
    }
    await mx.view((_s, v) => v.occupants.us?.connected === false);
    await mx.view((_s, v) => v.occupants.us?.connected === true);
    expect((await us.welcome(mark)).seat).toBe('us');
    const back = await us.view((_s, v) => v.seat === 'us' && us.since(mark, 'view').length > 0);
    expect(back.state.seats.us?.decision).toMatchObject({ us_aid: 150 });
    expect(back.state.seats.us?.hidden).toEqual(before.state.seats.us?.hidden);
    expect(Object.keys(back.state.seats.us?.hidden ?? {}).length).toBeGreaterThan(0);
    const status = await ana.lobby.wait((m) => m.type === 'status', lobbyMark);
    expect(status.payload).toMatchObject({ seat: { gameId, seat: 'us' } });
    await instructor.session((v) => v.roster.every((r) => r.connected));
  });

  it('after an absence longer than the reconnection window: the tokens kept by the browser bring back the seat and everything private', async () => {
    const { ana, us, mx, instructor } = await tableInDecision();
    const before = us.latest();
    const status = await ana.lobby.status();
    const seat = status.seat;
    if (seat === null) throw new Error('not seated');

    // The laptop sleeps: the sockets close without a goodbye, and nobody reconnects in time.
    const gone = (sessionId: string) => server.logs.waitFor((line) => line.msg === 'connection gone' && line.sessionId === sessionId);
    const goneFromTable = gone(us.room.sessionId);
    const goneFromLobby = gone(ana.lobby.room.sessionId);
    us.room.connection.close(4999, 'lid closed');
    ana.lobby.room.connection.close(4999, 'lid closed');
    await mx.view((_s, v) => v.occupants.us?.connected === false);
    await Promise.all([goneFromTable, goneFromLobby]);
    const away = await instructor.session((v) => v.roster.some((r) => r.name === ana.name && !r.connected));
    expect(away.roster.find((r) => r.name === ana.name)).toMatchObject({ table: '1', seat: 'us' });

    // The laptop wakes, long after: the student token reopens the lobby, the seat token the table.
    const lobby = await openSessionRoom(server, ana.joined.sessionId, { studentToken: ana.joined.studentToken });
    const again = await lobby.status();
    expect(again.seat).toEqual(seat);
    const room = await new Client(server.url).joinById(seat.gameId, { name: ana.name, seatToken: seat.seatToken });
    room.reconnection.enabled = false;
    const back = new Player(room);
    expect(await back.welcome()).toMatchObject({ gameId: seat.gameId, seat: 'us' });
    const view = await back.view();
    expect(view.state.seats.us?.decision).toMatchObject({ us_aid: 150 });
    expect(view.state.seats.us?.hidden).toEqual(before.state.seats.us?.hidden);
    expect(view.state.version).toBe(before.state.version);
    await mx.view((_s, v) => v.occupants.us?.connected === true);
    await instructor.session((v) => v.roster.every((r) => r.connected));

    // And plays on from there.
    mx.move({ type: 'decide', version: mx.version, levels: {} });
    await back.view((s) => s.phase === 'resolution');
  });
});
