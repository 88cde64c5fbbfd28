// The production server (startServer, as server/main.ts starts it) in a process of its own,
// reporting its CPU, memory and a move's path to the load bench over IPC. One difference:
// creation limits are lifted, since one bench address opens every table.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServer } from '../../server/app.ts';
import { createLog } from '../../server/log.ts';
import { answerBench } from './child-stats.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const UNLIMITED = { attempts: 1_000_000, windowMs: 1000 };

const dataDir = await mkdtemp(join(tmpdir(), 'border-bargain-load-'));
const running = await startServer({
  port: 0,
  host: '127.0.0.1',
  dataDir,
  scenariosDir: join(ROOT, 'scenarios'),
  distDir: join(dataDir, 'no-dist'),
  databaseUrl: process.env.DATABASE_URL,
  log: createLog(process.env.LOG_LEVEL ?? 'info'),
  creationLimits: { games: { perAddress: UNLIMITED, overall: UNLIMITED }, sessions: { perAddress: UNLIMITED, overall: UNLIMITED } },
});
answerBench(running.port, () => running.close(), () => running.scorer.figures());
