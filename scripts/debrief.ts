// `npm run debrief CODE|SESSION [--out FILE] [--lang en|es]`: prints a class session's debrief
// to PDF. It reads the same store as the server (DATA_DIR / DATABASE_URL), serves the
// built client and the review API on a private port, and has headless Chromium print
// the debrief page once the page says everything is drawn. It opens no game room, so
// it can run beside a server that is teaching on the same database.
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import express from 'express';
import type { NextFunction, Request, Response } from 'express';
import { publicScenario } from '../shared/scenario/public.ts';
import { serveClient } from '../server/http/client-files.ts';
import { CreationLimit, DEFAULT_CREATION_LIMITS } from '../server/http/creation-limit.ts';
import { sendError } from '../server/http/http-error.ts';
import { ReplayCache } from '../server/http/replay-cache.ts';
import { reviewRoutes } from '../server/http/review.ts';
import { sessionReviewRoutes } from '../server/http/session-review.ts';
import { createLog } from '../server/log.ts';
import { loadCatalogue } from '../server/scenarios/catalogue.ts';
import { createScorer } from '../server/scoring/scorer.ts';
import { openStore } from '../server/store/open-store.ts';
import type { GameStore, StoredSession } from '../server/store/store.ts';
import { JoinCode } from '../shared/session.ts';
import { chromiumArgs, findChromium } from './chromium.ts';
import { ensureClientBuilt } from './client-build.ts';

const root = path.resolve(import.meta.dirname, '..');
/** The page draws every table's charts; a large class on a slow machine still finishes well within this. */
const READY_TIMEOUT_MS = 60_000;
const LANGUAGES = ['en', 'es'] as const;
type Language = (typeof LANGUAGES)[number];
/** Where the client keeps the reader's language (client/i18n). */
const LOCALE_KEY = 'border-bargain:locale';

const USAGE = 'usage: npm run debrief CODE|SESSION [--out FILE] [--lang en|es]   (CODE: the class\'s join code; SESSION: the id after "session=" in the instructor link)';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const args = (() => {
  try {
    return parseArgs({ allowPositionals: true, options: { out: { type: 'string', short: 'o' }, lang: { type: 'string', default: 'en' } } });
  } catch (error) {
    return fail(`${(error as Error).message}\n${USAGE}`);
  }
})();
const named = args.positionals[0];
if (named === undefined || args.positionals.length > 1) fail(USAGE);
const lang = args.values.lang;
if (!LANGUAGES.includes(lang as Language)) fail(`--lang must be en or es, not "${lang}".\n${USAGE}`);
// npm runs scripts from the package folder; a relative --out is meant from where the command was typed.
const typedIn = process.env.INIT_CWD ?? process.cwd();

const log = createLog(process.env.LOG_LEVEL ?? 'warn');
// The same place server/main.ts keeps the games.
const store = await openStore({ dataDir: path.resolve(process.cwd(), process.env.DATA_DIR ?? 'data'), databaseUrl: process.env.DATABASE_URL, log: log.child({ component: 'store' }) });
const scorer = createScorer(log.child({ component: 'scoring' }));
const closers: (() => Promise<void>)[] = [() => store.close(), () => scorer.close()];

async function closeAll(): Promise<void> {
  for (const close of closers.reverse()) {
    try {
      await close();
    } catch (error) {
      log.warn({ err: error }, 'could not close cleanly');
    }
  }
}

try {
  const session = await sessionNamed(store, named);
  const out = path.resolve(typedIn, args.values.out ?? `debrief-${session.code}.pdf`);
  if ((await ensureClientBuilt()) === 'absent') throw new Error('There is no web client (client/index.html) to print the debrief with.');
  const catalogue = await loadCatalogue(path.join(root, 'scenarios'), log);

  // Opens every session's review for this process alone; it dies with it.
  const trustedKey = randomBytes(24).toString('base64url');
  const app = express();
  app.disable('x-powered-by');
  const api = express.Router();
  api.get('/scenarios/:id', (req, res) => {
    const scenario = catalogue.get(req.params.id);
    if (scenario === undefined) return sendError(res, 404, { code: 'scenario/unknown', message: `No scenario "${req.params.id.slice(0, 40)}".` });
    res.json(publicScenario(scenario));
  });
  const openRoom = (): Promise<void> => Promise.reject(new Error('the debrief printer plays no games'));
  const replays = new ReplayCache();
  const forks = new CreationLimit(DEFAULT_CREATION_LIMITS.games, 'games');
  api.use(reviewRoutes({ store, catalogue, scorer, log, openRoom, trustedKey, replays, forks }));
  api.use(sessionReviewRoutes({ store, catalogue, scorer, log, trustedKey, replays }));
  api.use((req, res) => sendError(res, 404, { code: 'route/unknown', message: `No API route ${req.method} ${req.baseUrl}${req.path} here.` }));
  api.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    log.error({ err: error }, 'a debrief request failed');
    sendError(res, 500, { code: 'server/error', message: 'The debrief could not read this.' });
  });
  app.use('/api', api);
  serveClient(app, path.join(root, 'dist'));
  const http = createServer(app);
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise<void>((resolve) => http.close(() => resolve())));
  const base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;

  const browser = await chromium.launch({ executablePath: await findChromium(), args: [...chromiumArgs], headless: true });
  closers.push(() => browser.close());
  const context = await browser.newContext({ locale: lang === 'es' ? 'es-MX' : 'en-US' });
  await context.addInitScript(([key, value]) => window.localStorage.setItem(key, value), [LOCALE_KEY, lang] as const);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });

  console.log(`Printing the debrief of session ${session.code} (${lang})…`);
  await page.goto(`${base}/?session=${encodeURIComponent(session.sessionId)}&debrief#secret=${trustedKey}`);
  try {
    await page.waitForFunction(() => document.body.dataset.debriefReady === 'true' || document.body.dataset.debriefReady === 'error', null, { timeout: READY_TIMEOUT_MS });
  } catch {
    throw new Error(`The debrief page was not ready after ${READY_TIMEOUT_MS / 1000} s.${problems.length > 0 ? ` The page reported: ${problems.join(' | ')}` : ''}`);
  }
  if ((await page.evaluate(() => document.body.dataset.debriefReady)) === 'error') {
    const shown = (await page.locator('[role="alert"]').allInnerTexts()).join(' ').trim();
    throw new Error(`The debrief page could not be built: ${shown || problems.join(' | ') || 'no reason given'}`);
  }
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  await writeFile(out, pdf);
  console.log(`Wrote ${out} (${pageCount(pdf)} pages).`);
} catch (error) {
  await closeAll();
  fail((error as Error).message);
}
await closeAll();

/**
 * The session a join code or a session id names. A code is free again once its class ends,
 * so it can have named several: the newest is printed, and the others are listed by id.
 */
async function sessionNamed(from: GameStore, name: string): Promise<StoredSession> {
  const byId = await from.loadSession(name);
  if (byId !== null) return byId;
  const code = JoinCode.safeParse(name);
  if (!code.success) {
    throw new Error(`"${name}" is neither a join code (6 letters and digits, such as ACD347) nor a session id in this store.\n${USAGE}`);
  }
  const [newest, ...older] = await from.findSessionsByCode(code.data);
  if (newest === undefined) throw new Error(`No class session in this store has had the join code ${code.data}.`);
  if (older.length > 0) {
    const others = older.map((s) => `${s.sessionId} (${new Date(s.createdAt).toISOString().slice(0, 16).replace('T', ' ')} UTC)`).join(', ');
    console.log(`The code ${code.data} named ${older.length + 1} classes: printing the newest. For an older one, give its session id: ${others}.`);
  }
  return newest;
}

/** Chromium writes each page as an uncompressed `/Type /Page` object. */
function pageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
}
