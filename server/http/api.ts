import { randomBytes, randomInt } from 'node:crypto';
import express from 'express';
import type { Application, NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { CreateGameBody } from '../../shared/protocol.ts';
import type { CardsMessage, CreatedGame, GameAndScenario, GameSummary } from '../../shared/protocol.ts';
import type { Scenario } from '../../shared/scenario/schema.ts';
import { publicScenario } from '../../shared/scenario/public.ts';
import { playerView, replay } from '../../shared/rules/index.ts';
import type { ScenarioCatalogue } from '../scenarios/catalogue.ts';
import { completeCards } from '../scoring/record-decisions.ts';
import type { Scorer } from '../scoring/scorer.ts';
import type { GameStore } from '../store/store.ts';
import type { JoinLimits } from './address-limit.ts';
import { CreationLimit } from './creation-limit.ts';
import type { CreationLimits } from './creation-limit.ts';
import { badBody, sendError } from './http-error.ts';
import { ReplayCache } from './replay-cache.ts';
import { secretsOpen } from './review-access.ts';
import { reviewRoutes } from './review.ts';
import { sessionReviewRoutes } from './session-review.ts';
import { practiceRoutes } from './practice.ts';
import { sessionRoutes } from './sessions.ts';

export type ApiDeps = {
  store: GameStore;
  catalogue: ScenarioCatalogue;
  log: Logger;
  scorer: Scorer;
  /** Opens the live room of a stored game. */
  openRoom: (gameId: string) => Promise<void>;
  /** Opens the live room of a stored class session. */
  openSession: (sessionId: string) => Promise<void>;
  joinLimits: JoinLimits;
  creationLimits: CreationLimits;
  /** PUBLIC_URL, where students reach this server. */
  publicUrl?: string | undefined;
};

/** Large enough for any body the API takes; a bigger one is refused before it is parsed. */
const BODY_LIMIT = '16kb';

/** 72 random bits in a URL-safe id: a game cannot be found by guessing. */
function newGameId(): string {
  return randomBytes(9).toString('base64url');
}

/** The HTTP API: scenarios to choose from, games to create and inspect, their records, class sessions. */
export function mountApi(app: Application, deps: ApiDeps): void {
  const { store, catalogue, log } = deps;
  const api = express.Router();
  // Forks are games too: they count against the same windows as games made from scratch.
  const games = new CreationLimit(deps.creationLimits.games, 'games');
  const sessions = new CreationLimit(deps.creationLimits.sessions, 'class sessions');
  // Everything here is JSON; a browser must never sniff a student's name or chat into HTML.
  api.use((_req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    next();
  });
  api.use(express.json({ limit: BODY_LIMIT }));

  api.get('/health', (_req, res) => {
    res.json({ ok: true });
  });

  api.get('/scenarios', (_req, res) => {
    res.json(catalogue.summaries());
  });

  api.get('/scenarios/:id', (req, res) => {
    const scenario = catalogue.get(req.params.id);
    if (scenario === undefined) return sendError(res, 404, { code: 'scenario/unknown', message: `No scenario "${req.params.id.slice(0, 40)}" on this server.` });
    res.json(publicScenario(scenario));
  });

  api.post('/games', async (req, res) => {
    const body = CreateGameBody.safeParse(req.body);
    if (!body.success) return badBody(res, body.error);
    const scenario = catalogue.get(body.data.scenarioId);
    if (scenario === undefined) {
      return sendError(res, 404, { code: 'scenario/unknown', message: `No scenario "${body.data.scenarioId}" on this server.` });
    }
    if (!games.admit(req, res)) return;
    const gameId = newGameId();
    await store.createGame({
      gameId,
      scenarioId: scenario.id,
      scenarioVersion: scenario.version,
      seed: body.data.seed ?? randomInt(0, 2 ** 31 - 1),
      createdAt: Date.now(),
      timers: body.data.timers ?? {},
      cards: body.data.cards ?? 'immediate',
    });
    await deps.openRoom(gameId);
    log.info({ gameId, scenarioId: scenario.id }, 'game created');
    const created: CreatedGame = { gameId, joinUrl: `/?game=${gameId}` };
    res.status(201).json(created);
  });

  /** A game's seats and who holds them, with the scenario it is played from; null for no such game. */
  const summaryOf = async (gameId: string): Promise<{ summary: GameSummary; scenario: Scenario } | null> => {
    const game = await store.loadGame(gameId);
    const record = game === null ? null : await store.loadRecord(game.gameId);
    const scenario = game === null ? undefined : catalogue.get(game.scenarioId);
    if (game === null || record === null || scenario === undefined) return null;
    // The public view: what anyone holding the link may know, no seat's secrets.
    const state = playerView(replay(scenario, record), null);
    // A seat a bot plays (a fork's) is as taken as one a person holds.
    const taken = new Set([...(await store.loadSeats(game.gameId)).map((seat) => seat.seatId), ...Object.keys(await store.loadSeatBots(game.gameId))]);
    const summary: GameSummary = {
      gameId: game.gameId,
      scenarioId: game.scenarioId,
      phase: state.phase,
      round: state.round,
      seats: scenario.seats.map((seat) => ({ id: seat.id, role: seat.role, name: seat.name, taken: taken.has(seat.id) })),
    };
    return { summary, scenario };
  };

  api.get('/games/:id', async (req, res) => {
    const found = await summaryOf(req.params.id);
    if (found === null) return unknownGame(res, req.params.id);
    res.json(found.summary);
  });

  // What a join link opens on, in one round trip: the seats to pick from and the public scenario.
  api.get('/games/:id/with-scenario', async (req, res) => {
    const found = await summaryOf(req.params.id);
    if (found === null) return unknownGame(res, req.params.id);
    const answer: GameAndScenario = { game: found.summary, scenario: publicScenario(found.scenario) };
    res.json(answer);
  });

  api.get('/games/:id/cards', async (req, res) => {
    const game = await store.loadGame(req.params.id);
    const record = game === null ? null : await store.loadRecord(game.gameId);
    const scenario = game === null ? undefined : catalogue.get(game.scenarioId);
    if (game === null || record === null || scenario === undefined) return unknownGame(res, req.params.id);
    // Every seat's cards: during play they would coach one side with the other's position (a fork's, its parent's).
    if (!(await secretsOpen(store, game))) return sendError(res, 403, { code: 'record/in-play', message: 'The cards open when the game has ended.' });
    const cards: CardsMessage = { cards: await completeCards(deps.scorer, store, scenario, record, log.child({ gameId: game.gameId })) };
    res.json(cards);
  });

  api.use(practiceRoutes({ store, catalogue, log, openRoom: deps.openRoom, games }));
  api.use(sessionRoutes({ store, catalogue, log, openSession: deps.openSession, joinLimits: deps.joinLimits, creations: sessions, publicUrl: deps.publicUrl }));
  // One cache of replays for both: the comparison and a replay of the same table read it once.
  const replays = new ReplayCache();
  api.use(reviewRoutes({ store, catalogue, log, scorer: deps.scorer, openRoom: deps.openRoom, replays, forks: games }));
  api.use(sessionReviewRoutes({ store, catalogue, log, scorer: deps.scorer, replays }));

  api.use((req, res) => {
    sendError(res, 404, { code: 'route/unknown', message: `No API route ${req.method} ${req.baseUrl}${req.path}.` });
  });

  // Express 5 hands rejected promises and body-parser failures here: answer in JSON, never with a stack.
  api.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const status = httpStatusOf(error);
    if (status === 400) return sendError(res, 400, { code: 'body/malformed', message: 'The request body is not valid JSON.' });
    if (status === 413) return sendError(res, 413, { code: 'body/too-large', message: `Request bodies are limited to ${BODY_LIMIT}.` });
    if (status === 415) return sendError(res, 415, { code: 'body/unsupported', message: 'Send the body as application/json.' });
    log.error({ err: error }, 'API request failed');
    sendError(res, 500, { code: 'server/error', message: 'The server could not complete this request.' });
  });

  app.use('/api', api);
}

function unknownGame(res: Response, gameId: string): void {
  sendError(res, 404, { code: 'game/unknown', message: `No game "${gameId.slice(0, 40)}".` });
}

function httpStatusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('status' in error)) return undefined;
  return typeof error.status === 'number' ? error.status : undefined;
}
