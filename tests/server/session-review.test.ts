import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referenceOutcomes } from '../../shared/review/outcomes.ts';
import { SessionReview } from '../../shared/review/schemas.ts';
import type { OutcomePoint } from '../../shared/review/schemas.ts';
import { replay } from '../../shared/rules/index.ts';
import type { Scenario } from '../../shared/scenario/schema.ts';
import { profileOf } from '../../shared/scoring/profile.ts';
import { inWorker, referenceCache } from '../../server/review/reference-outcomes.ts';
import { storedRecord, tempDataDir } from './harness.ts';
import { createSession, loadScenario, openSessionRoom, startClassServer, steer } from './session-harness.ts';
import type { ClassServer, MadeSession } from './session-harness.ts';

let server: ClassServer;
let data: Awaited<ReturnType<typeof tempDataDir>>;
let scenario: Scenario;
let session: MadeSession;

/** Short phases: bot tables play a whole game in seconds. */
const TIMERS = { briefing: 1, negotiation: 2, decision: 2, resolution: 1, debrief: 1 };

beforeAll(async () => {
  data = await tempDataDir();
  server = await startClassServer(data.dir);
  scenario = await loadScenario();
  session = await createSession(server, { tables: 2, bots: 'dealmaker', timers: TIMERS });
  const instructor = await openSessionRoom(server, session.sessionId, { secret: session.secret });
  await steer(server, session, { type: 'start' });
  await instructor.session((v) => v.tables.length === 2 && v.tables.every((t) => t.phase === 'ended'));
  await instructor.room.leave();
}, 120_000);

afterAll(async () => {
  await server?.close();
  await data?.remove();
});

function review(secret: string | null, sessionId = session.sessionId): Promise<Response> {
  return fetch(`${server.url}/api/sessions/${sessionId}/review`, { headers: secret === null ? {} : { authorization: `Bearer ${secret}` } });
}

/** The definition, written out: no other point is at least as good for every seat and better for one. */
function onFrontier(point: OutcomePoint, among: readonly OutcomePoint[]): boolean {
  const seats = scenario.seats.map((s) => s.id);
  return !among.some(
    (other) =>
      other !== point &&
      seats.every((s) => (other.scores[s] ?? 0) >= (point.scores[s] ?? 0)) &&
      seats.some((s) => (other.scores[s] ?? 0) > (point.scores[s] ?? 0)),
  );
}

describe('reference outcomes', () => {
  it('are played on a worker, so the event loop keeps ticking, and callers asking together share one computation', { timeout: 240_000 }, async () => {
    let computations = 0;
    const referenceOutcomesFor = referenceCache((s) => {
      computations += 1;
      return inWorker(s);
    });
    // Counted, not timed: while the games play on a worker the loop keeps turning; played here
    // they would hold it for the whole computation and the ticker would not run at all.
    let ticks = 0;
    const ticker = setInterval(() => (ticks += 1), 5);
    const [a, b] = await Promise.all([referenceOutcomesFor(scenario), referenceOutcomesFor(scenario)]);
    clearInterval(ticker);
    expect(ticks).toBeGreaterThan(2);
    expect(a).toEqual(referenceOutcomes(scenario));
    expect(b).toEqual(a);
    expect(b).not.toBe(a);
    expect(computations).toBe(1);
    expect(await referenceOutcomesFor(scenario)).toEqual(a);
    expect(computations).toBe(1);
    expect(await referenceOutcomesFor({ ...scenario, version: scenario.version + 1 })).toEqual(a);
    expect(computations).toBe(2);
  });
});

describe('a session’s review', () => {
  it('compares every table’s replayed outcome and profiles with its forks, the bot games and the historical path, and marks the frontier', async () => {
    // A fork of table 1 from the start of its second round's negotiation: its outcome is a point of its own.
    const before = await review(session.secret);
    const first = SessionReview.parse(await before.json());
    const table1 = first.tables[0];
    if (table1 === undefined) throw new Error('no table 1');
    const parentRecord = await storedRecord(server, table1.gameId);
    const step = Math.floor(parentRecord.entries.length / 2);
    await server.store.createFork(
      { gameId: 'fork-of-table-1', scenarioId: scenario.id, scenarioVersion: scenario.version, seed: parentRecord.seed, createdAt: Date.now(), timers: {}, cards: 'immediate', parent: { gameId: table1.gameId, step } },
      parentRecord.entries.slice(0, step),
    );

    const res = await review(session.secret);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = SessionReview.parse(await res.json());
    expect(body).toMatchObject({ sessionId: session.sessionId, code: session.code, scenarioId: scenario.id });
    expect(body.tables.map((t) => t.table)).toEqual(['1', '2']);

    for (const t of body.tables) {
      const record = await storedRecord(server, t.gameId);
      const final = replay(scenario, record);
      expect(t).toMatchObject({ finished: true, round: final.round, phase: 'ended' });
      expect(t.scores).toEqual({ us: final.seats.us?.score, mx: final.seats.mx?.score });
      expect(t.holders).toEqual({ us: ['bot:dealmaker'], mx: ['bot:dealmaker'] });
      const cards = await server.store.loadCards(t.gameId);
      expect(cards.length).toBeGreaterThan(0);
      // Bots played every seat: their decisions are theirs, so the seats' student profiles are empty.
      expect(cards.every((card) => record.entries.find((e) => e.seq === card.seq)?.actor.kind === 'bot')).toBe(true);
      expect(t.profiles).toEqual([profileOf('us', []), profileOf('mx', [])]);
    }
    const forkState = replay(scenario, { ...parentRecord, gameId: 'fork-of-table-1', entries: parentRecord.entries.slice(0, step) });
    expect(body.tables[0]?.forks).toEqual([
      { gameId: 'fork-of-table-1', step, createdAt: expect.any(Number), finished: false, scores: { us: forkState.seats.us?.score, mx: forkState.seats.mx?.score }, occupants: {} },
    ]);
    expect(body.tables[1]?.forks).toEqual([]);

    const ours = body.points.filter((p) => p.kind === 'table' || p.kind === 'fork');
    expect(ours.map((p) => [p.id, p.kind, p.gameId, p.label])).toEqual([
      ['table:1', 'table', body.tables[0]?.gameId, 'Table 1'],
      ['table:2', 'table', body.tables[1]?.gameId, 'Table 2'],
      ['fork:fork-of-table-1', 'fork', 'fork-of-table-1', `Table 1 · fork @${step}`],
    ]);
    expect(ours.map((p) => p.scores)).toEqual([body.tables[0]?.scores, body.tables[1]?.scores, body.tables[0]?.forks[0]?.scores]);
    expect(ours.map((p) => p.frontier)).toEqual(ours.map((p) => onFrontier(p, ours)));
    expect(ours.some((p) => p.frontier)).toBe(true);

    // Every pairing of temperaments (6 × 6) and the historical path when the scenario names one; never on the class's frontier.
    const references = body.points.filter((p) => p.kind === 'bots' || p.kind === 'historical');
    expect(references.filter((p) => p.kind === 'bots')).toHaveLength(36);
    expect(references.filter((p) => p.kind === 'historical')).toHaveLength(scenario.historicalPolicies === undefined ? 0 : 1);
    expect(references).toEqual(referenceOutcomes(scenario));
    expect(body.points).toHaveLength(ours.length + references.length);
  });

  it('is the instructor’s alone: no secret, another session’s secret or an unknown session get the same 403', async () => {
    const other = await createSession(server, { tables: 1 });
    for (const res of [await review(null), await review('not-the-secret'), await review(other.secret), await review(session.secret, 'no-such-session')]) {
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({ code: 'session/forbidden', message: expect.any(String) });
    }
  });
});
