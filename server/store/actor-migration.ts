import { z } from 'zod';
import { advanceActor, INSTRUCTOR, TABLE_RULE, UNKNOWN_ACTOR, botActor, type Actor } from '../../shared/actor.ts';
import { BotPolicyId } from '../../shared/bots/policy.ts';
import { RecordEntry } from '../../shared/record.ts';

/**
 * Migration 1: entries recorded before actors were kept get the actor the record can
 * honestly tell. An advance says its reason (the timer, the instructor, every seat ready);
 * only the instructor injects events; a class table is ended by its instructor and a game
 * of its own only by the server when no one took a seat. A move at a game of its own is
 * its seat's: the bot a fork gave the seat for the game's life, or the one player who took
 * it. A fork's first entries are its parent's, with the parent's actors. A move at a class
 * table stays 'unknown': seats there changed hands (students, bots), and the old record
 * did not say who held the seat at that moment.
 */
export const ACTOR_MIGRATION = { version: 1, name: 'record entries carry their actor' } as const;

/** An entry as an older server wrote it: today's entry less its actor. */
const OldEntry = z.union([RecordEntry, z.looseObject({ kind: z.string(), seq: z.number(), at: z.number() })]);

/** What the migration reads of one game. */
export type GameToMigrate = {
  gameId: string;
  classTable: boolean;
  parent: { gameId: string; step: number } | null;
  /** The player who took each seat of a game of its own. */
  holders: ReadonlyMap<string, string>;
  /** The bot a game of its own gave each seat (a fork's bots play for its life). */
  bots: ReadonlyMap<string, string>;
  entries: readonly { seq: number; json: string }[];
};

/** Entries to rewrite, with the actor added after `at` so old and new entries read alike. */
export type EntryRewrite = { gameId: string; seq: number; json: string };

/**
 * Rewrites for every entry without an actor. `games` must come parents first (by
 * creation), so a fork's prefix finds its parent's actors.
 */
export function actorRewrites(games: readonly GameToMigrate[]): EntryRewrite[] {
  const actorsOf = new Map<string, Map<number, Actor>>();
  const rewrites: EntryRewrite[] = [];
  for (const game of games) {
    const actors = new Map<number, Actor>();
    actorsOf.set(game.gameId, actors);
    for (const row of game.entries) {
      const raw: unknown = JSON.parse(row.json);
      const current = RecordEntry.safeParse(raw);
      if (current.success) {
        actors.set(row.seq, current.data.actor);
        continue;
      }
      const old = OldEntry.parse(raw);
      const inherited = game.parent !== null && row.seq <= game.parent.step ? actorsOf.get(game.parent.gameId)?.get(row.seq) : undefined;
      const actor = inherited ?? derive(game, old);
      actors.set(row.seq, actor);
      const { kind, seq, at, ...rest } = old;
      // Parsed again as today's entry: a row that still does not read is a fault to see now, not at replay.
      const entry = RecordEntry.parse({ kind, seq, at, actor, ...rest });
      rewrites.push({ gameId: game.gameId, seq: row.seq, json: JSON.stringify(entry) });
    }
  }
  return rewrites;
}

function derive(game: GameToMigrate, entry: { kind: string } & Record<string, unknown>): Actor {
  switch (entry.kind) {
    case 'advance': {
      const reason = z.enum(['timer', 'all-ready', 'instructor']).safeParse(entry.reason);
      return reason.success ? advanceActor(reason.data) : UNKNOWN_ACTOR;
    }
    case 'inject':
      return INSTRUCTOR;
    case 'end':
      return game.classTable ? INSTRUCTOR : TABLE_RULE;
    case 'move': {
      if (game.classTable || typeof entry.seat !== 'string') return UNKNOWN_ACTOR;
      const bot = BotPolicyId.safeParse(game.bots.get(entry.seat));
      if (bot.success) return botActor(bot.data);
      const holder = game.holders.get(entry.seat);
      return holder === undefined ? UNKNOWN_ACTOR : { kind: 'student', memberId: null, name: holder };
    }
    default:
      return UNKNOWN_ACTOR;
  }
}
