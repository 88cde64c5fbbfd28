import { randomInt } from 'node:crypto';
import express from 'express';
import type { Router } from 'express';
import type { Logger } from 'pino';
import { BotPolicyId } from '../../shared/framework.ts';
import { CreatePracticeBody } from '../../shared/practice.ts';
import type { CreatedPractice } from '../../shared/practice.ts';
import { phaseSeconds } from '../../shared/rules/index.ts';
import type { Scenario } from '../../shared/scenario/schema.ts';
import { hashSeatToken, mintSeatToken } from '../rooms/seat-token.ts';
import { botName } from '../rooms/seating.ts';
import type { ScenarioCatalogue } from '../scenarios/catalogue.ts';
import { newId } from '../sessions/credentials.ts';
import type { GameStore } from '../store/store.ts';
import type { CreationLimit } from './creation-limit.ts';
import { badBody, sendError } from './http-error.ts';

export type PracticeDeps = {
  store: GameStore;
  catalogue: ScenarioCatalogue;
  log: Logger;
  /** Opens the live room of a stored game: the practice game waits there for its player. */
  openRoom: (gameId: string) => Promise<void>;
  /** Practice games are games: they count against the games' creation windows. */
  games: CreationLimit;
};

/**
 * POST /api/practice: a game of one student against bots. The student's seat is reserved
 * to the token in the answer; every other seat is a bot's from the start. An untimed game
 * is stored with its first phase's clock held, so no phase ever runs out (the student may
 * let the clock run, and hold it again, from the table).
 */
export function practiceRoutes(deps: PracticeDeps): Router {
  const { store, catalogue, log } = deps;
  const router = express.Router();

  router.post('/practice', async (req, res) => {
    const body = CreatePracticeBody.safeParse(req.body);
    if (!body.success) return badBody(res, body.error);
    const { scenarioId, seat, name, timed } = body.data;
    const scenario = catalogue.get(scenarioId);
    if (scenario === undefined) return sendError(res, 404, { code: 'scenario/unknown', message: `No scenario "${scenarioId}" on this server.` });
    const problem = seatsProblem(scenario, seat, Object.keys(body.data.bots));
    if (problem !== null) return sendError(res, 400, { code: 'seats/invalid', message: problem });
    if (!deps.games.admit(req, res)) return;

    const bots = drawBots(scenario, seat, body.data.bots);
    const gameId = newId();
    await store.createGame({
      gameId,
      scenarioId: scenario.id,
      scenarioVersion: scenario.version,
      seed: body.data.seed ?? randomInt(0, 2 ** 31 - 1),
      createdAt: Date.now(),
      timers: {},
      cards: 'immediate',
    });
    for (const [botSeat, policy] of Object.entries(bots)) await store.saveSeatBot(gameId, botSeat, policy);
    // Untimed: the briefing's whole length is held before it starts; every later phase stays held too.
    if (!timed) await store.saveClock(gameId, { phaseVersion: 0, deadline: null, pausedMs: phaseSeconds(scenario, 'briefing') * 1000 });
    const seatToken = mintSeatToken();
    await store.saveSeat(gameId, seat, hashSeatToken(seatToken), name);
    await deps.openRoom(gameId);
    log.info({ gameId, scenarioId: scenario.id, seat, timed, bots: Object.fromEntries(Object.entries(bots).map(([s, p]) => [s, botName(p)])) }, 'practice game created');
    const created: CreatedPractice = { gameId, seat, seatToken, bots, joinUrl: `/?game=${gameId}` };
    res.status(201).json(created);
  });

  return router;
}

/** The student's seat is one of the scenario's, and bots are asked only for its other seats; null when so. */
function seatsProblem(scenario: Scenario, seat: string, botSeats: readonly string[]): string | null {
  const ids = scenario.seats.map((s) => s.id);
  if (!ids.includes(seat)) return `No seat "${seat}" in this scenario: its seats are ${ids.join(', ')}.`;
  const unknown = botSeats.find((s) => !ids.includes(s));
  if (unknown !== undefined) return `No seat "${unknown}" in this scenario: its seats are ${ids.join(', ')}.`;
  if (botSeats.includes(seat)) return `"${seat}" is your seat: a bot plays only the others.`;
  return null;
}

/** Each other seat's policy: the one asked for, or one drawn at random (also when the seat was left out). */
function drawBots(scenario: Scenario, seat: string, asked: CreatePracticeBody['bots']): Record<string, BotPolicyId> {
  const policies = BotPolicyId.options;
  const bots: Record<string, BotPolicyId> = {};
  for (const other of scenario.seats) {
    if (other.id === seat) continue;
    const wanted = asked[other.id] ?? 'random';
    bots[other.id] = wanted === 'random' ? (policies[randomInt(policies.length)] ?? 'dealmaker') : wanted;
  }
  return bots;
}
