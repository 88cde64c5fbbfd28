import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import { tokenMatches } from '../rooms/seat-token.ts';
import { membersAt } from '../rooms/seating.ts';
import { hashSecret, secretMatches } from '../sessions/credentials.ts';
import type { GameStore, StoredGame } from '../store/store.ts';

/**
 * How much of a game a reader may see: everything (the record, every seat's cards), one
 * seat's share while the game is in play, or nothing.
 */
export type Access = { kind: 'full' } | { kind: 'seat'; seat: string } | { kind: 'none' };

/** Longest bearer token read; every token the server mints is far shorter. */
const MAX_BEARER = 200;

/** A fork of a fork of a class table still belongs to that class; a chain longer than this is not followed. */
const MAX_FORK_DEPTH = 16;

/** The token of `Authorization: Bearer X`, or null when there is none (or it is not one). */
export function bearerOf(req: Request): string | null {
  const header = req.get('authorization') ?? '';
  const match = new RegExp(`^Bearer (\\S{1,${MAX_BEARER}})$`).exec(header);
  return match?.[1] ?? null;
}

/**
 * Who may read (and fork) a game. Full: a trusted caller (the server's own key), the
 * instructor of the class the game belongs to (its table, or a fork of it), or anyone
 * once the game and every game it was forked from have ended; a game's secrets only
 * matter while it is played, and a fork shares its parent's seed and hidden parameters.
 * Seat: the holder of one of its seats until then. Every comparison is made on hashes in
 * constant time, and the checks run whatever the outcome of the ones before.
 */
export async function accessOf(store: GameStore, game: StoredGame, bearer: string | null, trustedKey?: string): Promise<Access> {
  const token = bearer ?? '';
  const trusted = trustedKey !== undefined && trustedKey !== '' && bearer !== null && sameText(token, trustedKey);
  const lineage = await lineageOf(store, game);
  const session = lineage.find((g) => g.session !== null)?.session ?? null;
  const secretHash = session === null ? null : ((await store.loadSession(session.sessionId))?.secretHash ?? null);
  // Hashed even without a session, so an instructor's check takes as long at any game.
  const secretFits = secretMatches(token, secretHash ?? hashSecret(''));
  const instructor = secretFits && secretHash !== null && bearer !== null;
  if (trusted || instructor || secretsSettled(game, lineage)) return { kind: 'full' };
  if (bearer === null) return { kind: 'none' };
  const seat = await seatOf(store, game, token);
  return seat === null ? { kind: 'none' } : { kind: 'seat', seat };
}

/**
 * Whether a game's secrets are no one's any more: it has ended, and so has every game it
 * was forked from. A fork of a table still in play holds that table's seed and hidden
 * parameters as they are now, so finishing the fork opens nothing while the table plays.
 */
export async function secretsOpen(store: GameStore, game: StoredGame): Promise<boolean> {
  return secretsSettled(game, await lineageOf(store, game));
}

function secretsSettled(game: StoredGame, lineage: readonly StoredGame[]): boolean {
  // A chain too long to follow is not known to have ended.
  const followed = lineage.at(-1)?.parent === null;
  return game.finished && followed && lineage.every((g) => g.finished);
}

/** The game and the games it was forked from, nearest first, at most MAX_FORK_DEPTH of them above it. */
async function lineageOf(store: GameStore, game: StoredGame): Promise<StoredGame[]> {
  const lineage = [game];
  let current = game;
  for (let depth = 0; current.parent !== null && depth < MAX_FORK_DEPTH; depth++) {
    const parent = await store.loadGame(current.parent.gameId);
    if (parent === null) break;
    lineage.push(parent);
    current = parent;
  }
  return lineage;
}

/**
 * The seat whose token this is. At a game of its own (or a fork) the seat's holder; at
 * a class table any student the session seated there (the student's token is the seat's).
 * Every holder is compared, so the time taken does not tell which one matched.
 */
async function seatOf(store: GameStore, game: StoredGame, token: string): Promise<string | null> {
  const holders: { seat: string; tokenHash: string }[] = [];
  if (game.session === null) {
    for (const seat of await store.loadSeats(game.gameId)) holders.push({ seat: seat.seatId, tokenHash: seat.tokenHash });
  } else {
    for (const [seat, members] of membersAt(await store.loadStudents(game.session.sessionId), game.session.table)) {
      for (const member of members) holders.push({ seat, tokenHash: member.tokenHash });
    }
  }
  let found: string | null = null;
  for (const holder of holders) if (tokenMatches(token, holder.tokenHash) && found === null) found = holder.seat;
  return found;
}

/** Two texts compared in constant time (through their hashes, so their lengths do not show either). */
function sameText(a: string, b: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(a), digest(b));
}
