import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { tempDataDir } from './harness.ts';
import { startServerProcess } from './server-process.ts';

const MAIN = resolve(import.meta.dirname, '../../server/main.ts');

describe('the server process', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('prints where it runs, serves, and exits 0 on %s', async (signal) => {
    const data = await tempDataDir();
    const child = spawn(process.execPath, [MAIN], {
      env: { ...process.env, PORT: '0', DATA_DIR: data.dir, DATABASE_URL: '', REDIS_URL: '', LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      const lines = createInterface({ input: child.stdout });
      const [line] = (await once(lines, 'line')) as [string];
      const match = /^Border Bargain is running: (http:\/\/localhost:(\d+))$/.exec(line);
      expect(match?.[2]).not.toBe('0');
      const res = await fetch(`${match?.[1]}/api/health`);
      expect(await res.json()).toEqual({ ok: true });

      const exited = once(child, 'exit');
      child.kill(signal);
      const [code] = (await exited) as [number | null];
      expect(code).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await data.remove();
    }
  });

  it('listens on every interface by default, and on the one address HOST names', async () => {
    const data = await tempDataDir();
    const everywhere = await startServerProcess({ DATA_DIR: data.dir });
    const bound = await startServerProcess({ DATA_DIR: data.dir + '-bound', HOST: '127.0.0.1' });
    try {
      // All of 127.0.0.0/8 is this machine: a server on every interface answers 127.0.0.2 too.
      expect((await fetch(`http://127.0.0.2:${everywhere.port}/api/health`)).status).toBe(200);
      expect((await fetch(`http://127.0.0.1:${bound.port}/api/health`)).status).toBe(200);
      await expect(fetch(`http://127.0.0.2:${bound.port}/api/health`)).rejects.toThrow();
    } finally {
      await Promise.all([everywhere.stop(), bound.stop()]);
      await data.remove();
      await rm(data.dir + '-bound', { recursive: true, force: true });
    }
  });
});
