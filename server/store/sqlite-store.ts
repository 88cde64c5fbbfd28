import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { z } from 'zod';
import { CardRelease } from '../../shared/protocol.ts';
import { RecordEntry } from '../../shared/record.ts';
import type { GameRecord } from '../../shared/record.ts';
import { Timers } from '../../shared/scenario/schema.ts';
import { FrameworkCard } from '../../shared/scoring/card.ts';
import { BotPolicyId } from '../../shared/bots/policy.ts';
import { CreateSessionBody } from '../../shared/session.ts';
import { ACTOR_MIGRATION, actorRewrites, type GameToMigrate } from './actor-migration.ts';
import { MAX_WAITING_APPENDS } from '../rooms/limits.ts';
import { GroupCommit } from './group-commit.ts';
import { nameKey } from './store.ts';
import type { ForkOrigin } from '../../shared/review/schemas.ts';
import type { AppendedEntry, GameMeta, GameStore, RosterStudent, SessionMeta, SessionPhase, SessionTable, StoredClock, StoredFork, StoredGame, StoredSeat, StoredSession, StoredStudent } from './store.ts';

export const SQLITE_FILE = 'border-bargain.sqlite';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS games (
  game_id TEXT PRIMARY KEY,
  scenario_id TEXT NOT NULL,
  scenario_version INTEGER NOT NULL,
  seed INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  timers TEXT NOT NULL,
  finished INTEGER NOT NULL DEFAULT 0,
  cards TEXT NOT NULL DEFAULT 'immediate'
);
CREATE TABLE IF NOT EXISTS entries (
  game_id TEXT NOT NULL REFERENCES games(game_id),
  seq INTEGER NOT NULL,
  json TEXT NOT NULL,
  UNIQUE (game_id, seq)
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
  created_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS sessions_live_code ON sessions (code) WHERE phase <> 'ended';
CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS students (
  session_id TEXT NOT NULL REFERENCES sessions(session_id),
  student_id TEXT NOT NULL,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  table_label TEXT,
  seat_id TEXT,
  joined_at INTEGER NOT NULL,
  PRIMARY KEY (session_id, student_id),
  UNIQUE (session_id, name_key)
);
`;

/** Indexes on columns added after the first release: created once the columns exist. */
const LATE_INDEXES = `
CREATE INDEX IF NOT EXISTS games_session ON games (session_id, table_label);
CREATE INDEX IF NOT EXISTS games_parent ON games (parent_game_id);
`;

/** Columns added after the first release, with the default an older database's games get. */
const ADDED_COLUMNS = [
  { table: 'games', column: 'cards', definition: "TEXT NOT NULL DEFAULT 'immediate'" },
  { table: 'games', column: 'session_id', definition: 'TEXT' },
  { table: 'games', column: 'table_label', definition: 'TEXT' },
  { table: 'games', column: 'clock', definition: 'TEXT' },
  { table: 'games', column: 'parent_game_id', definition: 'TEXT' },
  { table: 'games', column: 'parent_step', definition: 'INTEGER' },
  { table: 'students', column: 'school_id', definition: 'TEXT' },
];

const GameRow = z.object({
  game_id: z.string(),
  scenario_id: z.string(),
  scenario_version: z.number().int(),
  seed: z.number().int(),
  created_at: z.number(),
  timers: z.string(),
  finished: z.number().int(),
  cards: CardRelease,
  session_id: z.string().nullable(),
  table_label: z.string().nullable(),
  clock: z.string().nullable(),
  parent_game_id: z.string().nullable(),
  parent_step: z.number().int().nullable(),
});
const StoredClockJson = z.object({ phaseVersion: z.number().int(), deadline: z.number().nullable(), pausedMs: z.number().nullable() });
const SessionRow = z.object({
  session_id: z.string(),
  code: z.string(),
  secret_hash: z.string(),
  config: z.string(),
  phase: z.enum(['lobby', 'running', 'ended']),
  announcement: z.string().nullable(),
  created_at: z.number(),
});
const StudentRow = z.object({
  session_id: z.string(),
  student_id: z.string(),
  name: z.string(),
  token_hash: z.string(),
  table_label: z.string().nullable(),
  seat_id: z.string().nullable(),
  joined_at: z.number(),
  school_id: z.string().nullable(),
});
const TableRow = z.object({ table_label: z.string(), game_id: z.string(), finished: z.number().int() });
const BotRow = z.object({ seat_id: z.string(), policy: BotPolicyId });
const SessionIdRow = z.object({ session_id: z.string() });
const EntryRow = z.object({ json: z.string() });
const SeatRow = z.object({ seat_id: z.string(), token_hash: z.string(), name: z.string() });
const IdRow = z.object({ game_id: z.string() });
const ForkRow = z.object({ game_id: z.string(), parent_step: z.number().int(), created_at: z.number(), finished: z.number().int() });
const ColumnRow = z.object({ name: z.string() });
const MigrateGameRow = z.object({ game_id: z.string(), session_id: z.string().nullable(), parent_game_id: z.string().nullable(), parent_step: z.number().int().nullable() });
const MigrateSeatRow = z.object({ seat_id: z.string(), name: z.string() });
const MigrateBotRow = z.object({ seat_id: z.string(), policy: z.string() });
const MigrateEntryRow = z.object({ seq: z.number().int(), json: z.string() });
const StoredTimers = Timers.partial();

/**
 * The default store: one SQLite file under DATA_DIR, through Node's built-in driver.
 * WAL with synchronous=FULL makes every committed transaction durable when it returns,
 * which is what "append before broadcast" relies on. Appends are group-committed: the
 * moves of every table that arrive in one turn of the event loop share one transaction
 * and one fsync, instead of one fsync each on the thread every room runs on.
 */
export class SqliteStore implements GameStore {
  private readonly db: DatabaseSync;
  private readonly appends: GroupCommit<AppendedEntry>;

  constructor(dataDir: string, options: { maxWaitingAppends?: number } = {}) {
    mkdirSync(dataDir, { recursive: true });
    this.db = new DatabaseSync(join(dataDir, SQLITE_FILE));
    this.db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;');
    this.db.exec(SCHEMA);
    this.addMissingColumns();
    this.db.exec(LATE_INDEXES);
    this.migrate();
    const insert = this.db.prepare('INSERT INTO entries (game_id, seq, json) VALUES (?, ?, ?)');
    this.appends = new GroupCommit((batch) => this.inTransaction(() => {
      for (const { gameId, entry } of batch) insert.run(gameId, entry.seq, JSON.stringify(entry));
    }), options.maxWaitingAppends ?? MAX_WAITING_APPENDS);
  }

  /**
   * `work` in one write transaction, committed (and synced) before this returns, rolled back if it throws.
   * `work` is synchronous: the one connection is shared, and another caller's statement slipping in
   * around an await would join (and could be rolled back with) this transaction.
   */
  private inTransaction(work: () => void): void {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      work();
      this.db.exec('COMMIT');
    } catch (error) {
      if (this.db.isTransaction) this.db.exec('ROLLBACK');
      throw error;
    }
  }

  /** Data migrations not yet applied to this file, each in one transaction with its row in schema_migrations. */
  private migrate(): void {
    const applied = this.db.prepare('SELECT version FROM schema_migrations WHERE version = ?').get(ACTOR_MIGRATION.version);
    if (applied !== undefined) return;
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const update = this.db.prepare('UPDATE entries SET json = ? WHERE game_id = ? AND seq = ?');
      for (const rewrite of actorRewrites(this.gamesToMigrate())) update.run(rewrite.json, rewrite.gameId, rewrite.seq);
      this.db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(ACTOR_MIGRATION.version, ACTOR_MIGRATION.name, Date.now());
      this.db.exec('COMMIT');
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    }
  }

  private gamesToMigrate(): GameToMigrate[] {
    const games = this.db.prepare('SELECT game_id, session_id, parent_game_id, parent_step FROM games ORDER BY created_at, rowid').all().map((row) => MigrateGameRow.parse(row));
    const entries = this.db.prepare('SELECT seq, json FROM entries WHERE game_id = ? ORDER BY seq');
    const seats = this.db.prepare('SELECT seat_id, name FROM seats WHERE game_id = ?');
    const bots = this.db.prepare('SELECT seat_id, policy FROM seat_bots WHERE game_id = ?');
    return games.map((game) => ({
      gameId: game.game_id,
      classTable: game.session_id !== null,
      parent: game.parent_game_id !== null && game.parent_step !== null ? { gameId: game.parent_game_id, step: game.parent_step } : null,
      holders: new Map(seats.all(game.game_id).map((row) => MigrateSeatRow.parse(row)).map((seat) => [seat.seat_id, seat.name])),
      bots: new Map(bots.all(game.game_id).map((row) => MigrateBotRow.parse(row)).map((bot) => [bot.seat_id, bot.policy])),
      entries: entries.all(game.game_id).map((row) => MigrateEntryRow.parse(row)),
    }));
  }

  /** A database written before a column existed gets it, with its default: old games keep working. */
  private addMissingColumns(): void {
    for (const { table, column, definition } of ADDED_COLUMNS) {
      const columns = this.db.prepare(`PRAGMA table_info(${table})`).all().map((row) => ColumnRow.parse(row).name);
      if (!columns.includes(column)) this.db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${definition}`);
    }
  }

  async createGame(meta: GameMeta): Promise<void> {
    this.insertGame(meta);
  }

  private insertGame(meta: GameMeta): void {
    this.db
      .prepare(
        `INSERT INTO games (game_id, scenario_id, scenario_version, seed, created_at, timers, cards, session_id, table_label, parent_game_id, parent_step)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        meta.gameId,
        meta.scenarioId,
        meta.scenarioVersion,
        meta.seed,
        meta.createdAt,
        JSON.stringify(meta.timers),
        meta.cards,
        meta.session?.sessionId ?? null,
        meta.session?.table ?? null,
        meta.parent?.gameId ?? null,
        meta.parent?.step ?? null,
      );
  }

  async createFork(meta: GameMeta & { parent: ForkOrigin }, entries: readonly RecordEntry[]): Promise<void> {
    const insert = this.db.prepare('INSERT INTO entries (game_id, seq, json) VALUES (?, ?, ?)');
    this.inTransaction(() => {
      this.insertGame(meta);
      for (const entry of entries) insert.run(meta.gameId, entry.seq, JSON.stringify(entry));
    });
  }

  async listForks(gameId: string): Promise<StoredFork[]> {
    const rows = this.db
      .prepare('SELECT game_id, parent_step, created_at, finished FROM games WHERE parent_game_id = ? AND parent_step IS NOT NULL ORDER BY created_at, game_id')
      .all(gameId);
    return rows.map((raw) => {
      const row = ForkRow.parse(raw);
      return { gameId: row.game_id, step: row.parent_step, createdAt: row.created_at, finished: row.finished === 1 };
    });
  }

  async loadGame(gameId: string): Promise<StoredGame | null> {
    const row = this.db.prepare('SELECT * FROM games WHERE game_id = ?').get(gameId);
    if (row === undefined) return null;
    const game = GameRow.parse(row);
    return {
      gameId: game.game_id,
      scenarioId: game.scenario_id,
      scenarioVersion: game.scenario_version,
      seed: game.seed,
      createdAt: game.created_at,
      timers: StoredTimers.parse(JSON.parse(game.timers)),
      cards: game.cards,
      finished: game.finished === 1,
      session: game.session_id !== null && game.table_label !== null ? { sessionId: game.session_id, table: game.table_label } : null,
      parent: game.parent_game_id !== null && game.parent_step !== null ? { gameId: game.parent_game_id, step: game.parent_step } : null,
      clock: game.clock === null ? null : StoredClockJson.parse(JSON.parse(game.clock)),
    };
  }

  appendEntry(gameId: string, entry: RecordEntry): Promise<void> {
    return this.appends.add({ gameId, entry });
  }

  async loadRecord(gameId: string): Promise<GameRecord | null> {
    const game = await this.loadGame(gameId);
    if (game === null) return null;
    const rows = this.db.prepare('SELECT json FROM entries WHERE game_id = ? ORDER BY seq').all(gameId);
    const entries = rows.map((row) => RecordEntry.parse(JSON.parse(EntryRow.parse(row).json)));
    return {
      gameId,
      scenarioId: game.scenarioId,
      scenarioVersion: game.scenarioVersion,
      seed: game.seed,
      createdAt: game.createdAt,
      // Only a fork says where it came from: every other record keeps its old shape.
      ...(game.parent === null ? {} : { parent: game.parent }),
      entries,
    };
  }

  async listUnfinished(): Promise<string[]> {
    const rows = this.db.prepare('SELECT game_id FROM games WHERE finished = 0 ORDER BY created_at').all();
    return rows.map((row) => IdRow.parse(row).game_id);
  }

  async markFinished(gameId: string): Promise<void> {
    this.db.prepare('UPDATE games SET finished = 1 WHERE game_id = ?').run(gameId);
  }

  async saveSeat(gameId: string, seatId: string, tokenHash: string, name: string): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO seats (game_id, seat_id, token_hash, name) VALUES (?, ?, ?, ?)
         ON CONFLICT (game_id, seat_id) DO UPDATE SET token_hash = excluded.token_hash, name = excluded.name`,
      )
      .run(gameId, seatId, tokenHash, name);
  }

  async loadSeats(gameId: string): Promise<StoredSeat[]> {
    const rows = this.db.prepare('SELECT seat_id, token_hash, name FROM seats WHERE game_id = ? ORDER BY seat_id').all(gameId);
    return rows.map((row) => {
      const seat = SeatRow.parse(row);
      return { seatId: seat.seat_id, tokenHash: seat.token_hash, name: seat.name };
    });
  }

  async saveCard(gameId: string, card: FrameworkCard): Promise<void> {
    this.db
      .prepare('INSERT INTO cards (game_id, seq, json) VALUES (?, ?, ?) ON CONFLICT (game_id, seq) DO UPDATE SET json = excluded.json')
      .run(gameId, card.seq, JSON.stringify(card));
  }

  async loadCards(gameId: string): Promise<FrameworkCard[]> {
    const rows = this.db.prepare('SELECT json FROM cards WHERE game_id = ? ORDER BY seq').all(gameId);
    return rows.map((row) => FrameworkCard.parse(JSON.parse(EntryRow.parse(row).json)));
  }

  async saveClock(gameId: string, clock: StoredClock | null): Promise<void> {
    this.db.prepare('UPDATE games SET clock = ? WHERE game_id = ?').run(clock === null ? null : JSON.stringify(clock), gameId);
  }

  async saveSeatBot(gameId: string, seatId: string, policy: BotPolicyId | null): Promise<void> {
    if (policy === null) {
      this.db.prepare('DELETE FROM seat_bots WHERE game_id = ? AND seat_id = ?').run(gameId, seatId);
      return;
    }
    this.db
      .prepare('INSERT INTO seat_bots (game_id, seat_id, policy) VALUES (?, ?, ?) ON CONFLICT (game_id, seat_id) DO UPDATE SET policy = excluded.policy')
      .run(gameId, seatId, policy);
  }

  async loadSeatBots(gameId: string): Promise<Record<string, BotPolicyId>> {
    const rows = this.db.prepare('SELECT seat_id, policy FROM seat_bots WHERE game_id = ? ORDER BY seat_id').all(gameId);
    const bots: Record<string, BotPolicyId> = {};
    for (const row of rows) {
      const bot = BotRow.parse(row);
      bots[bot.seat_id] = bot.policy;
    }
    return bots;
  }

  // ---- class sessions ---------------------------------------------------------

  async createSession(meta: SessionMeta): Promise<void> {
    this.db
      .prepare('INSERT INTO sessions (session_id, code, secret_hash, config, phase, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(meta.sessionId, meta.code, meta.secretHash, JSON.stringify(meta.config), 'lobby', meta.createdAt);
  }

  async loadSession(sessionId: string): Promise<StoredSession | null> {
    const row = this.db.prepare('SELECT * FROM sessions WHERE session_id = ?').get(sessionId);
    return row === undefined ? null : sessionOf(row);
  }

  async findLiveSession(code: string): Promise<StoredSession | null> {
    const row = this.db.prepare("SELECT * FROM sessions WHERE code = ? AND phase <> 'ended'").get(code);
    return row === undefined ? null : sessionOf(row);
  }

  async findSessionsByCode(code: string): Promise<StoredSession[]> {
    return this.db.prepare('SELECT * FROM sessions WHERE code = ? ORDER BY created_at DESC, session_id DESC').all(code).map(sessionOf);
  }

  async listLiveSessions(): Promise<string[]> {
    const rows = this.db.prepare("SELECT session_id FROM sessions WHERE phase <> 'ended' ORDER BY created_at").all();
    return rows.map((row) => SessionIdRow.parse(row).session_id);
  }

  async setSessionPhase(sessionId: string, phase: SessionPhase): Promise<void> {
    this.db.prepare('UPDATE sessions SET phase = ? WHERE session_id = ?').run(phase, sessionId);
  }

  async setAnnouncement(sessionId: string, text: string | null): Promise<void> {
    this.db.prepare('UPDATE sessions SET announcement = ? WHERE session_id = ?').run(text, sessionId);
  }

  async addStudent(student: StoredStudent): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO students (session_id, student_id, name, name_key, token_hash, table_label, seat_id, joined_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(student.sessionId, student.studentId, student.name, nameKey(student.name), student.tokenHash, student.table, student.seat, student.joinedAt);
  }

  async loadStudents(sessionId: string): Promise<RosterStudent[]> {
    const rows = this.db.prepare('SELECT * FROM students WHERE session_id = ? ORDER BY joined_at, student_id').all(sessionId);
    return rows.map((raw) => {
      const row = StudentRow.parse(raw);
      return {
        sessionId: row.session_id,
        studentId: row.student_id,
        name: row.name,
        tokenHash: row.token_hash,
        table: row.table_label,
        seat: row.seat_id,
        joinedAt: row.joined_at,
        schoolId: row.school_id,
      };
    });
  }

  async setSchoolId(sessionId: string, studentId: string, schoolId: string | null): Promise<void> {
    this.db.prepare('UPDATE students SET school_id = ? WHERE session_id = ? AND student_id = ?').run(schoolId, sessionId, studentId);
  }

  async seatStudent(sessionId: string, studentId: string, table: string | null, seat: string | null): Promise<void> {
    this.db.prepare('UPDATE students SET table_label = ?, seat_id = ? WHERE session_id = ? AND student_id = ?').run(table, seat, sessionId, studentId);
  }

  async loadSessionTables(sessionId: string): Promise<SessionTable[]> {
    const rows = this.db.prepare('SELECT table_label, game_id, finished FROM games WHERE session_id = ? ORDER BY created_at, game_id').all(sessionId);
    return rows.map((raw) => {
      const row = TableRow.parse(raw);
      return { table: row.table_label, gameId: row.game_id, finished: row.finished === 1 };
    });
  }

  async close(): Promise<void> {
    await this.appends.close();
    if (this.db.isOpen) this.db.close();
  }
}

function sessionOf(raw: unknown): StoredSession {
  const row = SessionRow.parse(raw);
  return {
    sessionId: row.session_id,
    code: row.code,
    secretHash: row.secret_hash,
    config: CreateSessionBody.parse(JSON.parse(row.config)),
    createdAt: row.created_at,
    phase: row.phase,
    announcement: row.announcement,
  };
}
