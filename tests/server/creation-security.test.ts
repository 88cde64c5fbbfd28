import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreatedGame, MAX_PHASE_SECONDS } from '../../shared/protocol.ts';
import type { CreationLimits } from '../../server/http/creation-limit.ts';
import { joinGame, LONG_TIMERS, SCENARIO_ID, storedRecord, tempDataDir } from './harness.ts';
import { classServerForFile, startClassServer } from './session-harness.ts';
import type { ClassServer } from './session-harness.ts';

type Answer = { status: number; retryAfter: string | undefined; body: { code?: string; message?: string; gameId?: string; seatToken?: string } };

/**
 * A POST from a chosen loopback address (all of 127.0.0.0/8 reaches a server on 127.0.0.1),
 * so one test can be several households.
 */
function post(server: ClassServer, path: string, body: unknown, from = '127.0.0.1', token?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, server.url.replace('localhost', '127.0.0.1'));
    const req = request(
      url,
      {
        method: 'POST',
        localAddress: from,
        headers: { 'content-type': 'application/json', ...(token === undefined ? {} : { authorization: `Bearer ${token}` }) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'], body: JSON.parse(text) as Answer['body'] }));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

const game = (extra: Record<string, unknown> = {}) => ({ scenarioId: SCENARIO_ID, timers: LONG_TIMERS, ...extra });
const session = (extra: Record<string, unknown> = {}) => ({ scenarioId: SCENARIO_ID, ...extra });

describe('every number in a create body is bounded', () => {
  const file = classServerForFile();
  const tooLong = MAX_PHASE_SECONDS + 1;

  it.each([
    ['a phase timer of 2^53 - 1 seconds', '/api/games', game({ timers: { negotiation: 9007199254740991 } })],
    ['a phase timer past the longest phase', '/api/games', game({ timers: { decision: tooLong } })],
    ['a phase timer of no time', '/api/games', game({ timers: { briefing: 0 } })],
    ['a fractional phase timer', '/api/games', game({ timers: { briefing: 1.5 } })],
    ['a seed past 2^31 - 1', '/api/games', game({ seed: 2 ** 31 })],
    ['a class phase timer past the longest phase', '/api/sessions', session({ timers: { negotiation: tooLong } })],
    ['a class of 101 tables', '/api/sessions', session({ tables: 101 })],
    ['no tables', '/api/sessions', session({ tables: 0 })],
    ['21 students at a table', '/api/sessions', session({ studentsPerTable: 21 })],
    ['an infinite number of tables', '/api/sessions', '{"scenarioId":"us-mexico-2019","tables":1e999}'],
  ])('refuses %s with a zod-validated 400, and creates nothing', async (_why, path, body) => {
    const before = await file.server.store.listUnfinished();
    const sessions = await file.server.store.listLiveSessions();
    const res = await fetch(`${file.server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
    expect(res.status).toBe(400);
    const answer = (await res.json()) as { code: string; issues: unknown[] };
    expect(answer.code).toBe('body/invalid');
    expect(answer.issues.length).toBeGreaterThan(0);
    expect(await file.server.store.listUnfinished()).toEqual(before);
    expect(await file.server.store.listLiveSessions()).toEqual(sessions);
  });

  it('takes the longest phase there is, and its deadline is a real date', async () => {
    const made = await post(file.server, '/api/games', game({ timers: { ...LONG_TIMERS, briefing: MAX_PHASE_SECONDS } }));
    expect(made.status).toBe(201);
    const gameId = CreatedGame.parse(made.body).gameId;
    const watcher = await joinGame(file.server, gameId, { name: 'Ana', seat: 'us' });
    const other = await joinGame(file.server, gameId, { name: 'Luis', seat: 'mx' });
    const deadline = (await watcher.view((_s, v) => v.lobby === null)).deadline ?? 0;
    expect(new Date(deadline).toISOString()).toMatch(/^\d{4}-/);
    expect(deadline).toBeGreaterThan(Date.now() + (MAX_PHASE_SECONDS - 60) * 1000);
    await Promise.all([watcher.room.leave(), other.room.leave()]);
  });

  it('lets a class’s worth of practice games come from one address: 40 students, two games each', async () => {
    const answers: Answer[] = [];
    for (let i = 0; i < 80; i++) answers.push(await post(file.server, '/api/games', game()));
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 201));
  });
});

describe('creation is rate-limited per address and overall', () => {
  const limits: CreationLimits = {
    games: { perAddress: { attempts: 3, windowMs: 600_000 }, overall: { attempts: 5, windowMs: 600_000 } },
    sessions: { perAddress: { attempts: 2, windowMs: 600_000 }, overall: { attempts: 3, windowMs: 600_000 } },
  };
  let server: ClassServer;
  let data: Awaited<ReturnType<typeof tempDataDir>>;
  beforeAll(async () => {
    data = await tempDataDir();
    server = await startClassServer(data.dir, { creationLimits: limits });
  });
  afterAll(async () => {
    await server?.close();
    await data?.remove();
  });

  it('answers a typed 429 with Retry-After, per address first, then for everyone; a refusal spends nothing', async () => {
    const first = await post(server, '/api/games', game());
    const seatToken = (await joinGame(server, CreatedGame.parse(first.body).gameId, { name: 'Ana', seat: 'mx' }).then((p) => p.welcome())).seatToken;
    expect((await post(server, '/api/games', game())).status).toBe(201);
    expect((await post(server, '/api/games', game())).status).toBe(201);
    const before = await server.store.listUnfinished();

    // One address has spent its window; asking again and again spends nothing more.
    for (let i = 0; i < 5; i++) {
      const refused = await post(server, '/api/games', game());
      expect(refused).toMatchObject({ status: 429, body: { code: 'rate/limited' } });
      expect(refused.body.message).toMatch(/from this address/);
      expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    }
    expect(await server.store.listUnfinished()).toEqual(before);

    // Another address still may, until the server as a whole has made its five.
    expect((await post(server, '/api/games', game(), '127.0.0.2')).status).toBe(201);
    expect((await post(server, '/api/games', game(), '127.0.0.3')).status).toBe(201);
    const overall = await post(server, '/api/games', game(), '127.0.0.4');
    expect(overall).toMatchObject({ status: 429, body: { code: 'rate/limited' } });
    expect(overall.body.message).toMatch(/right now/);
    expect(Number(overall.retryAfter)).toBeGreaterThan(0);

    // A fork is a game too.
    const forked = await post(server, `/api/games/${first.body.gameId}/forks`, { step: 0, seats: { mx: { by: 'me' }, us: { by: 'bot', policy: 'dealmaker' } }, name: 'Ana' }, '127.0.0.5', seatToken);
    expect(forked).toMatchObject({ status: 429, body: { code: 'rate/limited' } });

    // Class sessions have windows of their own.
    expect((await post(server, '/api/sessions', session())).status).toBe(201);
    expect((await post(server, '/api/sessions', session())).status).toBe(201);
    expect(await post(server, '/api/sessions', session())).toMatchObject({ status: 429, body: { code: 'rate/limited' } });
    expect((await post(server, '/api/sessions', session(), '127.0.0.2')).status).toBe(201);
    expect(await post(server, '/api/sessions', session(), '127.0.0.3')).toMatchObject({ status: 429, body: { code: 'rate/limited' } });
  });

  it('answers a bad body as bad (400), whatever the windows: it creates nothing and is not a creation', async () => {
    const res = await post(server, '/api/games', game({ timers: { briefing: -1 } }), '127.0.0.9');
    expect(res).toMatchObject({ status: 400, body: { code: 'body/invalid' } });
  });
});

describe('a game no one sits at expires', () => {
  let server: ClassServer;
  let data: Awaited<ReturnType<typeof tempDataDir>>;
  beforeAll(async () => {
    data = await tempDataDir();
    server = await startClassServer(data.dir, { openGameExpirySeconds: 3 });
  });
  afterAll(async () => {
    await server?.close();
    await data?.remove();
  });

  it('ends an unused table, watched or not, and keeps one whose seat was taken', async () => {
    const kept = CreatedGame.parse((await post(server, '/api/games', game())).body).gameId;
    const player = await joinGame(server, kept, { name: 'Ana', seat: 'mx' });
    await player.welcome();
    const unused = CreatedGame.parse((await post(server, '/api/games', game())).body).gameId;
    const watched = CreatedGame.parse((await post(server, '/api/games', game())).body).gameId;
    const watcher = await joinGame(server, watched, { name: 'Watcher' });
    await watcher.view();

    await server.logs.waitFor((line) => line.msg === 'open game kept: a seat is taken' && line.gameId === kept);
    for (const gameId of [unused, watched]) await server.logs.waitFor((line) => line.msg === 'game expired: no one took a seat' && line.gameId === gameId);
    expect((await watcher.view((s) => s.phase === 'ended')).state.phase).toBe('ended');
    for (const gameId of [unused, watched]) {
      expect((await storedRecord(server, gameId)).entries.at(-1)?.kind).toBe('end');
      expect((await server.store.loadGame(gameId))?.finished).toBe(true);
    }
    expect((await server.store.loadGame(kept))?.finished).toBe(false);
    expect(player.latest().state.phase).not.toBe('ended');
    await Promise.all([player.room.leave(), watcher.room.leave()]);
  });
});
