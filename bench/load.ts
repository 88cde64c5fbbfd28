// The load bench: `npm run bench:load -- --tables N --rate R --seconds S [--soak MINUTES]`.
// Starts the production server in a process of its own (SQLite, or PostgreSQL when
// DATABASE_URL is set, in a schema of its own), seats N tables of two SDK clients over real
// WebSockets, and has every seat act R times a second with a classroom's mix (mostly chat;
// proposals, acceptances, decisions, ready). Then the same load on a bare Colyseus room
// that only relays each message: the floor of our stack. Prints numbers; asserts nothing.
import { randomUUID } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { z } from 'zod';
import { openGameTable } from './load/game-tables.ts';
import { openRelayTable } from './load/relay-tables.ts';
import { runLoad } from './load/run-load.ts';
import type { LoadResult } from './load/run-load.ts';

const Options = z.object({
  tables: z.coerce.number().int().min(1).max(5000).default(100),
  rate: z.coerce.number().positive().max(10).default(0.5),
  seconds: z.coerce.number().positive().max(3600).default(20),
  soak: z.coerce.number().min(0).max(240).default(0),
});

const { values } = parseArgs({
  options: { tables: { type: 'string' }, rate: { type: 'string' }, seconds: { type: 'string' }, soak: { type: 'string' } },
});
const parsed = Options.safeParse(values);
if (!parsed.success) {
  console.error(`bench:load: ${z.prettifyError(parsed.error)}`);
  process.exit(2);
}
const options = parsed.data;
const databaseUrl = process.env.DATABASE_URL?.trim() || undefined;

async function admin(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const f = (n: number, digits = 1): string => (Number.isFinite(n) ? n.toFixed(digits) : '–');

function print(result: LoadResult): void {
  const { latency: l } = result;
  console.log(`\n${result.name}`);
  const j = result.joins;
  console.log(`  join ${options.tables} tables   ${f(result.joinMs / 1000, 2)} s   ${j.joined} seated   ${j.retried} failed once (tried again)   ${j.failed} failed twice (left out of the load)`);
  for (const [reason, n] of Object.entries(j.reasons)) console.log(`    join failed ${n}×: ${reason}`);
  console.log(`  latency ms      p50 ${f(l.p50)}   p95 ${f(l.p95)}   p99 ${f(l.p99)}   max ${f(l.max)}`);
  console.log(
    `  actions         ${result.sent} sent (${f(result.actionsPerSecond, 0)}/s)   ${result.delivered} delivered   ${result.lost} lost   ${result.skipped} slots skipped (previous action not yet seen)`,
  );
  const refusals = Object.entries(result.refusals);
  if (refusals.length > 0) console.log(`  refused         ${refusals.map(([code, n]) => `${code} ${n}`).join('   ')}`);
  console.log(`  server CPU      ${f(result.cpuMsPerAction, 2)} ms/action (all threads)   ${f(result.mainThreadMsPerAction, 2)} ms/action (rooms' thread)   event loop ${f(result.eventLoopUse * 100, 0)}% busy`);
  console.log(`  memory          ${f(result.rssPerTableKb, 0)} KB RSS per table   ${f(result.heapPerTableKb, 0)} KB heap per table (idle, after GC)`);
  if (result.stages.length > 0) {
    console.log('  a move on the server (mean / p99 / max ms):');
    for (const s of result.stages) console.log(`    ${s.stage.padEnd(8)} ${f(s.meanMs, 3).padStart(8)} ${f(s.p99Ms, 2).padStart(8)} ${f(s.maxMs, 1).padStart(8)}   (${s.count})`);
  }
  if (result.scoring !== null) {
    const { atLoadEnd: end, caughtUpMs, final } = result.scoring;
    const c = final.card;
    const n = (x: number | null): string => (x === null ? '–' : f(x, 0));
    console.log(
      `  scoring         ${final.workers} worker${final.workers === 1 ? '' : 's'}   ${end.waiting + end.running} waiting at the load's end (bound ${final.bound}, peak ${final.peakWaiting})   ` +
        (caughtUpMs === null ? `${final.waiting + final.running} still waiting after 60 s (left to the records at shutdown)` : `caught up ${f(caughtUpMs / 1000, 1)} s after the load`),
    );
    console.log(`  decision → card ms   p50 ${n(c.p50)}   p95 ${n(c.p95)}   p99 ${n(c.p99)}   max ${n(c.max)}   (${final.scored} scored, ${final.failed} failed)`);
  }
  if (result.soak !== null) {
    const s = result.soak;
    console.log(`  soak ${s.minutes} min    heap ${f(s.heapStartMb)} → ${f(s.heapEndMb)} MB (${f(s.growthPercent)}%)`);
  }
  console.log(`  load average    ${f(result.loadAverage[0], 2)} at the start of the load, ${f(result.loadAverage[1], 2)} at its end`);
}

const schema = `bb_load_${randomUUID().replaceAll('-', '')}`;
let env: Record<string, string | undefined> = { DATABASE_URL: undefined };
if (databaseUrl !== undefined) {
  await admin(databaseUrl, `CREATE SCHEMA ${schema}`);
  const url = new URL(databaseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  env = { DATABASE_URL: url.toString() };
}

console.log(
  `Border Bargain load bench · ${options.tables} tables · ${options.rate} actions per seat per second (${f(options.tables * 2 * options.rate, 0)}/s) · ${options.seconds} s · ` +
    `${databaseUrl === undefined ? 'SQLite' : 'PostgreSQL'} · Node ${process.version} · ${cpus().length} cores · load average ${loadavg().map((n) => n.toFixed(2)).join(' ')}`,
);
try {
  const ours = await runLoad(`Border Bargain (${databaseUrl === undefined ? 'SQLite' : 'PostgreSQL'})`, new URL('./load/game-server.ts', import.meta.url), env, openGameTable, { ...options, soakMinutes: options.soak });
  print(ours);
  const bare = await runLoad('bare Colyseus relay room', new URL('./load/relay-server.ts', import.meta.url), {}, openRelayTable, { ...options, soakMinutes: 0 });
  print(bare);
  console.log(
    `\nours / bare: p50 ${f(ours.latency.p50 / bare.latency.p50, 2)}×   p99 ${f(ours.latency.p99 / bare.latency.p99, 2)}×   join ${f(ours.joinMs / bare.joinMs, 2)}×`,
  );
} finally {
  if (databaseUrl !== undefined) await admin(databaseUrl, `DROP SCHEMA ${schema} CASCADE`);
}
process.exit(0);
