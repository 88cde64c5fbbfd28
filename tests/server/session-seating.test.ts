import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Refusal } from '../../shared/protocol.ts';
import { StudentStatus } from '../../shared/session.ts';
import { LONG_TIMERS, playTo, storedRecord, tempDataDir } from './harness.ts';
import type { Player } from './harness.ts';
import { createSession, enrol, openSessionRoom, sit, startClassServer, steer } from './session-harness.ts';
import type { ClassServer } from './session-harness.ts';

let server: ClassServer;
let data: Awaited<ReturnType<typeof tempDataDir>>;

beforeAll(async () => {
  data = await tempDataDir();
  server = await startClassServer(data.dir);
});

afterAll(async () => {
  await server?.close();
  await data?.remove();
});

describe('a team shares a seat', () => {
  it('any member acts, all see the seat, the first sealed decision locks it', async () => {
    const session = await createSession(server, { studentsPerTable: 3, timers: LONG_TIMERS, bots: null });
    const students = [await enrol(server, session.code, 'Ana'), await enrol(server, session.code, 'Bea'), await enrol(server, session.code, 'Luis')];
    await steer(server, session, { type: 'start' });
    const seated = await Promise.all(students.map((s) => sit(server, s)));
    const bySeat = new Map<string, typeof seated>();
    for (const s of seated) bySeat.set(s.status.seat?.seat ?? '', [...(bySeat.get(s.status.seat?.seat ?? '') ?? []), s]);
    const [teamSeat, team] = [...bySeat].find(([, members]) => members.length === 2) ?? [];
    const [soloSeat, solo] = [...bySeat].find(([, members]) => members.length === 1) ?? [];
    if (teamSeat === undefined || team === undefined || soloSeat === undefined || solo?.[0] === undefined) throw new Error('no team seat');
    const [first, second] = team.map((m) => m.player);
    const other = solo[0].player;
    if (first === undefined || second === undefined) throw new Error('no team');

    const shared = await other.view((_s, v) => v.occupants[teamSeat]?.connected === true && (v.occupants[teamSeat]?.name.split(', ').length ?? 0) === 2);
    expect(shared.occupants[teamSeat]?.name.split(', ').sort()).toEqual(team.map((m) => m.status.name).sort());

    await playTo([first, other], 'decision');
    await second.view((s) => s.phase === 'decision');
    // Either member may act for the seat; the first sealed decision is the seat's.
    first.move({ type: 'decide', version: first.version, levels: {} });
    const sealed = await second.view((s) => s.seats[teamSeat]?.submitted === true);
    expect(sealed.seat).toBe(teamSeat);
    expect(sealed.state.seats[teamSeat]?.decision).not.toBeNull();
    const mark = second.mark();
    second.move({ type: 'decide', version: second.version, levels: {} });
    expect((await second.refused(mark)).code).toBe('decision/locked');
    const record = await storedRecord(server, sealed.gameId);
    expect(record.entries.filter((e) => e.kind === 'move' && e.move.type === 'decide').map((e) => e.kind === 'move' && e.seat)).toEqual([teamSeat]);
  });
});

/** The first message of a type this player received, or the next one to come. */
async function waitFor(player: Player, type: string): Promise<{ type: string; payload: unknown }> {
  const found = player.received.find((m) => m.type === type);
  if (found !== undefined) return found;
  return new Promise((resolve) => {
    player.room.onMessage('*', (t: string | number, payload: unknown) => t === type && resolve({ type, payload }));
  });
}

describe('assignment modes', () => {
  it("'instructor': students wait unseated until moved; a move to another table takes the seat along and a bot fills the gap", async () => {
    const session = await createSession(server, { tables: 2, assignment: 'instructor', timers: LONG_TIMERS, bots: 'restraint' });
    const ana = await enrol(server, session.code, 'Ana');
    const luis = await enrol(server, session.code, 'Luis');
    await steer(server, session, { type: 'start' });
    expect((await ana.lobby.status((s) => s.phase === 'running')).seat).toBeNull();
    await steer(server, session, { type: 'move-student', studentId: ana.joined.studentId, table: '1', seat: 'us' });
    await steer(server, session, { type: 'move-student', studentId: luis.joined.studentId, table: '1' });
    const a = await sit(server, ana);
    const l = await sit(server, luis);
    expect(a.status.seat?.seat).toBe('us');
    expect(l.status.seat).toMatchObject({ gameId: a.status.seat?.gameId, seat: 'mx' });
    await a.player.view((_s, v) => v.occupants.mx?.name === 'Luis' && v.occupants.us?.name === 'Ana');

    const left = new Promise<number>((resolve) => l.player.room.onLeave((code) => resolve(code)));
    await steer(server, session, { type: 'move-student', studentId: luis.joined.studentId, table: '2', seat: 'us' });
    expect(await left).toBe(4000);
    const moved = await luis.lobby.status((s) => s.seat?.gameId !== a.status.seat?.gameId);
    expect(moved.seat?.seat).toBe('us');
    // Luis's old seat is played by the class's bot now; his new table's empty seat too.
    await a.player.view((_s, v) => v.occupants.mx?.name === 'bot:restraint');
    const l2 = await sit(server, luis);
    await l2.player.view((_s, v) => v.occupants.us?.name === 'Luis' && v.occupants.mx?.name === 'bot:restraint');
  });

  it("'choose': students pick in the lobby from the offered tables; the rest are placed at start", async () => {
    const session = await createSession(server, { assignment: 'choose', timers: LONG_TIMERS, bots: null });
    const ana = await enrol(server, session.code, 'Ana');
    const luis = await enrol(server, session.code, 'Luis');
    const offered = await ana.lobby.status((s) => (s.choices?.length ?? 0) > 0);
    expect(offered.choices?.[0]?.seats.map((s) => s.seat)).toEqual(['us', 'mx']);
    ana.lobby.send('choose', { table: '1', seat: 'mx' });
    await luis.lobby.status((s) => s.choices?.[0]?.seats.find((seat) => seat.seat === 'mx')?.students === 1);
    const mark = ana.lobby.mark();
    ana.lobby.send('choose', { table: '1', seat: 'nowhere' });
    expect(Refusal.parse((await ana.lobby.wait((m) => m.type === 'refused', mark)).payload).code).toBe('seat/unknown');
    await steer(server, session, { type: 'start' });
    expect((await sit(server, ana)).status.seat?.seat).toBe('mx');
    expect((await sit(server, luis)).status.seat?.seat).toBe('us');
  });
});

describe('bots and the instructor’s hand on a table', () => {
  it('a bot fills an empty seat and plays it; swapped onto a student’s seat it takes over, and hands it back; a late student takes a bot’s seat', async () => {
    const session = await createSession(server, { tables: 1, timers: LONG_TIMERS, bots: 'dealmaker' });
    const instructor = await openSessionRoom(server, session.sessionId, { secret: session.secret });
    const ana = await enrol(server, session.code, 'Ana');
    // Before the start the instructor sees what it would do: one table, one seat for the class's bot.
    const planned = await instructor.session((v) => v.roster.length === 1);
    expect(planned.startPlan).toEqual({ tables: 1, emptySeats: 1, bots: 'dealmaker' });
    await steer(server, session, { type: 'start' });
    expect((await instructor.session((v) => v.phase === 'running')).startPlan).toBeNull();
    const { player: a, status } = await sit(server, ana);
    const mine = status.seat?.seat ?? '';
    const botSeat = mine === 'us' ? 'mx' : 'us';
    await a.view((_s, v) => v.occupants[botSeat]?.name === 'bot:dealmaker');
    // In the briefing the bot reads as long as the student does: it says ready only once she has, and the table moves on.
    const briefing = await a.view((s, v) => s.phase === 'briefing' && v.lobby === null);
    expect(briefing.state.seats[botSeat]?.ready).toBe(false);
    a.move({ type: 'ready', version: a.version });
    await a.view((s) => s.phase === 'negotiation');
    const readied = (await storedRecord(server, status.seat?.gameId ?? '')).entries.map((e) => (e.kind === 'move' ? `${e.seat}:${e.move.type}` : e.kind));
    expect(readied).toEqual([`${mine}:ready`, `${botSeat}:ready`, 'advance']);

    await steer(server, session, { type: 'seat-bot', table: '1', seat: mine, policy: 'restraint' });
    await a.view((_s, v) => v.occupants[mine]?.name === 'bot:restraint');
    const mark = a.mark();
    a.move({ type: 'chat', version: a.version, to: botSeat, text: 'hello?' });
    expect((await a.refused(mark)).code).toBe('seat/not-yours');
    // Two bots play the table on: it moves through the phases by itself.
    await a.view((s) => s.phase === 'decision' || s.round > 1);

    await steer(server, session, { type: 'seat-bot', table: '1', seat: mine, policy: null });
    await a.view((_s, v) => v.occupants[mine]?.name === 'Ana');
    const back = a.mark();
    a.move({ type: 'chat', version: a.version, to: botSeat, text: 'back at the table' });
    await a.view((s) => s.chat.some((c) => c.text === 'back at the table'));
    expect(a.since(back, 'refused')).toEqual([]);

    // A late student takes the seat a bot keeps warm.
    const luis = await enrol(server, session.code, 'Luis');
    const late = await sit(server, luis);
    expect(late.status.seat?.seat).toBe(botSeat);
    await a.view((_s, v) => v.occupants[botSeat]?.name === 'Luis');
    const summary = await instructor.session((v) => v.tables[0]?.seats[botSeat]?.bot === null);
    expect(summary.tables[0]?.seats[botSeat]?.students).toEqual([luis.joined.studentId]);
    const record = await storedRecord(server, status.seat?.gameId ?? '');
    expect(record.entries.some((e) => e.kind === 'move' && e.seat === botSeat)).toBe(true);
  });

  it('extend, advance, announce and end: each reaches its tables and the record', async () => {
    // No bots: each table's clock starts only once its two seats are filled.
    const session = await createSession(server, { tables: 2, timers: LONG_TIMERS, bots: null });
    const ana = await enrol(server, session.code, 'Ana');
    const luis = await enrol(server, session.code, 'Luis');
    const bea = await enrol(server, session.code, 'Bea');
    const tom = await enrol(server, session.code, 'Tom');
    await steer(server, session, { type: 'start' });
    const [a, l, b, t] = await Promise.all([ana, luis, bea, tom].map((s) => sit(server, s)));
    if (a === undefined || l === undefined || b === undefined || t === undefined) throw new Error('not seated');
    expect(a.status.seat?.gameId).not.toBe(l.status.seat?.gameId);
    expect(new Set([a, l, b, t].map((s) => s.status.seat?.gameId)).size).toBe(2);
    const before = await a.player.view((_s, v) => v.deadline !== null);

    await steer(server, session, { type: 'extend', table: '1', seconds: 120 });
    const extended = await a.player.view((_s, v) => v.deadline !== before.deadline);
    expect((extended.deadline ?? 0) - (before.deadline ?? 0)).toBe(120_000);

    await steer(server, session, { type: 'advance', table: '1' });
    await a.player.view((s) => s.phase === 'negotiation');
    expect(l.player.latest().state.phase).toBe('briefing');

    await steer(server, session, { type: 'announce', text: 'Five minutes left <b>now</b>' });
    expect((await ana.lobby.status((s) => s.announcement !== null)).announcement).toBe('Five minutes left <b>now</b>');
    const announced = await waitFor(l.player, 'announcement');
    expect(announced.payload).toMatchObject({ text: 'Five minutes left <b>now</b>' });

    await steer(server, session, { type: 'end' });
    await a.player.view((s) => s.phase === 'ended');
    await l.player.view((s) => s.phase === 'ended');
    expect(StudentStatus.parse(await luis.lobby.status((s) => s.phase === 'ended')).phase).toBe('ended');
    const record = await storedRecord(server, a.status.seat?.gameId ?? '');
    expect(record.entries.map((e) => (e.kind === 'advance' ? `advance:${e.reason}` : e.kind))).toEqual(['advance:instructor', 'end']);
    // An ended session takes no more students, and no more controls.
    expect((await (await fetch(`${server.url}/api/sessions/join`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: session.code, name: 'Late' }) })).json()).code).toBe('session/unknown');
  });
});
