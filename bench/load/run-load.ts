import { loadavg } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ChildStats } from './child-protocol.ts';
import { Latencies } from './latencies.ts';
import type { LoadTable } from './load-table.ts';
import { randomFrom } from './random.ts';
import { startServerChild } from './server-child.ts';

export type LoadOptions = { tables: number; rate: number; seconds: number; soakMinutes: number };
export type OpenTable = (url: string, index: number, latencies: Latencies) => Promise<LoadTable>;

export type StageLine = { stage: string; count: number; meanMs: number; p99Ms: number; maxMs: number };
export type LoadResult = {
  name: string;
  joinMs: number;
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
  soak: { minutes: number; heapStartMb: number; heapEndMb: number; growthPercent: number } | null;
  loadAverage: [number, number];
};

/** Tables joining at once: a class arriving, not a thundering herd of two thousand sockets in one tick. */
const JOIN_CONCURRENCY = 20;
/** How long actions still on their way when the load stops may take before they count as lost. */
const DRAIN_MS = 15_000;

async function openAll(open: OpenTable, url: string, count: number, latencies: Latencies): Promise<LoadTable[]> {
  const tables: LoadTable[] = new Array(count);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let index = next++; index < count; index = next++) tables[index] = await open(url, index, latencies);
  };
  await Promise.all(Array.from({ length: Math.min(JOIN_CONCURRENCY, count) }, worker));
  return tables;
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

/** One server (ours or the bare relay) under the load: join, idle figures, the load, the drain, a soak if asked. */
export async function runLoad(name: string, serverFile: URL, env: Record<string, string | undefined>, open: OpenTable, options: LoadOptions): Promise<LoadResult> {
  const server = await startServerChild(serverFile, env);
  try {
    const latencies = new Latencies();
    const empty = await server.stats(true);
    const joinStart = performance.now();
    const tables = await openAll(open, server.url, options.tables, latencies);
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
    await Promise.all(tables.map((table) => table.leave().catch(() => undefined)));
    const activeMs = after.eventLoopActiveMs - before.eventLoopActiveMs;
    const idleMs = after.eventLoopIdleMs - before.eventLoopIdleMs;
    return {
      name,
      joinMs,
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
      rssPerTableKb: (idle.rss - empty.rss) / 1024 / options.tables,
      heapPerTableKb: (idle.heapUsed - empty.heapUsed) / 1024 / options.tables,
      stages: stageLines(after),
      soak,
      loadAverage: [loadStart, loadavg()[0] ?? 0],
    };
  } finally {
    await server.stop();
  }
}
