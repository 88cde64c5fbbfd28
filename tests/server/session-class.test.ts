import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@colyseus/sdk';
import type { BotPolicyId } from '../../shared/bots/policy.ts';
import { replay } from '../../shared/rules/index.ts';
import type { Scenario } from '../../shared/scenario/schema.ts';
import { PlayerView } from '../../shared/protocol.ts';
import { InstructorView } from '../../shared/session.ts';
import type { SessionView } from '../../shared/session.ts';
import { fetchRecord, Player, storedRecord, tempDataDir } from './harness.ts';
import { control, createSession, drive, enrol, metronome, loadScenario, openSessionRoom, sampleMemory, sit, startClassServer, steer } from './session-harness.ts';
import type { ClassServer, Inbox, Student } from './session-harness.ts';

let server: ClassServer;
let data: Awaited<ReturnType<typeof tempDataDir>>;
let scenario: Scenario;

const CLASS_SIZE = 30;
const PER_TABLE = 3;
/** Short phases: a table whose players dawdle still moves on, and a whole class plays out in well under a minute. */
const TIMERS = { briefing: 2, negotiation: 4, decision: 3, resolution: 1, debrief: 1 };
const INJECTED = 'campaign-season';

/** One or two temperaments per table, different from table to table. */
const PAIRS: [BotPolicyId, BotPolicyId][] = [
  ['dealmaker', 'defensive'],
  ['coercive', 'restraint'],
  ['extractive', 'dealmaker'],
  ['punitive', 'defensive'],
  ['dealmaker', 'dealmaker'],
];

beforeAll(async () => {
  data = await tempDataDir();
  server = await startClassServer(data.dir, { joinLimits: { misses: { attempts: 100, windowMs: 60_000 } } });
  scenario = await loadScenario();
});

afterAll(async () => {
  await server?.close();
  await data?.remove();
});

describe('a class of 30 plays in parallel tables', () => {
  it('joins by code, is balanced over tables, plays every table to the end while the instructor pauses, injects and ends', { timeout: 180_000 }, async () => {
    const started = performance.now();
    const baseline = process.memoryUsage().rss;
    const memory = sampleMemory();
    const session = await createSession(server, { studentsPerTable: PER_TABLE, timers: TIMERS, bots: 'dealmaker', cards: 'immediate' });
    expect(session.code).toMatch(/^[ACDEFGHJKMNPQRTUVWXY34679]{6}$/);
    expect(session.joinUrl).toBe(`/?code=${session.code}`);
    const instructor = await openSessionRoom(server, session.sessionId, { secret: session.secret });

    const students: Student[] = await Promise.all(Array.from({ length: CLASS_SIZE }, (_v, i) => enrol(server, session.code.toLowerCase(), `Student ${i + 1}`)));
    for (const s of students) expect(await s.lobby.status()).toMatchObject({ phase: 'lobby', seat: null, name: s.name });
    await instructor.session((v) => v.roster.length === CLASS_SIZE && v.roster.every((r) => r.connected));

    await steer(server, session, { type: 'start' });
    const seated = await Promise.all(students.map((s) => sit(server, s)));
    const view = await instructor.session((v) => v.phase === 'running' && v.tables.length === CLASS_SIZE / PER_TABLE && v.roster.every((r) => r.seat !== null));
    expectBalanced(view);

    // Every student plays their seat with a policy; teammates share one.
    const tableOf = new Map(view.tables.map((t, i) => [t.gameId, i]));
    seated.forEach(({ player, status }, i) => {
      const index = tableOf.get(status.seat?.gameId ?? '') ?? 0;
      const pair = PAIRS[index % PAIRS.length] ?? PAIRS[0];
      const policy = status.seat?.seat === 'us' ? pair?.[0] : pair?.[1];
      drive(player, scenario, policy ?? 'dealmaker', 1000 + i);
    });
    const players = seated.map((s) => s.player);

    // The instructor watches table 1: everything visible, both seats' secrets.
    const table1 = view.tables[0];
    if (table1 === undefined) throw new Error('no table 1');
    const watch = new Player(await new Client(server.url).joinById(table1.gameId, { name: 'Instructor', secret: session.secret }));
    watch.room.reconnection.enabled = false;
    await watch.view();
    const full = InstructorView.parse(watch.since(0, 'view').at(-1)?.payload);
    expect(full.spectator).toBe('instructor');
    const truth = replay(scenario, await storedRecord(server, table1.gameId));
    for (const seat of scenario.seats) expect(full.state.seats[seat.id]?.hidden).toEqual(truth.seats[seat.id]?.hidden);
    expect(scenario.seats.some((seat) => seat.hidden.length > 0)).toBe(true);

    // Pause table 1 while it plays: the deadline goes, the clock freezes, nothing advances (by timer or by readiness) until resumed.
    await watch.view((_s, v) => v.deadline !== null);
    const mark = watch.mark();
    await steer(server, session, { type: 'pause', table: table1.table });
    const paused = await watch.view((_s, v) => v.deadline === null);
    const heldAt = Date.now();
    // The deadline the clock would have kept: the last one shown before the hold.
    const deadlines = watch.received.slice(0, mark).filter((m) => m.type === 'view').map((m) => PlayerView.parse(m.payload).deadline ?? 0);
    const wouldHaveEnded = Math.max(heldAt, ...deadlines);
    await new Promise<void>((resolve) => {
      if (watch.room.state.paused === true) return resolve();
      watch.room.onStateChange((state: { paused?: boolean }) => state.paused === true && resolve());
    });
    await instructor.session((v) => v.tables[0]?.paused === true && v.tables[0]?.deadline === null);
    const clock = await metronome(server, scenario);
    await clock.past(wouldHaveEnded + 500);
    await clock.stop();
    const stillHeld = watch.latest();
    expect(stillHeld.state.phaseVersion).toBe(paused.state.phaseVersion);
    expect(stillHeld.deadline).toBeNull();
    const resumedAt = Date.now();
    await steer(server, session, { type: 'resume', table: table1.table });
    await watch.view((s) => s.phaseVersion > paused.state.phaseVersion);

    // An event brought into every table: held first, and a table past the point where events enter is advanced to the next round.
    await steer(server, session, { type: 'pause' });
    const injected = (await steer(server, session, { type: 'inject', eventId: INJECTED })) as { tables: Record<string, { ok: boolean; code?: string }> };
    const accepted = new Set(Object.entries(injected.tables).filter(([, outcome]) => outcome.ok).map(([table]) => table));
    for (const [table, outcome] of Object.entries(injected.tables)) {
      if (outcome.ok) continue;
      expect(['phase/wrong', 'event/already', 'game/over']).toContain(outcome.code);
      for (let tries = 0; outcome.code === 'phase/wrong' && tries < 2 && !accepted.has(table); tries++) {
        await steer(server, session, { type: 'advance', table });
        const again = await control(server, session.sessionId, session.secret, { type: 'inject', table, eventId: INJECTED });
        if (again.status === 200) accepted.add(table);
      }
    }
    expect(accepted.size).toBeGreaterThan(0);
    // Still held, every table that took the event shows it to its students.
    const byGame = new Map(seated.map(({ player, status }) => [status.seat?.gameId, player]));
    for (const table of view.tables) {
      if (accepted.has(table.table)) await byGame.get(table.gameId)?.view((s) => s.events.includes(INJECTED));
    }
    await steer(server, session, { type: 'resume' });

    const final = await instructor.session((v) => v.tables.every((t) => t.phase === 'ended'));
    await Promise.all(players.map((p) => p.view((s) => s.phase === 'ended')));
    await steer(server, session, { type: 'end' });
    await Promise.all(students.map((s) => s.lobby.status((st) => st.phase === 'ended')));

    for (const table of final.tables) {
      const record = await fetchRecord(server, table.gameId);
      expect(replay(scenario, record).phase).toBe('ended');
      expect(record.entries.some((e) => e.kind === 'inject' && e.eventId === INJECTED)).toBe(accepted.has(table.table));
      if (table.table === table1.table) {
        const duringHold = record.entries.filter((e) => e.kind === 'advance' && e.at >= heldAt && e.at < resumedAt);
        expect(duringHold).toEqual([]);
      }
    }
    const seconds = (performance.now() - started) / 1000;
    const peak = memory.stop();
    const mb = (bytes: number): string => (bytes / 2 ** 20).toFixed(0);
    console.log(
      `30-student class: ${seconds.toFixed(1)} s from the session's creation to its end (every table played out); ` +
        `peak RSS of the test process, server in-process, ${mb(peak)} MB (${mb(baseline)} MB with the server idle before the class)`,
    );
    for (const p of [...players, watch]) await p.room.leave();
    for (const s of [...students.map((st) => st.lobby), instructor] as Inbox[]) await s.room.leave();
  });
});

/** Tables within one student of each other; every seat of every table has a student before any seat has two. */
function expectBalanced(view: SessionView): void {
  const counts = view.tables.map((t) => Object.values(t.seats).reduce((n, s) => n + s.students.length, 0));
  expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
  expect(counts.reduce((a, b) => a + b, 0)).toBe(CLASS_SIZE);
  for (const t of view.tables) for (const seat of Object.values(t.seats)) expect(seat.students.length).toBeGreaterThanOrEqual(1);
  for (const t of view.tables) for (const seat of Object.values(t.seats)) expect(seat.bot).toBeNull();
  const seatsOfStudents = new Map(view.roster.map((r) => [r.studentId, `${r.table}/${r.seat}`]));
  for (const t of view.tables) for (const [seat, s] of Object.entries(t.seats)) for (const id of s.students) expect(seatsOfStudents.get(id)).toBe(`${t.table}/${seat}`);
}
