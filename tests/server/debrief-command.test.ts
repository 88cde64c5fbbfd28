import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../server/store/open-store.ts';
import { tempDataDir } from './harness.ts';
import { session } from './store-fixtures.ts';

const DEBRIEF = resolve(import.meta.dirname, '../../scripts/debrief.ts');

/** `npm run debrief NAME` against a store of its own; resolves with how it exited and what it said. */
async function debrief(dataDir: string, name: string): Promise<{ code: number; output: string }> {
  try {
    const done = await promisify(execFile)(process.execPath, [DEBRIEF, name, '--out', resolve(dataDir, 'out.pdf')], {
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent' },
    });
    return { code: 0, output: done.stdout + done.stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

describe('the debrief command names a class by its join code or its session id', () => {
  it('refuses a name that is neither, and a code no class has had, saying which and printing nothing', async () => {
    const data = await tempDataDir();
    try {
      const store = await openStore({ dataDir: data.dir, databaseUrl: undefined, log: pino({ level: 'silent' }) });
      await store.createSession(session('s-1', 'ACD347'));
      await store.close();

      const neither = await debrief(data.dir, 'not a code!');
      expect(neither.code).toBe(1);
      expect(neither.output).toContain('"not a code!" is neither a join code (6 letters and digits, such as ACD347) nor a session id in this store.');

      const unknown = await debrief(data.dir, 'cde467');
      expect(unknown.code).toBe(1);
      expect(unknown.output).toContain('No class session in this store has had the join code CDE467.');
    } finally {
      await data.remove();
    }
  });
});
