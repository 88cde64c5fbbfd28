import { timingSafeEqual } from 'node:crypto';
import express from 'express';
import { z } from 'zod';
import type { Request, Response, Router } from 'express';
import type { Logger } from 'pino';
import { decisionRows, gradebook, studentRows } from '../../shared/review/exports.ts';
import { Locale } from '../../shared/scenario/schema.ts';
import { DECISION_COLUMNS, STUDENT_COLUMNS } from '../../shared/review/schemas.ts';
import type { SessionReview } from '../../shared/review/schemas.ts';
import type { Scenario } from '../../shared/scenario/schema.ts';
import { loadClassTables, loadRoster, loadWhatIfs } from '../review/class-tables.ts';
import { toCsv } from '../review/csv.ts';
import { referenceOutcomesFor } from '../review/reference-outcomes.ts';
import { sessionComparison } from '../review/session-comparison.ts';
import type { ScenarioCatalogue } from '../scenarios/catalogue.ts';
import type { Scorer } from '../scoring/scorer.ts';
import type { GameStore, StoredSession } from '../store/store.ts';
import { sendError } from './http-error.ts';
import type { ReplayCache } from './replay-cache.ts';
import { authorised, forbidden } from './sessions.ts';

export type SessionReviewDeps = {
  store: GameStore;
  catalogue: ScenarioCatalogue;
  scorer: Scorer;
  log: Logger;
  /** Replays shared with the game review routes. */
  replays: ReplayCache;
  /**
   * A key that opens every session's review, for a process of our own that holds no
   * session secret (the debrief printer); absent on a serving server.
   */
  trustedKey?: string;
};

/** What the records export holds: every table's whole record, for research or an archive. */
export type SessionRecords = { sessionId: string; scenarioId: string; tables: { table: string; gameId: string; record: unknown }[] };

/**
 * A class session after (or during) play, for its instructor: the comparison of its
 * tables and the files to take away (decisions and students as CSV, records as JSON).
 */
export function sessionReviewRoutes(deps: SessionReviewDeps): Router {
  const { store, log } = deps;
  const router = express.Router();
  const tablesOf = (scenario: Scenario, session: StoredSession) => loadClassTables(deps, scenario, session.sessionId);

  router.get('/sessions/:id/review', async (req, res) => {
    const found = await instructorsSession(deps, req, res);
    if (found === null) return;
    const { session, scenario } = found;
    const [tables, references] = await Promise.all([tablesOf(scenario, session), referenceOutcomesFor(scenario)]);
    const review: SessionReview = await sessionComparison(store, deps.replays, scenario, session, tables, references);
    noStore(res);
    res.json(review);
  });

  /** Every game the exports cover: the class's tables, then the what-ifs forked from them. */
  const exportOf = async (scenario: Scenario, session: StoredSession) => {
    const tables = await tablesOf(scenario, session);
    return { tables: [...tables, ...(await loadWhatIfs(deps, scenario, tables))], roster: await loadRoster(store, session.sessionId) };
  };

  router.get('/sessions/:id/export/decisions.csv', async (req, res) => {
    const found = await instructorsSession(deps, req, res);
    if (found === null) return;
    const lang = exportLocale(req, res);
    if (lang === null) return;
    const { tables, roster } = await exportOf(found.scenario, found.session);
    const rows = decisionRows(found.scenario, tables, roster, lang);
    sendFile(res, `border-bargain-${found.session.code}-decisions.csv`, 'text/csv; charset=utf-8', toCsv(DECISION_COLUMNS, rows));
  });

  router.get('/sessions/:id/export/students.csv', async (req, res) => {
    const found = await instructorsSession(deps, req, res);
    if (found === null) return;
    const lang = exportLocale(req, res);
    if (lang === null) return;
    const { tables, roster } = await exportOf(found.scenario, found.session);
    const rows = studentRows(found.scenario, tables, roster, lang);
    sendFile(res, `border-bargain-${found.session.code}-students.csv`, 'text/csv; charset=utf-8', toCsv(STUDENT_COLUMNS, rows));
  });

  router.get('/sessions/:id/export/gradebook.csv', async (req, res) => {
    const found = await instructorsSession(deps, req, res);
    if (found === null) return;
    const { tables, roster } = await exportOf(found.scenario, found.session);
    const book = gradebook(found.scenario, tables, roster, found.session.code);
    sendFile(res, `border-bargain-${found.session.code}-gradebook.csv`, 'text/csv; charset=utf-8', toCsv(book.columns, book.rows));
  });

  router.get('/sessions/:id/export/records.json', async (req, res) => {
    const found = await instructorsSession(deps, req, res);
    if (found === null) return;
    const { session } = found;
    const tables: SessionRecords['tables'] = [];
    for (const t of (await store.loadSessionTables(session.sessionId)).sort((a, b) => a.table.localeCompare(b.table, 'en', { numeric: true }))) {
      const record = await store.loadRecord(t.gameId);
      if (record !== null) tables.push({ table: t.table, gameId: t.gameId, record });
    }
    const records: SessionRecords = { sessionId: session.sessionId, scenarioId: session.config.scenarioId, tables };
    log.info({ sessionId: session.sessionId, tables: tables.length }, 'session records exported');
    sendFile(res, `border-bargain-${session.code}-records.json`, 'application/json; charset=utf-8', JSON.stringify(records));
  });

  return router;
}

/**
 * The session named in the path and its scenario, when the request carries the session's
 * secret (or the trusted key); otherwise the answer has been sent and this is null.
 */
async function instructorsSession(deps: SessionReviewDeps, req: Request, res: Response): Promise<{ session: StoredSession; scenario: Scenario } | null> {
  const session = isTrusted(deps.trustedKey, req) ? await deps.store.loadSession(String(req.params.id).slice(0, 40)) : await authorised(deps.store, req);
  if (session === null) {
    forbidden(res);
    return null;
  }
  const scenario = deps.catalogue.get(session.config.scenarioId);
  if (scenario === undefined) {
    sendError(res, 404, { code: 'scenario/unknown', message: `The scenario "${session.config.scenarioId}" of this session is not on this server.` });
    return null;
  }
  return { session, scenario };
}

/** `?lang=es` words the files in Spanish, `?lang=en` (or none) in English; anything else is answered with a 400 and no file. */
function exportLocale(req: Request, res: Response): Locale | null {
  const lang = ExportQuery.safeParse(req.query);
  if (lang.success) return lang.data.lang;
  sendError(res, 400, { code: 'query/invalid', message: 'lang must be "en" or "es".' });
  return null;
}

const ExportQuery = z.object({ lang: Locale.default('en') }).loose();

function isTrusted(key: string | undefined, req: Request): boolean {
  if (key === undefined || key === '') return false;
  const bearer = /^Bearer (\S{1,200})$/.exec(req.get('authorization') ?? '')?.[1];
  if (bearer === undefined) return false;
  const given = Buffer.from(bearer);
  const wanted = Buffer.from(key);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

/** Student names and scores: no cache on the way may keep a copy. */
function noStore(res: Response): void {
  res.setHeader('Cache-Control', 'no-store');
}

function sendFile(res: Response, filename: string, type: string, body: string): void {
  noStore(res);
  res.setHeader('Content-Type', type);
  res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  res.send(body);
}
