import { loadavg } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ScoringFigures } from '../../server/scoring/figures.ts';
import type { ChildStats } from './child-protocol.ts';
import { Latencies } from './latencies.ts';
import type { LoadTable } from './load-table.ts';
import { randomFrom } from './random.ts';
import { startServerChild } from './server-child.ts';
import type { ServerChild } from './server-child.ts';

export type LoadOptions = { tables: number; rate: number; seconds: number; soakMinutes: number };
export type OpenTable = (url: string, index: number, latencies: Latencies) => Promise<LoadTable>;

export type StageLine = { stage: string; count: number; meanMs: number; p99Ms: number; maxMs: number };
export type LoadResult = {
  name: string;
  joinMs: number;
  joins: JoinFigures;
  latency: { p50: number; p95: number; p99: number; max: number };
  sent: number;
  delivered: number;
  skipped: number;
  lost: number;
  refusals: Record<string, number>;
  actionsPerSecond: number;
  cpuMsPerAction: number;
  mainThreadMsPerAction: number;
  eventLoopUse: number;
  rssPerTableKb: number;
  heapPerTableKb: number;
  stages: StageLine[];
  /**
   * The scoring pool: its backlog when the load stopped, how long it then took to catch up (null:
   * it had not within CATCH_UP_MS, and what still waited is left to the records at shutdown), and
   * its figures once caught up or given up on (card latency, peak backlog, bound).
   */
  scoring: { atLoadEnd: ScoringFigures; caughtUpMs: number | null; final: ScoringFigures } | null;
  soak: { minutes: number; heapStartMb: number; heapEndMb: number; growthPercent: number } | null;
  loadAverage: [number, number];
};

/** Tables joining at once: a class arriving, not a thundering herd of two thousand sockets in one tick. */
const JOIN_CONCURRENCY = 20;
/** How long actions still on their way when the load stops may take before they count as lost. */
const DRAIN_MS = 15_000;
/**
 * A table whose seats are not both in after this long has failed to join (a seat reservation
 * that lapsed, a refusal, a server that stopped answering): it is counted, tried once more, and
 * never waited for again. Longer than the game room's seat reservation, so a lapse shows as its own error.
 */
const JOIN_TIMEOUT_MS = 90_000;
/** How long the bench waits after the load for the scoring pool to score what is still waiting. */
const CATCH_UP_MS = 60_000;
/** How long leaving may take at the end before the bench stops waiting for a seat. */
const LEAVE_TIMEOUT_MS = 10_000;

/** How the joins went: tables seated, tables that failed a first time, tables that failed the retry too, and why. */
export type JoinFigures = { joined: number; retried: number; failed: number; reasons: Record<string, number> };

class JoinTimeout extends Error {
  constructor() {
    super(`not seated within ${JOIN_TIMEOUT_MS / 1000} s`);
  }
}

/** A short name for why a join failed, to count like ones together. */
function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // Ids (long runs with a digit in them) differ from table to table; the words around them do not.
  return message.replace(/\b(?=[\w-]*\d)[\w-]{9,}\b/g, '…').slice(0, 120);
}

/** One table's join, bounded: a table that comes in after its timeout is left at once. */
async function openWithin(open: OpenTable, url: string, index: number, latencies: Latencies): Promise<LoadTable> {
  const opening = open(url, index, latencies);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new JoinTimeout()), JOIN_TIMEOUT_MS);
  });
  try {
    return await Promise.race([opening, timeout]);
  } catch (error) {
    if (error instanceof JoinTimeout) opening.then((late) => late.leave().catch(() => undefined), () => undefined);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

async function openAll(open: OpenTable, url: string, count: number, latencies: Latencies): Promise<{ tables: LoadTable[]; joins: JoinFigures }> {
  const tables: LoadTable[] = [];
  const joins: JoinFigures = { joined: 0, retried: 0, failed: 0, reasons: {} };
  const countReason = (error: unknown): void => {
    const reason = reasonOf(error);
    joins.reasons[reason] = (joins.reasons[reason] ?? 0) + 1;
  };
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let index = next++; index < count; index = next++) {
      try {
        tables.push(await openWithin(open, url, index, latencies));
      } catch (first) {
        countReason(first);
        joins.retried += 1;
        try {
          tables.push(await openWithin(open, url, index, latencies));
        } catch (second) {
          countReason(second);
          joins.failed += 1;
          continue;
        }
      }
      joins.joined += 1;
    }
  };
  await Promise.all(Array.from({ length: Math.min(JOIN_CONCURRENCY, count) }, worker));
  return { tables, joins };
}

function leaveWithin(table: LoadTable): Promise<void> {
  return Promise.race([table.leave().catch(() => undefined), sleep(LEAVE_TIMEOUT_MS)]);
}

/** Every seat acts every 1000/rate ms, each from its own random start, so a table's two seats overlap as people do. */
function drive(tables: LoadTable[], rate: number): () => void {
  const interval = 1000 / rate;
  const random = randomFrom(7);
  const timers: NodeJS.Timeout[] = [];
  for (const table of tables) {
    for (const act of table.seats) {
      timers.push(
        setTimeout(() => {
          act();
          timers.push(setInterval(act, interval));
        }, random() * interval),
      );
    }
  }
  return () => timers.forEach((timer) => clearTimeout(timer));
}

async function drained(tables: LoadTable[]): Promise<number> {
  const until = performance.now() + DRAIN_MS;
  let inFlight = tables.reduce((sum, table) => sum + table.inFlight(), 0);
  while (inFlight > 0 && performance.now() < until) {
    await sleep(50);
    inFlight = tables.reduce((sum, table) => sum + table.inFlight(), 0);
  }
  return inFlight;
}

function stageLines(stats: ChildStats): StageLine[] {
  return Object.entries(stats.stages).map(([stage, figures]) => ({
    stage,
    count: figures.count,
    meanMs: figures.count === 0 ? 0 : figures.totalMs / figures.count,
    p99Ms: figures.p99Ms,
    maxMs: figures.maxMs,
  }));
}

/** Waits, bounded, for the scoring pool to have nothing waiting or running, polling its figures. */
async function caughtUp(server: ServerChild, atLoadEnd: ScoringFigures): Promise<NonNullable<LoadResult['scoring']>> {
  const start = performance.now();
  let now = atLoadEnd;
  while (now.waiting + now.running > 0 && performance.now() - start < CATCH_UP_MS) {
    await sleep(250);
    const scoring = (await server.stats()).scoring;
    if (scoring === null) break;
    now = scoring;
  }
  const done = now.waiting + now.running === 0;
  return { atLoadEnd, caughtUpMs: done ? performance.now() - start : null, final: now };
}

/** One server (ours or the bare relay) under the load: join, idle figures, the load, the drain, a soak if asked. */
export async function runLoad(name: string, serverFile: URL, env: Record<string, string | undefined>, open: OpenTable, options: LoadOptions): Promise<LoadResult> {
  const server = await startServerChild(serverFile, env);
  try {
    const latencies = new Latencies();
    const empty = await server.stats(true);
    const joinStart = performance.now();
    const { tables, joins } = await openAll(open, server.url, options.tables, latencies);
    const joinMs = performance.now() - joinStart;
    await sleep(1000);
    const idle = await server.stats(true);
    const loadStart = loadavg()[0] ?? 0;

    const before = await server.stats();
    const stop = drive(tables, options.rate);
    await sleep(options.seconds * 1000);
    stop();
    const lost = await drained(tables);
    const after = await server.stats();
    const scoring = after.scoring === null ? null : await caughtUp(server, after.scoring);
    const handled = latencies.delivered + [...latencies.refusals.values()].reduce((a, b) => a + b, 0);

    let soak: LoadResult['soak'] = null;
    if (options.soakMinutes > 0) {
      const start = await server.stats(true);
      const stopSoak = drive(tables, options.rate);
      await sleep(options.soakMinutes * 60_000);
      stopSoak();
      await drained(tables);
      const end = await server.stats(true);
      soak = {
        minutes: options.soakMinutes,
        heapStartMb: start.heapUsed / 2 ** 20,
        heapEndMb: end.heapUsed / 2 ** 20,
        growthPercent: ((end.heapUsed - start.heapUsed) / start.heapUsed) * 100,
      };
    }
    await Promise.all(tables.map(leaveWithin));
    const activeMs = after.eventLoopActiveMs - before.eventLoopActiveMs;
    const idleMs = after.eventLoopIdleMs - before.eventLoopIdleMs;
    return {
      name,
      joinMs,
      joins,
      latency: latencies.summary(),
      sent: latencies.sent,
      delivered: latencies.delivered,
      skipped: latencies.skipped,
      lost,
      refusals: Object.fromEntries(latencies.refusals),
      actionsPerSecond: latencies.sent / options.seconds,
      cpuMsPerAction: (after.cpuMs - before.cpuMs) / Math.max(1, handled),
      mainThreadMsPerAction: (after.mainThreadCpuMs - before.mainThreadCpuMs) / Math.max(1, handled),
      eventLoopUse: activeMs / Math.max(1, activeMs + idleMs),
      rssPerTableKb: (idle.rss - empty.rss) / 1024 / Math.max(1, joins.joined),
      heapPerTableKb: (idle.heapUsed - empty.heapUsed) / 1024 / Math.max(1, joins.joined),
      stages: stageLines(after),
      scoring,
      soak,
      loadAverage: [loadStart, loadavg()[0] ?? 0],
    };
  } finally {
    // The figures are taken: a server that stops badly is said, and the bench goes on to the next.
    await server.stop().catch((error: unknown) => console.error(`${name}: ${error instanceof Error ? error.message : String(error)}`));
  }
}
