import express from 'express';
import type { Request, Response, Router } from 'express';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { GameRecord } from '../../shared/record.ts';
import { ForkBody, forkRecord, seatTimeline } from '../../shared/review/index.ts';
import type { CreatedFork, ForkSummary, ReviewData, ReviewFrame } from '../../shared/review/index.ts';
import { playerView } from '../../shared/rules/index.ts';
import type { GameState } from '../../shared/rules/state.ts';
import type { Scenario } from '../../shared/scenario/schema.ts';
import { hashSeatToken, mintSeatToken } from '../rooms/seat-token.ts';
import { botName } from '../rooms/seating.ts';
import type { ScenarioCatalogue } from '../scenarios/catalogue.ts';
import { HeldCards } from '../scoring/held-cards.ts';
import { completeCards } from '../scoring/record-decisions.ts';
import type { Scorer } from '../scoring/scorer.ts';
import { newId } from '../sessions/credentials.ts';
import type { GameStore, StoredGame } from '../store/store.ts';
import type { CreationLimit } from './creation-limit.ts';
import { badBody, sendError } from './http-error.ts';
import { accessOf, bearerOf, type Access } from './review-access.ts';
import { endOf, type ReplayCache } from './replay-cache.ts';
import { forkSummaries, occupantsOf } from '../review/fork-summaries.ts';

export type ReviewDeps = {
  store: GameStore;
  catalogue: ScenarioCatalogue;
  scorer: Scorer;
  log: Logger;
  /** Opens the live room of a stored game: a fork is played as soon as it is made. */
  openRoom: (gameId: string) => Promise<void>;
  /** Replays shared with the class review: a table opened in both is replayed once. */
  replays: ReplayCache;
  /** Forks are games: they count against the games' creation windows. */
  forks: CreationLimit;
  /** A key the server's own tools present for full access to any game (never a person's). */
  trustedKey?: string | undefined;
};

/** Game ids are 12 characters; anything much longer is not one, and is not looked up. */
const MAX_ID = 40;

/** A step in the path: digits only, then bounded by the record it indexes. */
const StepParam = z.string().regex(/^\d{1,7}$/).transform(Number);

type Loaded = { game: StoredGame; record: GameRecord; scenario: Scenario; access: Access };

/**
 * Reviewing a game: its replay (whole, or as one seat may see it while it is played),
 * one step's state at a time, its record, and forks that play on from any step.
 */
export function reviewRoutes(deps: ReviewDeps): Router {
  const { store, catalogue, log } = deps;
  const router = express.Router();
  const { replays } = deps;

  /** The game named in the path, its record and who is asking; answers 404 itself and returns null for an unknown game. */
  async function find(req: Request, res: Response): Promise<Omit<Loaded, 'scenario'> | null> {
    const id = req.params.id;
    const game = typeof id === 'string' && id.length <= MAX_ID ? await store.loadGame(id) : null;
    const record = game === null ? null : await store.loadRecord(game.gameId);
    if (game === null || record === null) {
      unknownGame(res, id);
      return null;
    }
    return { game, record, access: await accessOf(store, game, bearerOf(req), deps.trustedKey) };
  }

  /** The same with the game's scenario, which replaying it needs. */
  async function load(req: Request, res: Response): Promise<Loaded | null> {
    const found = await find(req, res);
    if (found === null) return null;
    const scenario = catalogue.get(found.game.scenarioId);
    if (scenario === undefined) {
      unknownGame(res, found.game.gameId);
      return null;
    }
    return { ...found, scenario };
  }

  router.get('/games/:id/review', async (req, res) => {
    const loaded = await load(req, res);
    if (loaded === null) return;
    const { game, record, scenario, access } = loaded;
    if (access.kind === 'none') return forbidden(res, 'review/forbidden', 'This game is still being played: its review needs a seat of it or the class’s instructor link.');
    const replay = replays.of(scenario, record);
    const now = replay.scrubber.stateAt(record.entries.length);
    const common = {
      gameId: game.gameId,
      scenarioId: game.scenarioId,
      finished: game.finished,
      occupants: await occupantsOf(store, game),
      session: game.session,
      parent: game.parent,
      forks: await forksOf(scenario, game.gameId),
    };
    let review: ReviewData;
    if (access.kind === 'full') {
      const cards = game.finished ? await completeCards(deps.scorer, store, scenario, record, log.child({ gameId: game.gameId })) : await store.loadCards(game.gameId);
      review = { ...common, access: 'full', seat: null, record, timeline: replay.timeline(), cards, ledger: replay.ledger() };
    } else {
      const seat = access.seat;
      // The cards the seat's own table would show it now: the room's release rule, not a copy of it.
      const cards = new HeldCards(game.cards, await store.loadCards(game.gameId), now).releasedTo(seat, now);
      const ledger = replay.ledger().filter((line) => line.seat === seat || line.counterpart === seat);
      review = { ...common, access: 'seat', seat, record: null, timeline: seatTimeline(scenario, record, seat), cards, ledger };
    }
    res.json(review);
  });

  router.get('/games/:id/review/frames/:step', async (req, res) => {
    const loaded = await load(req, res);
    if (loaded === null) return;
    const { record, scenario, access } = loaded;
    if (access.kind === 'none') return forbidden(res, 'review/forbidden', 'This game is still being played: its review needs a seat of it or the class’s instructor link.');
    const step = StepParam.safeParse(req.params.step);
    if (!step.success || step.data > record.entries.length) {
      return sendError(res, 400, { code: 'step/out-of-range', message: `A step is a whole number from 0 to ${record.entries.length} for this game.` });
    }
    const state = replays.of(scenario, record).scrubber.stateAt(step.data);
    const frame: ReviewFrame = { step: step.data, state: access.kind === 'seat' ? playerView(state, access.seat) : state };
    res.json(frame);
  });

  router.get('/games/:id/record', async (req, res) => {
    const loaded = await find(req, res);
    if (loaded === null) return;
    // While the game is played the record holds sealed decisions, private talks and the seed: a seat's holder does not get it.
    if (loaded.access.kind !== 'full') return forbidden(res, 'record/in-play', 'The record opens when the game has ended.');
    res.json(loaded.record);
  });

  router.post('/games/:id/forks', async (req, res) => {
    const loaded = await load(req, res);
    if (loaded === null) return;
    const { game, record, scenario, access } = loaded;
    if (access.kind === 'none') return forbidden(res, 'fork/forbidden', 'This game is still being played: only its players and the class’s instructor can fork it.');
    const body = ForkBody.safeParse(req.body);
    if (!body.success) return badBody(res, body.error);
    const { step, seats, name } = body.data;
    const seatProblem = seatsProblem(scenario, seats);
    if (seatProblem !== null) return sendError(res, 400, { code: 'seats/invalid', message: seatProblem });
    const me = Object.entries(seats).find(([, by]) => by.by === 'me')?.[0] ?? '';
    if (step > record.entries.length) {
      return sendError(res, 400, { code: 'step/out-of-range', message: `This game has ${record.entries.length} steps: fork at one of 0 to ${record.entries.length}.` });
    }
    const at = replays.of(scenario, record).scrubber.stateAt(step);
    if (access.kind === 'seat') {
      const refused = seatForkRefusal(access.seat, me, seats, at);
      if (refused !== null) return forbidden(res, 'fork/forbidden', refused);
    }
    if (at.phase === 'ended') return sendError(res, 400, { code: 'fork/ended', message: 'The game has ended at that step: there is nothing left to play.' });
    if (!deps.forks.admit(req, res)) return;

    const gameId = newId();
    const forked = forkRecord(record, step, gameId, Date.now());
    const origin = { gameId: game.gameId, step };
    await store.createFork(
      { gameId, scenarioId: forked.scenarioId, scenarioVersion: forked.scenarioVersion, seed: forked.seed, createdAt: forked.createdAt, timers: game.timers, cards: game.cards, parent: origin },
      forked.entries,
    );
    // The prefix's decisions were made on the same states: their cards are the parent's, not scored again.
    for (const card of await store.loadCards(game.gameId)) if (card.seq <= step) await store.saveCard(gameId, card);
    for (const [seat, by] of Object.entries(seats)) if (by.by === 'bot') await store.saveSeatBot(gameId, seat, by.policy);
    const seatToken = mintSeatToken();
    await store.saveSeat(gameId, me, hashSeatToken(seatToken), name);
    await deps.openRoom(gameId);
    log.info({ gameId, parent: origin, seat: me, seats: Object.fromEntries(Object.entries(seats).map(([seat, by]) => [seat, by.by === 'bot' ? botName(by.policy) : by.by])), access: access.kind }, 'game forked');
    const created: CreatedFork = { gameId, seat: me, seatToken, joinUrl: `/?game=${gameId}` };
    res.status(201).json(created);
  });

  /** The games forked from this one, each with its seats' scores where it stands now. */
  /** Forks are of the same scenario as their parent: their replays come from the same cache. */
  function forksOf(scenario: Scenario, gameId: string): Promise<ForkSummary[]> {
    return forkSummaries(store, gameId, (record) => endOf(replays, scenario, record));
  }

  return router;
}

/** Who sat where: students' names (a team's joined), a game of its own's players, and bots as "bot:<policy>". */
/** Every seat of the scenario named once, no other, and exactly one of them the forker's; null when so. */
function seatsProblem(scenario: Scenario, seats: ForkBody['seats']): string | null {
  const ids = scenario.seats.map((seat) => seat.id);
  const unknown = Object.keys(seats).filter((seat) => !ids.includes(seat));
  if (unknown.length > 0) return `No seat "${(unknown[0] ?? '').slice(0, 40)}" in this scenario: its seats are ${ids.join(', ')}.`;
  const missing = ids.filter((seat) => seats[seat] === undefined);
  if (missing.length > 0) return `Say who plays every seat: ${missing.join(', ')} has no one.`;
  const mine = Object.values(seats).filter((by) => by.by === 'me').length;
  if (mine !== 1) return `Exactly one seat is yours ("me"), not ${mine}.`;
  return null;
}

/**
 * A player forking a game still in play may take only their own seat, and the others go
 * to bots: an open seat would let them (or a friend) read another seat's hidden briefing,
 * and a fork taken while another seat's decision is sealed would open it at resolution,
 * ahead of the real table. Null when the fork may go ahead.
 */
function seatForkRefusal(seat: string, me: string, seats: ForkBody['seats'], at: GameState): string | null {
  if (me !== seat) return `You hold "${seat}": while the game is played you can fork it only into your own seat.`;
  if (Object.entries(seats).some(([id, by]) => id !== seat && by.by !== 'bot')) return 'While the game is played, the other seats of your fork are played by bots.';
  const sealed = at.phase === 'decision' && Object.entries(at.seats).some(([id, s]) => id !== seat && s.submitted);
  if (sealed) return 'Another seat has sealed its decision at that step: fork before it, or once the round has resolved.';
  return null;
}

function unknownGame(res: Response, id: unknown): void {
  sendError(res, 404, { code: 'game/unknown', message: `No game "${String(id).slice(0, MAX_ID)}".` });
}

function forbidden(res: Response, code: 'review/forbidden' | 'fork/forbidden' | 'record/in-play', message: string): void {
  sendError(res, 403, { code, message });
}
