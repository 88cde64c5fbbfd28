import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';

const MAIN = resolve(import.meta.dirname, '../../server/main.ts');
const RUNNING = /^Border Bargain is running: (http:\/\/localhost:(\d+))$/;

/** The real server, started the way `npm start` starts it, in a process of its own. */
export type ServerProcess = {
  url: string;
  port: number;
  child: ChildProcess;
  /** Kills it at once (SIGKILL), as a power cut or the OOM killer would, and waits until it is gone. */
  crash(): Promise<void>;
  /** SIGTERM and wait for the exit: the graceful stop a test cleans up with. */
  stop(): Promise<void>;
};

/**
 * Starts `server/main.ts` on the pinned Node with `env` added to ours (less DATABASE_URL and REDIS_URL), and resolves once it
 * prints the line with its URL. Rejects, with what it wrote on stderr, if it exits first.
 */
export function startServerProcess(env: Record<string, string>, port = 0): Promise<ServerProcess> {
  // The store and the cluster are the caller's choice alone: the test run's own DATABASE_URL and REDIS_URL must not leak in.
  const { DATABASE_URL: _database, REDIS_URL: _redis, ...inherited } = process.env;
  const child = spawn(process.execPath, [MAIN], {
    env: { ...inherited, LOG_LEVEL: 'silent', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => (stderr += chunk));

  const gone = async (signal: NodeJS.Signals): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill(signal);
    await exited;
  };

  return new Promise((resolveStart, rejectStart) => {
    const lines = createInterface({ input: child.stdout });
    const onExit = (code: number | null, signal: string | null) =>
      rejectStart(new Error(`the server exited (${code ?? signal}) before it was running:\n${stderr}`));
    child.once('exit', onExit);
    lines.on('line', (line) => {
      const match = RUNNING.exec(line);
      if (match?.[1] === undefined || match[2] === undefined) return;
      child.off('exit', onExit);
      resolveStart({ url: match[1], port: Number(match[2]), child, crash: () => gone('SIGKILL'), stop: () => gone('SIGTERM') });
    });
  });
}
