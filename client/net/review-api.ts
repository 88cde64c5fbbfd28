import { CreatedFork, ReviewData, ReviewFrame, type ForkBody } from '../../shared/review/schemas.ts';
import { parsedOrThrow, requestJson } from './connection.ts';
import { heldSeat } from './seat-store.ts';
import { secretFor, studentByGame } from './session-store.ts';

/**
 * The review pages' requests: a game's replay data, one step's state as a seat saw it,
 * and a what-if fork. Every answer is parsed before a page reads it.
 */

/**
 * Who this browser is to a game, strongest first: the instructor of its class (the
 * session secret sees everything), then the seat it holds, then a class student whose
 * last table was this game. None: a finished game opens to anyone.
 */
export function bearerFor(gameId: string, sessionId: string | null): string | undefined {
  if (sessionId !== null) {
    const secret = secretFor(sessionId);
    if (secret !== null) return secret;
  }
  const seat = heldSeat(gameId);
  if (seat !== null) return seat.seatToken;
  return studentByGame(gameId)?.studentToken;
}

const gamePath = (gameId: string): string => `/api/games/${encodeURIComponent(gameId)}`;

export async function fetchReview(gameId: string, bearer: string | undefined): Promise<ReviewData> {
  return parsedOrThrow(ReviewData, await requestJson(`${gamePath(gameId)}/review`, undefined, bearer), 'review');
}

export async function fetchFrame(gameId: string, step: number, bearer: string | undefined): Promise<ReviewFrame> {
  return parsedOrThrow(ReviewFrame, await requestJson(`${gamePath(gameId)}/review/frames/${step}`, undefined, bearer), 'review frame');
}

export async function createFork(gameId: string, body: ForkBody, bearer: string | undefined): Promise<CreatedFork> {
  const raw = await requestJson(`${gamePath(gameId)}/forks`, { method: 'POST', body: JSON.stringify(body) }, bearer);
  return parsedOrThrow(CreatedFork, raw, 'fork');
}
