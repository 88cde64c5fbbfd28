import { z } from 'zod';
import { BotPolicyId } from '../../shared/bots/policy.ts';
import { CardRelease } from '../../shared/protocol.ts';

// The PostgreSQL tables: the same tables and columns as the SQLite store, in Postgres types,
// and the shapes their rows come back in. JSON stays `text`, not `jsonb`: jsonb reorders keys
// and refuses "\u0000" inside strings, and a record must come back exactly as it was written.
// Everything goes in the first schema of the connection's search_path (`public` unless the
// DATABASE_URL says otherwise, for example `?options=-c%20search_path%3Dclass_a`).

export const SCHEMA = `
CREATE TABLE IF NOT EXISTS games (
  game_id TEXT PRIMARY KEY,
  scenario_id TEXT NOT NULL,
  scenario_version INTEGER NOT NULL,
  seed BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  timers TEXT NOT NULL,
  finished BOOLEAN NOT NULL DEFAULT FALSE,
  cards TEXT NOT NULL DEFAULT 'immediate'
);
ALTER TABLE games ADD COLUMN IF NOT EXISTS session_id TEXT;
ALTER TABLE games ADD COLUMN IF NOT EXISTS table_label TEXT;
ALTER TABLE games ADD COLUMN IF NOT EXISTS clock TEXT;
ALTER TABLE games ADD COLUMN IF NOT EXISTS parent_game_id TEXT;
ALTER TABLE games ADD COLUMN IF NOT EXISTS parent_step INTEGER;
CREATE INDEX IF NOT EXISTS games_unfinished ON games (created_at) WHERE NOT finished;
CREATE INDEX IF NOT EXISTS games_session ON games (session_id, table_label);
CREATE INDEX IF NOT EXISTS games_parent ON games (parent_game_id);
CREATE TABLE IF NOT EXISTS entries (
  game_id TEXT NOT NULL REFERENCES games(game_id),
  seq INTEGER NOT NULL,
  json TEXT NOT NULL,
  PRIMARY KEY (game_id, seq)
);
CREATE TABLE IF NOT EXISTS seats (
  game_id TEXT NOT NULL REFERENCES games(game_id),
  seat_id TEXT NOT NULL,
  token_hash TEXT NOT NULL,
  name TEXT NOT NULL,
  PRIMARY KEY (game_id, seat_id)
);
CREATE TABLE IF NOT EXISTS cards (
  game_id TEXT NOT NULL REFERENCES games(game_id),
  seq INTEGER NOT NULL,
  json TEXT NOT NULL,
  PRIMARY KEY (game_id, seq)
);
CREATE TABLE IF NOT EXISTS seat_bots (
  game_id TEXT NOT NULL REFERENCES games(game_id),
  seat_id TEXT NOT NULL,
  policy TEXT NOT NULL,
  PRIMARY KEY (game_id, seat_id)
);
CREATE TABLE IF NOT EXISTS sessions (
  session_id TEXT PRIMARY KEY,
  code TEXT NOT NULL,
  secret_hash TEXT NOT NULL,
  config TEXT NOT NULL,
  phase TEXT NOT NULL,
  announcement TEXT,
  created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS sessions_live_code ON sessions (code) WHERE phase <> 'ended';
CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS students (
  session_id TEXT NOT NULL REFERENCES sessions(session_id),
  student_id TEXT NOT NULL,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  table_label TEXT,
  seat_id TEXT,
  joined_at BIGINT NOT NULL,
  PRIMARY KEY (session_id, student_id),
  UNIQUE (session_id, name_key)
);
ALTER TABLE students ADD COLUMN IF NOT EXISTS school_id TEXT;
`;

// BIGINT columns arrive as strings: pg will not guess whether a JS number can hold them.
const BigIntColumn = z.union([z.string(), z.number()]).transform(Number).pipe(z.number().int().safe());

export const GameRow = z.object({
  game_id: z.string(),
  scenario_id: z.string(),
  scenario_version: z.number().int(),
  seed: BigIntColumn,
  created_at: BigIntColumn,
  timers: z.string(),
  finished: z.boolean(),
  cards: CardRelease,
  session_id: z.string().nullable(),
  table_label: z.string().nullable(),
  clock: z.string().nullable(),
  parent_game_id: z.string().nullable(),
  parent_step: z.number().int().nullable(),
});
export const StoredClockJson = z.object({ phaseVersion: z.number().int(), deadline: z.number().nullable(), pausedMs: z.number().nullable() });
export const SessionRow = z.object({
  session_id: z.string(),
  code: z.string(),
  secret_hash: z.string(),
  config: z.string(),
  phase: z.enum(['lobby', 'running', 'ended']),
  announcement: z.string().nullable(),
  created_at: BigIntColumn,
});
export const StudentRow = z.object({
  session_id: z.string(),
  student_id: z.string(),
  name: z.string(),
  token_hash: z.string(),
  table_label: z.string().nullable(),
  seat_id: z.string().nullable(),
  joined_at: BigIntColumn,
  school_id: z.string().nullable(),
});
export const TableRow = z.object({ table_label: z.string(), game_id: z.string(), finished: z.boolean() });
export const BotRow = z.object({ seat_id: z.string(), policy: BotPolicyId });
export const SessionIdRow = z.object({ session_id: z.string() });
export const JsonRow = z.object({ json: z.string() });
export const SeatRow = z.object({ seat_id: z.string(), token_hash: z.string(), name: z.string() });
export const IdRow = z.object({ game_id: z.string() });
export const ForkRow = z.object({ game_id: z.string(), parent_step: z.number().int(), created_at: BigIntColumn, finished: z.boolean() });
export const SettingRow = z.object({ synchronous_commit: z.string() });
export const MigrateGameRow = z.object({ game_id: z.string(), session_id: z.string().nullable(), parent_game_id: z.string().nullable(), parent_step: z.number().int().nullable() });
export const MigrateSeatRow = z.object({ game_id: z.string(), seat_id: z.string(), name: z.string() });
export const MigrateBotRow = z.object({ game_id: z.string(), seat_id: z.string(), policy: z.string() });
export const MigrateEntryRow = z.object({ game_id: z.string(), seq: z.number().int(), json: z.string() });
