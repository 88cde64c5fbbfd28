import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StudentStatus } from '../../shared/session.ts';
import { LONG_TIMERS, tempDataDir } from './harness.ts';
import { createSession, enrol, openSessionRoom, sampleMemory, sit, startClassServer, steer } from './session-harness.ts';
import type { ClassServer } from './session-harness.ts';

let server: ClassServer;
let data: Awaited<ReturnType<typeof tempDataDir>>;

const BURST = 200;
const TABLES = 20;

beforeAll(async () => {
  data = await tempDataDir();
  // Every simulated student comes from 127.0.0.1: the per-address join limit is raised for them.
  server = await startClassServer(data.dir, { joinLimits: { misses: { attempts: 100, windowMs: 60_000 } } });
});

afterAll(async () => {
  await server?.close();
  await data?.remove();
});

describe('a lecture hall joins at once', () => {
  it(`${BURST} students join a running session within 10 s, every one seated`, { timeout: 120_000 }, async () => {
    const session = await createSession(server, { tables: TABLES, timers: LONG_TIMERS, bots: null });
    const instructor = await openSessionRoom(server, session.sessionId, { secret: session.secret });
    await steer(server, session, { type: 'start' });
    await instructor.session((v) => v.tables.length === TABLES);

    const memory = sampleMemory();
    const started = performance.now();
    // Each student: HTTP join by code, the session room over a WebSocket, the status naming their seat, then the table's room.
    const statuses: StudentStatus[] = await Promise.all(
      Array.from({ length: BURST }, async (_v, i) => {
        const student = await enrol(server, session.code, `Student ${i + 1}`);
        const { player, status } = await sit(server, student);
        expect((await player.welcome()).seat).toBe(status.seat?.seat);
        return status;
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const peak = memory.stop();
    console.log(`burst: ${BURST} students joined by code, were seated and reached their tables in ${seconds.toFixed(2)} s; peak RSS ${(peak / 2 ** 20).toFixed(0)} MB`);
    expect(seconds).toBeLessThan(10);

    expect(statuses.every((s) => s.seat !== null)).toBe(true);
    expect(new Set(statuses.map((s) => s.name)).size).toBe(BURST);
    const view = await instructor.session((v) => v.roster.length === BURST && v.roster.every((r) => r.seat !== null));
    const perTable = view.tables.map((t) => Object.values(t.seats).reduce((n, s) => n + s.students.length, 0));
    expect(perTable).toEqual(Array.from({ length: TABLES }, () => BURST / TABLES));
    for (const t of view.tables) for (const seat of Object.values(t.seats)) expect(seat.students.length).toBe(BURST / TABLES / 2);
    expect(server.logs.lines.filter((l) => /expired|consumed/i.test(String(l.msg ?? '')))).toEqual([]);
  });
});
