import { resolve } from 'node:path';
import { startServer } from './app.ts';
import type { ClusterOptions } from './app.ts';
import { lanAddresses, publicUrlFrom } from './http/public-address.ts';
import { trustProxyFrom } from './http/trust-proxy.ts';
import { createLog } from './log.ts';

const DEFAULT_PORT = 2567;

function portFrom(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return DEFAULT_PORT;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${value}"`);
  return port;
}

/** The address to bind: every interface unless the operator names one (say 127.0.0.1 behind a proxy). */
function hostFrom(value: string | undefined): string | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  if (/\s/.test(value.trim())) throw new Error(`HOST must be one address or host name, not "${value}"`);
  return value.trim();
}

/**
 * Several processes (`REDIS_URL`): each names the address its clients reach it at, since a
 * seat reservation sends the browser straight to the process holding the room.
 */
function clusterFrom(redisUrl: string | undefined, publicAddress: string | undefined): ClusterOptions | undefined {
  if (redisUrl === undefined || redisUrl.trim() === '') return undefined;
  const address = publicAddress?.trim() ?? '';
  if (address === '') throw new Error('REDIS_URL needs PUBLIC_ADDRESS: the host[:port][/path] where browsers reach this process');
  if (/\s|^[a-z]+:\/\//i.test(address)) throw new Error(`PUBLIC_ADDRESS is a host[:port][/path] without a scheme, not "${publicAddress}"`);
  return { redisUrl: redisUrl.trim(), publicAddress: address.replace(/\/+$/, '') };
}

/** The least milliseconds between two moves of one bot: a person's pace unless the operator (or a test) sets another. */
function botPaceFrom(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < 0 || ms > 120_000) throw new Error(`BOT_PACE_MS must be whole milliseconds from 0 to 120000, not "${value}"`);
  return ms;
}

const log = createLog(process.env.LOG_LEVEL);
// Data is the operator's (relative to where they start us); scenarios and the built client ship with the code.
const repo = resolve(import.meta.dirname, '..');

try {
  const botPaceMs = botPaceFrom(process.env.BOT_PACE_MS);
  const publicUrl = publicUrlFrom(process.env.PUBLIC_URL);
  const running = await startServer({
    port: portFrom(process.env.PORT),
    host: hostFrom(process.env.HOST),
    publicUrl,
    dataDir: resolve(process.cwd(), process.env.DATA_DIR ?? 'data'),
    scenariosDir: resolve(repo, 'scenarios'),
    distDir: resolve(repo, 'dist'),
    databaseUrl: process.env.DATABASE_URL,
    cluster: clusterFrom(process.env.REDIS_URL, process.env.PUBLIC_ADDRESS),
    ...(botPaceMs === undefined ? {} : { botPaceMs }),
    trustProxy: trustProxyFrom(process.env.TRUST_PROXY),
    log,
  });
  // The one line a teacher reads in the terminal; the JSON log lines are for machines.
  console.log(`Border Bargain is running: ${running.url}`);
  const students = publicUrl ?? lanAddresses().map((ip) => `http://${ip}:${running.port}`)[0];
  if (students !== undefined) console.log(`Students on their own devices open: ${students}`);

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
} catch (error) {
  log.fatal({ err: error }, 'could not start');
  // The reason, readable, for whoever typed npm start (a bad PORT, HOST or PUBLIC_URL).
  console.error(`Border Bargain could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
