import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { tempDataDir } from './harness.ts';

const MAIN = resolve(import.meta.dirname, '../../server/main.ts');

describe('the server process', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('prints where it runs, serves, and exits 0 on %s', async (signal) => {
    const data = await tempDataDir();
    const child = spawn(process.execPath, [MAIN], {
      env: { ...process.env, PORT: '0', DATA_DIR: data.dir, DATABASE_URL: '', LOG_LEVEL: 'silent' },
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
});
