import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@colyseus/sdk';
import { LONG_TIMERS, Player, playTo, tempDataDir } from './harness.ts';
import { createSession, enrol, openSessionRoom, sit, startClassServer, steer } from './session-harness.ts';
import type { ClassServer } from './session-harness.ts';

let server: ClassServer | undefined;
let data: Awaited<ReturnType<typeof tempDataDir>>;

beforeAll(async () => {
  data = await tempDataDir();
});

afterAll(async () => {
  await server?.close();
  await data?.remove();
});

describe('a restart loses no class', () => {
  it('restores the session, its roster, the held clock and the announcement; students come back to their seats by token', async () => {
    server = await startClassServer(data.dir);
    const session = await createSession(server, { tables: 1, timers: LONG_TIMERS, bots: null });
    const ana = await enrol(server, session.code, 'Ana');
    const luis = await enrol(server, session.code, 'Luis');
    await steer(server, session, { type: 'start' });
    const a = await sit(server, ana);
    const l = await sit(server, luis);
    const seat = a.status.seat;
    if (seat === null) throw new Error('not seated');
    const other = seat.seat === 'us' ? 'mx' : 'us';
    await playTo([a.player, l.player], 'negotiation');
    a.player.move({ type: 'chat', version: a.player.version, to: other, text: 'before the restart' });
    const running = await a.player.view((s) => s.chat.length === 1);
    await steer(server, session, { type: 'pause' });
    const heldAt = Date.now();
    const held = await a.player.view((_s, v) => v.deadline === null);
    const remaining = (running.deadline ?? 0) - heldAt;
    await steer(server, session, { type: 'announce', text: 'Back in five' });
    await ana.lobby.status((s) => s.announcement === 'Back in five');

    const closed = Promise.all([a.player, l.player].map((p) => new Promise<void>((done) => p.room.onLeave(() => done()))));
    await server.close();
    await closed;

    server = await startClassServer(data.dir);
    const instructor = await openSessionRoom(server, session.sessionId, { secret: session.secret });
    const restored = await instructor.session((v) => v.tables[0]?.paused === true);
    expect(restored).toMatchObject({ phase: 'running', code: session.code, tables: [{ table: '1', gameId: seat.gameId, deadline: null, phase: 'negotiation' }] });
    expect(restored.roster.map((r) => [r.name, r.seat, r.connected])).toEqual([
      ['Ana', seat.seat, false],
      ['Luis', other, false],
    ]);

    const lobby = await openSessionRoom(server, ana.joined.sessionId, { studentToken: ana.joined.studentToken });
    const status = await lobby.status();
    expect(status).toMatchObject({ phase: 'running', seat, announcement: 'Back in five' });
    const room = await new Client(server.url).joinById(seat.gameId, { name: 'Ana', seatToken: seat.seatToken });
    room.reconnection.enabled = false;
    const back = new Player(room);
    expect((await back.welcome()).seat).toBe(seat.seat);
    const view = await back.view();
    expect(view.deadline).toBeNull();
    expect(view.state).toEqual(held.state);

    const resumedAt = Date.now();
    await steer(server, session, { type: 'resume' });
    const resumed = await back.view((_s, v) => v.deadline !== null);
    // The clock runs on from where it was held: the downtime did not count.
    expect((resumed.deadline ?? 0) - resumedAt).toBeGreaterThan(remaining - 2000);
    expect((resumed.deadline ?? 0) - resumedAt).toBeLessThanOrEqual(remaining + 2000);

    // The class still takes late students.
    const late = await enrol(server, session.code, 'Late');
    expect((await late.lobby.status((s) => s.seat !== null)).seat?.gameId).toBe(seat.gameId);
  });

  it('shows a table that ended before the restart where it ended, not as a fresh table', async () => {
    await server?.close();
    server = await startClassServer(data.dir);
    const session = await createSession(server, { tables: 1, timers: LONG_TIMERS, bots: 'dealmaker' });
    const instructor = await openSessionRoom(server, session.sessionId, { secret: session.secret });
    await steer(server, session, { type: 'start' });
    // Bots play on their own; the instructor ends the table once it has a round behind it.
    await instructor.session((v) => (v.tables[0]?.round ?? 0) >= 2 && (v.tables[0]?.latest.length ?? 0) > 0);
    await steer(server, session, { type: 'end', table: '1' });
    const ended = (await instructor.session((v) => v.tables[0]?.phase === 'ended' && (v.tables[0]?.latest ?? []).every((d) => d.label !== null))).tables[0];
    await instructor.room.leave();
    await server.close();

    server = await startClassServer(data.dir);
    const after = await openSessionRoom(server, session.sessionId, { secret: session.secret });
    const restored = (await after.session()).tables[0];
    const standing = (t: typeof ended) => ({ round: t?.round, phase: t?.phase, indicators: t?.indicators, scores: t?.scores, latest: t?.latest, lastActive: t?.lastActive });
    expect(standing(restored)).toEqual(standing(ended));
    expect(restored?.round).toBeGreaterThanOrEqual(2);
    await after.room.leave();
  });
});
