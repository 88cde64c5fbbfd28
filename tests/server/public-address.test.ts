import { request } from 'node:http';
import { join, resolve } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServerAddress } from '../../shared/server-address.ts';
import { startServer, type RunningServer } from '../../server/app.ts';
import { lanAddresses } from '../../server/http/public-address.ts';
import { tempDataDir } from './harness.ts';
import { startServerProcess } from './server-process.ts';

const ROOT = resolve(import.meta.dirname, '../..');

/** GET /api/address as a browser that typed `host` would ask it. */
function addressAsked(port: number, host: string): Promise<ServerAddress> {
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port, path: '/api/address', headers: { host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => {
        try {
          done(ServerAddress.parse(JSON.parse(body)));
        } catch (error) {
          fail(error);
        }
      });
    });
    req.on('error', fail);
    req.end();
  });
}

describe('the address the server tells students', () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>;
  let plain: RunningServer;
  let configured: RunningServer;
  beforeAll(async () => {
    data = await tempDataDir();
    const options = { port: 0, host: '127.0.0.1', scenariosDir: join(ROOT, 'scenarios'), distDir: join(data.dir, 'no-dist'), log: pino({ level: 'silent' }) };
    plain = await startServer({ ...options, dataDir: join(data.dir, 'plain') });
    configured = await startServer({ ...options, dataDir: join(data.dir, 'configured'), publicUrl: 'https://bargain.school.edu' });
  });
  afterAll(async () => {
    await Promise.all([plain?.close(), configured?.close()]);
    await data?.remove();
  });

  it('is PUBLIC_URL when the operator set it', async () => {
    expect(await addressAsked(configured.port, `localhost:${configured.port}`)).toEqual({ joinBase: 'https://bargain.school.edu', others: [], source: 'configured' });
  });

  it('is the network address the instructor came by', async () => {
    const lan = lanAddresses().map((ip) => `http://${ip}:${plain.port}`);
    expect(await addressAsked(plain.port, '10.9.8.7:4000')).toEqual({ joinBase: 'http://10.9.8.7:4000', others: lan, source: 'request' });
  });

  it('is never localhost while the machine has a network address', async () => {
    const lan = lanAddresses().map((ip) => `http://${ip}:${plain.port}`);
    const [first, ...rest] = lan;
    const expected = first === undefined ? { joinBase: `http://localhost:${plain.port}`, others: [], source: 'local' } : { joinBase: first, others: rest, source: 'lan' };
    expect(await addressAsked(plain.port, `localhost:${plain.port}`)).toEqual(expected);
  });

  it('refuses to start with a PUBLIC_URL that is not an address, and says why', async () => {
    const run = await tempDataDir();
    try {
      await expect(startServerProcess({ DATA_DIR: run.dir, PUBLIC_URL: 'bargain.school.edu', LOG_LEVEL: 'fatal' })).rejects.toThrow(/PUBLIC_URL must be an http:\/\/ or https:\/\/ address/);
    } finally {
      await run.remove();
    }
  });
});
