import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunningServer } from '../../server/app.ts';
import { FAST_PLAY, startTestServer, tempDataDir } from './harness.ts';

let server: RunningServer;
let data: Awaited<ReturnType<typeof tempDataDir>>;

beforeAll(async () => {
  data = await tempDataDir();
  const dist = join(data.dir, 'dist');
  await mkdir(join(dist, 'assets'), { recursive: true });
  await writeFile(join(dist, 'index.html'), '<!doctype html><title>Border Bargain</title><main id="app"></main>');
  await writeFile(join(dist, 'assets', 'app.js'), 'export {};');
  server = await startTestServer(join(data.dir, 'data'), FAST_PLAY, dist);
});

afterAll(async () => {
  await server?.close();
  await data?.remove();
});

describe('the built client', () => {
  it.each(['/', '/?game=abc123', '/play/table/2'])('is served at %s (the app routes itself)', async (path) => {
    const res = await fetch(`${server.url}${path}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('id="app"');
  });

  it('serves its assets, and a missing asset is a 404 rather than the page', async () => {
    expect((await fetch(`${server.url}/assets/app.js`)).status).toBe(200);
    expect((await fetch(`${server.url}/assets/missing.js`)).status).toBe(404);
  });

  it('never shadows the API', async () => {
    const res = await fetch(`${server.url}/api/health`);
    expect(await res.json()).toEqual({ ok: true });
  });
});
