import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LONG_TIMERS, tempDataDir } from './harness.ts';
import { createSession, joinByCode, openSessionRoom, startClassServer, steer } from './session-harness.ts';
import type { ClassServer, ServerAt } from './session-harness.ts';

// A school puts a whole class behind one router: every student's join comes from one
// address. The limits must seat all of them and still stop anyone guessing codes. These
// servers keep the production join limits.

const CLASS = 200;
const MISSES = 20;

/** One server for the tests of a describe block (Colyseus's matchmaker is one per process: one server at a time). */
function serverFor(options: Parameters<typeof startClassServer>[1]): { readonly server: ClassServer } {
  let data: Awaited<ReturnType<typeof tempDataDir>> | undefined;
  let server: ClassServer | undefined;
  beforeAll(async () => {
    data = await tempDataDir();
    server = await startClassServer(data.dir, options);
  });
  afterAll(async () => {
    await server?.close();
    await data?.remove();
  });
  return {
    get server() {
      if (server === undefined) throw new Error('no server yet');
      return server;
    },
  };
}

function joinFrom(at: ServerAt, code: string, name: string, forwardedFor: string): Promise<Response> {
  return fetch(`${at.url}/api/sessions/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
    body: JSON.stringify({ code, name }),
  });
}

/** A code no live session has: the one given, with its first letter changed. */
function wrongCode(code: string): string {
  return (code.startsWith('A') ? 'C' : 'A') + code.slice(1);
}

describe('a class behind one school router', () => {
  const direct = serverFor({});

  it(`${CLASS} students joining from one address are all seated; then ${MISSES} wrong codes are answered and the next 30 are throttled`, { timeout: 180_000 }, async () => {
    const { server } = direct;
    const session = await createSession(server, { tables: CLASS / 10, timers: LONG_TIMERS, bots: null });
    const instructor = await openSessionRoom(server, session.sessionId, { secret: session.secret });
    await steer(server, session, { type: 'start' });

    const statuses = await Promise.all(Array.from({ length: CLASS }, (_v, i) => joinByCode(server, session.code, `Student ${i + 1}`).then((res) => res.status)));
    expect(statuses).toEqual(Array.from({ length: CLASS }, () => 201));
    const view = await instructor.session((v) => v.roster.length === CLASS && v.roster.every((r) => r.seat !== null));
    expect(view.roster.filter((r) => r.seat === null)).toEqual([]);

    const wrong = wrongCode(session.code);
    const answers: string[] = [];
    for (let i = 0; i < 50; i++) {
      const res = await joinByCode(server, wrong, `Guess ${i}`);
      answers.push(`${res.status} ${((await res.json()) as { code: string }).code}`);
    }
    expect(answers).toEqual([
      ...Array.from({ length: MISSES }, () => '404 session/unknown'),
      ...Array.from({ length: 50 - MISSES }, () => '429 rate/limited'),
    ]);
    // Throttled means throttled: a right code from the guessing address is refused as well.
    const late = await joinByCode(server, session.code, 'Latecomer');
    expect(late.status).toBe(429);
    expect(late.headers.get('retry-after')).toMatch(/^\d+$/);
    // With no trusted proxy, X-Forwarded-For is whatever the client wrote, and is ignored: no fresh address per request.
    expect((await joinFrom(server, session.code, 'Spoofer', '198.51.100.1')).status).toBe(429);
  });

});

describe('behind a proxy', () => {
  // The test's own loopback connection plays the one proxy: X-Forwarded-For names the client.
  const behind = serverFor({ trustProxy: 1 });

  it('behind a trusted proxy (TRUST_PROXY=1) each school is counted by its own address: one guessing is throttled, another still joins', async () => {
    const proxied = behind.server;
    const session = await createSession(proxied, { tables: 1, timers: LONG_TIMERS, bots: null });
    const wrong = wrongCode(session.code);
    const statuses: number[] = [];
    for (let i = 0; i <= MISSES; i++) statuses.push((await joinFrom(proxied, wrong, `Guess ${i}`, '203.0.113.7')).status);
    expect(statuses).toEqual([...Array.from({ length: MISSES }, () => 404), 429]);
    expect((await joinFrom(proxied, session.code, 'Ana', '203.0.113.7')).status).toBe(429);
    expect((await joinFrom(proxied, session.code, 'Luis', '203.0.113.8')).status).toBe(201);
  });
});
