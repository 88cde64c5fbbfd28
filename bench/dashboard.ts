// How far the instructor's live dashboard trails its tables: a class of 50 bot tables
// plays on a real server in this process while an instructor's SDK client watches the
// session room. For every phase change a session view shows, the lag is the time from
// the record entry that made the change (its `at`) to that view's arrival.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from '@colyseus/sdk';
import { pino } from 'pino';
import type { GameRecord } from '../shared/record.ts';
import { applyEntry, createGame } from '../shared/rules/index.ts';
import { parseScenario } from '../shared/scenario/parse.ts';
import type { Scenario } from '../shared/scenario/schema.ts';
import { CreatedSession, SessionView } from '../shared/session.ts';
import { startServer } from '../server/app.ts';

const ROOT = resolve(import.meta.dirname, '..');
const SCENARIO_ID = 'us-mexico-2019';
const TABLES = 50;
/** Short phases, so a table whose bots dawdle still moves; bots keep the server's own pace. */
const TIMERS = { briefing: 2, negotiation: 6, decision: 4, resolution: 2, debrief: 2 };
/** Long enough for every table to play its six rounds at the bots' pace. */
const MAX_SECONDS = 240;

type Seen = { table: string; gameId: string; round: number; phase: string; arrived: number };

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** When each (round, phase) of a table began: the `at` of the entry that brought it. */
function phaseStarts(scenario: Scenario, record: GameRecord): Map<string, number> {
  const starts = new Map<string, number>();
  let state = createGame(scenario, record.seed);
  for (const entry of record.entries) {
    const before = `${state.round}/${state.phase}`;
    state = applyEntry(scenario, state, entry);
    const after = `${state.round}/${state.phase}`;
    if (after !== before && !starts.has(after)) starts.set(after, entry.at);
  }
  return starts;
}

export async function benchDashboard(): Promise<{ tables: number; p50Ms: number; p95Ms: number; maxMs: number }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'border-bargain-bench-'));
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    scenariosDir: join(ROOT, 'scenarios'),
    distDir: join(dataDir, 'no-dist'),
    log: pino({ level: 'silent' }),
  });
  try {
    const res = await fetch(`${server.url}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ scenarioId: SCENARIO_ID, tables: TABLES, bots: 'dealmaker', timers: TIMERS, cards: 'immediate' }),
    });
    if (res.status !== 201) throw new Error(`create session: HTTP ${res.status} ${await res.text()}`);
    const created = CreatedSession.parse(await res.json());
    const secret = /#secret=(.+)$/.exec(created.instructorUrl)?.[1] ?? '';
    const room = await new Client(server.url).joinById(created.sessionId, { secret });
    room.reconnection.enabled = false;

    const seen: Seen[] = [];
    const last = new Map<string, string>();
    const done = new Promise<void>((resolveDone, rejectDone) => {
      const timer = setTimeout(() => rejectDone(new Error(`the class had not finished after ${MAX_SECONDS} s`)), MAX_SECONDS * 1000);
      room.onMessage('session', (payload: unknown) => {
        const arrived = Date.now();
        const view = SessionView.parse(payload);
        for (const t of view.tables) {
          const key = `${t.round}/${t.phase}`;
          if (last.get(t.table) === key) continue;
          last.set(t.table, key);
          seen.push({ table: t.table, gameId: t.gameId, round: t.round, phase: t.phase, arrived });
        }
        if (view.tables.length === TABLES && view.tables.every((t) => t.phase === 'ended')) {
          clearTimeout(timer);
          resolveDone();
        }
      });
    });
    const start = await fetch(`${server.url}/api/sessions/${created.sessionId}/control`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
      body: JSON.stringify({ type: 'start' }),
    });
    if (start.status !== 200) throw new Error(`start: HTTP ${start.status} ${await start.text()}`);
    await done;
    await room.leave();

    const scenario = parseScenario(JSON.parse(await readFile(join(ROOT, 'scenarios', `${SCENARIO_ID}.json`), 'utf8')));
    if (!scenario.ok) throw new Error('the scenario does not parse');
    const starts = new Map<string, Map<string, number>>();
    for (const gameId of new Set(seen.map((s) => s.gameId))) {
      const record = await server.store.loadRecord(gameId);
      if (record !== null) starts.set(gameId, phaseStarts(scenario.scenario, record));
    }
    const lags = seen
      .map((s) => {
        const at = starts.get(s.gameId)?.get(`${s.round}/${s.phase}`);
        return at === undefined ? null : s.arrived - at;
      })
      .filter((lag): lag is number => lag !== null)
      .sort((a, b) => a - b);
    return { tables: TABLES, p50Ms: percentile(lags, 50), p95Ms: percentile(lags, 95), maxMs: lags.at(-1) ?? 0 };
  } finally {
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  const result = await benchDashboard();
  console.log(`dashboard lag with ${result.tables} tables live: p50 ${result.p50Ms} ms, p95 ${result.p95Ms} ms, max ${result.maxMs} ms`);
}
