import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import type { RunningServer } from '../../server/app.ts';
import { FAST_PLAY, startTestServer, tempDataDir } from './harness.ts';

let server: RunningServer;
let data: Awaited<ReturnType<typeof tempDataDir>>;

// Big enough to be worth compressing (the middleware leaves answers under 1 KB alone).
const PAGE = `<!doctype html><title>Border Bargain</title><main id="app"></main><!--${'the page names its assets. '.repeat(60)}-->`;
const APP_JS = `export const words = ${JSON.stringify('a hashed asset '.repeat(400))};`;
/** The brotli copy the build writes beside it: not the same bytes as any on-the-fly compression would give. */
const APP_JS_BR = brotliCompressSync(APP_JS);
const APP_JS_GZ = gzipSync(APP_JS, { level: 9 });

type Raw = { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer };

/** One request with exactly these headers, the body as it crossed the wire (fetch would decode it). */
function raw(path: string, acceptEncoding: string | null): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}${path}`, { headers: acceptEncoding === null ? {} : { 'accept-encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  data = await tempDataDir();
  const dist = join(data.dir, 'dist');
  await mkdir(join(dist, 'assets'), { recursive: true });
  await writeFile(join(dist, 'index.html'), PAGE);
  await writeFile(join(dist, 'assets', 'app-Hash123.js'), APP_JS);
  await writeFile(join(dist, 'assets', 'app-Hash123.js.br'), APP_JS_BR);
  await writeFile(join(dist, 'assets', 'app-Hash123.js.gz'), APP_JS_GZ);
  await writeFile(join(dist, 'assets', 'plain-Hash456.css'), `main { color: #123; }${' '.repeat(2000)}`);
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
    expect((await fetch(`${server.url}/assets/app-Hash123.js`)).status).toBe(200);
    expect((await fetch(`${server.url}/assets/missing.js`)).status).toBe(404);
  });

  it('never shadows the API', async () => {
    const res = await fetch(`${server.url}/api/health`);
    expect(await res.json()).toEqual({ ok: true });
  });
});

describe('what crosses the wire', () => {
  it('sends the build’s own brotli copy of an asset to a browser that takes brotli, with the type of the original', async () => {
    const res = await raw('/assets/app-Hash123.js', 'gzip, deflate, br, zstd');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(String(res.headers['content-type']).toLowerCase()).toBe('text/javascript; charset=utf-8');
    expect(res.headers.vary).toContain('Accept-Encoding');
    expect(res.body.equals(APP_JS_BR)).toBe(true);
  });

  it('sends the gzip copy to a browser that takes only gzip, and the file itself to one that takes neither', async () => {
    const gzip = await raw('/assets/app-Hash123.js', 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).toString()).toBe(APP_JS);
    const plain = await raw('/assets/app-Hash123.js', null);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(APP_JS);
  });

  it('compresses on the fly what the build did not: an asset without copies, the page at a route, an API answer', async () => {
    const css = await raw('/assets/plain-Hash456.css', 'br');
    expect(css.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(css.body).toString()).toContain('main { color: #123; }');
    const page = await raw('/play/table/2', 'br');
    expect(page.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(page.body).toString()).toBe(PAGE);
    const scenarios = await raw('/api/scenarios', 'gzip');
    expect(scenarios.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(scenarios.body).toString())).toEqual(await (await fetch(`${server.url}/api/scenarios`)).json());
  });
});

describe('what a browser may keep', () => {
  it.each(['/assets/app-Hash123.js', '/assets/plain-Hash456.css'])('keeps the hashed asset %s for a year without asking again', async (path) => {
    for (const encoding of ['br', 'gzip', null]) {
      expect((await raw(path, encoding)).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    }
  });

  it.each(['/', '/?game=abc123', '/index.html', '/play/table/2'])('asks the server again for the page at %s, which names the current assets', async (path) => {
    const res = await raw(path, 'br');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers.etag ?? res.headers['last-modified']).toBeDefined();
  });

  it('answers a page the browser already has with a 304', async () => {
    const first = await raw('/', null);
    const etag = first.headers.etag;
    expect(typeof etag).toBe('string');
    const again = await new Promise<number>((resolve, reject) => {
      const req = request(`${server.url}/`, { headers: { 'if-none-match': String(etag) } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(again).toBe(304);
  });
});

describe('a join link', () => {
  it('tells the browser to fetch its game and scenario while the code loads, from the page and from the address the link names', async () => {
    expect((await raw('/?game=abc123', 'br')).headers.link).toBe('</api/games/abc123/with-scenario>; rel=preload; as=fetch; crossorigin=anonymous');
    expect((await raw('/?lang=es&game=Zx_9-q', null)).headers.link).toBe('</api/games/Zx_9-q/with-scenario>; rel=preload; as=fetch; crossorigin=anonymous');
  });

  it.each(['/', '/?game=', '/?game=a%3Eb', '/?review=abc123&game=abc123', '/assets/app-Hash123.js?game=abc123', '/api/health?game=abc123'])(
    'gives no such hint at %s',
    async (path) => {
      expect((await raw(path, null)).headers.link).toBeUndefined();
    },
  );
});
