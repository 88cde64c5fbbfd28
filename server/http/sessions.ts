import { matchMaker } from '@colyseus/core';
import express from 'express';
import type { Request, Response, Router } from 'express';
import type { Logger } from 'pino';
import { projectorBoard } from '../../shared/projector.ts';
import { CreateSessionBody, JoinCode, JoinSessionBody, SchoolIdBody, SessionControl } from '../../shared/session.ts';
import type { CreatedSession, JoinedSession, SessionView } from '../../shared/session.ts';
import type { ClassList } from '../../shared/class-list.ts';
import type { ServerAddress } from '../../shared/server-address.ts';
import { hashSeatToken, mintSeatToken } from '../rooms/seat-token.ts';
import type { SessionRoom } from '../rooms/session-room.ts';
import { storedStanding } from '../rooms/table-dashboard.ts';
import type { ScenarioCatalogue } from '../scenarios/catalogue.ts';
import type { ClassAnswer } from '../sessions/classroom.ts';
import { hashSecret, mintJoinCode, mintSecret, newId, secretMatches } from '../sessions/credentials.ts';
import type { GameStore, StoredSession } from '../store/store.ts';
import { AddressLimit, clientAddress, type JoinLimits } from './address-limit.ts';
import type { CreationLimit } from './creation-limit.ts';
import { badBody, sendError } from './http-error.ts';
import { addressFor, lanAddresses } from './public-address.ts';

export type SessionApiDeps = {
  store: GameStore;
  catalogue: ScenarioCatalogue;
  log: Logger;
  /** Opens the live room of a stored session. */
  openSession: (sessionId: string) => Promise<void>;
  joinLimits: JoinLimits;
  creations: CreationLimit;
  /** PUBLIC_URL: where students reach this server, when the operator says. */
  publicUrl?: string | undefined;
};

/** Codes are drawn until one is free among live sessions; a handful of draws is already astronomically unlucky. */
const CODE_DRAWS = 20;

/**
 * Class sessions over HTTP: an instructor creates one and steers it with its secret;
 * students join by code. The live work is done by the session's room, reached through
 * `matchMaker.remoteRoomCall` so it runs in that room's queue (on whichever process holds it).
 */
export function sessionRoutes(deps: SessionApiDeps): Router {
  const { store, catalogue, log } = deps;
  const router = express.Router();
  const misses = new AddressLimit(deps.joinLimits.misses);

  // Where students on their own devices reach this server: shown with the code and the QR code.
  router.get('/address', (req, res) => {
    const address: ServerAddress = addressFor({
      publicUrl: deps.publicUrl,
      requested: { protocol: req.protocol, host: req.get('host') ?? '' },
      lan: lanAddresses(),
      port: req.socket.localPort ?? 0,
    });
    res.json(address);
  });

  router.post('/sessions', async (req, res) => {
    const body = CreateSessionBody.safeParse(req.body);
    if (!body.success) return badBody(res, body.error);
    const scenario = catalogue.get(body.data.scenarioId);
    if (scenario === undefined) {
      return sendError(res, 404, { code: 'scenario/unknown', message: `No scenario "${body.data.scenarioId}" on this server.` });
    }
    if (!deps.creations.admit(req, res)) return;
    const code = await freeCode(store);
    if (code === null) return sendError(res, 503, { code: 'session/no-code', message: 'No join code is free right now; try again.' });
    const sessionId = newId();
    const secret = mintSecret();
    await store.createSession({ sessionId, code, secretHash: hashSecret(secret), config: body.data, createdAt: Date.now() });
    await deps.openSession(sessionId);
    log.info({ sessionId, scenarioId: scenario.id, assignment: body.data.assignment }, 'session created');
    const created: CreatedSession = { sessionId, code, joinUrl: `/?code=${code}`, instructorUrl: `/?session=${sessionId}#secret=${secret}` };
    res.status(201).json(created);
  });

  router.post('/sessions/join', async (req, res) => {
    const address = clientAddress(req);
    const now = Date.now();
    if (misses.spent(address, now)) {
      res.setHeader('Retry-After', String(misses.retryAfter(address, now)));
      return sendError(res, 429, { code: 'rate/limited', message: 'Too many attempts to join from this address: wait a minute and try again.' });
    }
    const body = JoinSessionBody.safeParse(req.body);
    if (!body.success) return badBody(res, body.error);
    const session = await store.findLiveSession(body.data.code);
    if (session === null) {
      misses.allow(address, now);
      return sendError(res, 404, { code: 'session/unknown', message: 'No class is running with that code: check it with your instructor.' });
    }
    const studentToken = mintSeatToken();
    const answer = await callSession<{ studentId: string }>(session.sessionId, 'admit', [body.data.name, hashSeatToken(studentToken)]);
    if (!answer.ok) return sendError(res, answer.status, { code: answer.code, message: answer.message });
    const schoolId = body.data.schoolId ?? null;
    if (schoolId !== null) await store.setSchoolId(session.sessionId, answer.value.studentId, schoolId);
    const joined: JoinedSession = { sessionId: session.sessionId, studentId: answer.value.studentId, studentToken };
    res.status(201).json(joined);
  });

  // The projector's view of a class, by its join code: no names and no secrets, so no key either.
  // Unknown codes count against the same per-address limit as wrong codes at join.
  router.get('/sessions/code/:code/board', async (req, res) => {
    const address = clientAddress(req);
    const now = Date.now();
    if (misses.spent(address, now)) {
      res.setHeader('Retry-After', String(misses.retryAfter(address, now)));
      return sendError(res, 429, { code: 'rate/limited', message: 'Too many wrong codes from this address: wait a minute and try again.' });
    }
    const code = JoinCode.safeParse(req.params.code);
    if (!code.success) return sendError(res, 400, { code: 'code/invalid', message: 'A class code has 6 letters and digits, such as ACD347.' });
    const session = await store.findLiveSession(code.data);
    const view = session === null ? null : await sessionView(session.sessionId);
    if (view === null) {
      misses.allow(address, now);
      return sendError(res, 404, { code: 'session/unknown', message: 'No class is running with that code.' });
    }
    res.setHeader('Cache-Control', 'no-store');
    res.json(projectorBoard(view));
  });

  router.post('/sessions/:id/control', async (req, res) => {
    const session = await authorised(store, req);
    if (session === null) return forbidden(res);
    const control = SessionControl.safeParse(req.body);
    if (!control.success) return badBody(res, control.error);
    const answer = await callSession(session.sessionId, 'control', [control.data]);
    if (!answer.ok) return sendError(res, answer.status, { code: answer.code, message: answer.message });
    log.info({ sessionId: session.sessionId, control: control.data.type }, 'instructor control');
    res.json(answer.value);
  });

  router.get('/sessions/:id/students', async (req, res) => {
    const session = await authorised(store, req);
    if (session === null) return forbidden(res);
    const students: ClassList = (await store.loadStudents(session.sessionId)).map((s) => ({ studentId: s.studentId, name: s.name, schoolId: s.schoolId }));
    res.setHeader('Cache-Control', 'no-store');
    res.json(students);
  });

  router.put('/sessions/:id/students/:studentId/school-id', async (req, res) => {
    const session = await authorised(store, req);
    if (session === null) return forbidden(res);
    const body = SchoolIdBody.safeParse(req.body);
    if (!body.success) return badBody(res, body.error);
    const studentId = String(req.params.studentId).slice(0, 40);
    const students = await store.loadStudents(session.sessionId);
    if (!students.some((s) => s.studentId === studentId)) {
      return sendError(res, 404, { code: 'student/unknown', message: 'No student with that id in this class.' });
    }
    await store.setSchoolId(session.sessionId, studentId, body.data.schoolId);
    log.info({ sessionId: session.sessionId, studentId }, 'student id set by the instructor');
    res.json({ studentId, schoolId: body.data.schoolId });
  });

  router.get('/sessions/:id', async (req, res) => {
    const session = await authorised(store, req);
    if (session === null) return forbidden(res);
    try {
      const view: SessionView = await matchMaker.remoteRoomCall<SessionRoom>(session.sessionId, 'view', []);
      res.json(view);
    } catch {
      res.json(await storedView(store, catalogue, session));
    }
  });

  return router;
}

/** The live view of a session, from its room (on whichever process holds it); null if the room is gone. */
async function sessionView(sessionId: string): Promise<SessionView | null> {
  try {
    return await matchMaker.remoteRoomCall<SessionRoom>(sessionId, 'view', []);
  } catch {
    return null;
  }
}

/** A code no live session uses; null if none was found in a few draws. */
async function freeCode(store: GameStore): Promise<string | null> {
  for (let i = 0; i < CODE_DRAWS; i++) {
    const code = mintJoinCode();
    if ((await store.findLiveSession(code)) === null) return code;
  }
  return null;
}

/**
 * The session named in the path, if the request carries its secret. An unknown session
 * and a wrong secret get the same answer, so neither can be told from the other.
 */
export async function authorised(store: GameStore, req: Request): Promise<StoredSession | null> {
  const header = req.get('authorization') ?? '';
  const match = /^Bearer (\S{1,200})$/.exec(header);
  const id = req.params.id;
  if (match === null || typeof id !== 'string' || id.length > 40) return null;
  const session = await store.loadSession(id);
  const secret = match[1] ?? '';
  // Hash and compare even for an unknown session, so the answer takes as long either way.
  const matches = secretMatches(secret, session?.secretHash ?? hashSecret(''));
  return session !== null && matches ? session : null;
}

export function forbidden(res: Response): void {
  sendError(res, 403, { code: 'session/forbidden', message: 'This needs the session’s instructor link (its secret).' });
}

async function callSession<T>(sessionId: string, method: 'admit' | 'control', args: unknown[]): Promise<ClassAnswer<T>> {
  try {
    return await matchMaker.remoteRoomCall<SessionRoom>(sessionId, method, args);
  } catch {
    return { ok: false, status: 410, code: 'session/ended', message: 'This class session is over.' };
  }
}

/** A session whose room has closed (it ended): the roster and tables as stored, each table's record replayed once. */
async function storedView(store: GameStore, catalogue: ScenarioCatalogue, session: StoredSession): Promise<SessionView> {
  const scenario = catalogue.get(session.config.scenarioId);
  const students = await store.loadStudents(session.sessionId);
  const tables = await store.loadSessionTables(session.sessionId);
  return {
    sessionId: session.sessionId,
    code: session.code,
    scenarioId: session.config.scenarioId,
    phase: session.phase,
    roster: students.map((s) => ({ studentId: s.studentId, name: s.name, table: s.table, seat: s.seat, connected: false })),
    // Its room closed, the session has ended: there is no start to plan.
    startPlan: null,
    tables: await Promise.all(
      tables.map(async (t) => {
        const bots = await store.loadSeatBots(t.gameId);
        const seatIds = [...new Set([...students.flatMap((s) => (s.table === t.table && s.seat !== null ? [s.seat] : [])), ...Object.keys(bots)])];
        const seats = Object.fromEntries(
          seatIds.map((seat) => [seat, { students: students.filter((s) => s.table === t.table && s.seat === seat).map((s) => s.studentId), bot: bots[seat] ?? null }]),
        );
        const summary = { table: t.table, gameId: t.gameId, paused: false, deadline: null, seats };
        const standing = scenario === undefined ? null : await storedStanding(store, scenario, t.gameId);
        if (standing !== null) return { ...summary, ...standing };
        return { ...summary, round: 0, phase: t.finished ? 'ended' : 'unknown', indicators: {}, scores: {}, events: [], waitingOn: [], lastActive: {}, latest: [] };
      }),
    ),
  };
}
