import { Pool } from 'pg';
import type { PoolClient } from 'pg';
import type { Logger } from 'pino';
import type { BotPolicyId } from '../../shared/bots/policy.ts';
import { RecordEntry } from '../../shared/record.ts';
import type { GameRecord } from '../../shared/record.ts';
import { Timers } from '../../shared/scenario/schema.ts';
import { FrameworkCard } from '../../shared/scoring/card.ts';
import { CreateSessionBody } from '../../shared/session.ts';
import { MAX_WAITING_APPENDS } from '../rooms/limits.ts';
import { ACTOR_MIGRATION, actorRewrites, type GameToMigrate } from './actor-migration.ts';
import { GroupCommit } from './group-commit.ts';
import {
  BotRow,
  MigrateBotRow,
  MigrateEntryRow,
  MigrateGameRow,
  MigrateSeatRow,
  ForkRow,
  GameRow,
  IdRow,
  JsonRow,
  SCHEMA,
  SeatRow,
  SessionIdRow,
  SessionRow,
  SettingRow,
  StoredClockJson,
  StudentRow,
  TableRow,
} from './pg-schema.ts';
import { nameKey } from './store.ts';
import type { ForkOrigin } from '../../shared/review/schemas.ts';
import type { AppendedEntry, GameMeta, GameStore, RosterStudent, SessionMeta, SessionPhase, SessionTable, StoredClock, StoredFork, StoredGame, StoredSeat, StoredSession, StoredStudent } from './store.ts';

/** Several servers may start at once against one database (scale-out): one creates the tables, the others wait. */
const SCHEMA_LOCK = 'border-bargain schema';

const StoredTimers = Timers.partial();

export type PgStoreOptions = { connectionString: string; log: Logger; maxWaitingAppends?: number };

/** A batch of entries as one statement (one round trip, one commit), prepared once per connection. */
const APPEND_ENTRIES = {
  name: 'append-entries',
  text: 'INSERT INTO entries (game_id, seq, json) SELECT * FROM unnest($1::text[], $2::integer[], $3::text[])',
};

/**
 * The store for a department or a MOOC: PostgreSQL through a `pg` pool, shared by
 * every server process. A move's entry is committed, with a synchronous commit, before
 * `appendEntry` resolves, which is what "append before broadcast" relies on. Appends are
 * group-committed: the entries of every table that arrive while the last batch is being
 * committed go together in one multi-row INSERT, one round trip for all of them.
 */
export class PgStore implements GameStore {
  private readonly pool: Pool;
  /** Set when the database's own setting would acknowledge a commit before it reaches the disk. */
  private readonly forceSynchronousCommit: boolean;
  private readonly appends: GroupCommit<AppendedEntry>;
  private closing: Promise<void> | null = null;

  private constructor(pool: Pool, forceSynchronousCommit: boolean, maxWaitingAppends: number) {
    this.pool = pool;
    this.forceSynchronousCommit = forceSynchronousCommit;
    this.appends = new GroupCommit((batch) => this.writeEntries(batch), maxWaitingAppends);
  }

  /** Connects, creates the tables if they are missing, and checks that commits are durable. */
  static async open(options: PgStoreOptions): Promise<PgStore> {
    const { log } = options;
    const pool = new Pool({
      connectionString: options.connectionString,
      application_name: 'border-bargain',
      // An unreachable database fails the start with an error instead of hanging it.
      connectionTimeoutMillis: 10_000,
    });
    // An idle connection the server drops (a restart, a failover) must not take the process down;
    // the pool replaces it on the next query.
    pool.on('error', (error) => log.error({ err: error }, 'an idle PostgreSQL connection failed'));
    try {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [SCHEMA_LOCK]);
        await client.query(SCHEMA);
        await migrate(client);
        await client.query('COMMIT');
        const setting = SettingRow.parse((await client.query('SHOW synchronous_commit')).rows[0]);
        const force = setting.synchronous_commit === 'off';
        if (force) log.warn('synchronous_commit is off in this database; the game record turns it on for its own commits');
        client.release();
        return new PgStore(pool, force, options.maxWaitingAppends ?? MAX_WAITING_APPENDS);
      } catch (error) {
        client.release(true);
        throw error;
      }
    } catch (error) {
      await pool.end();
      throw error;
    }
  }

  /** One transaction on one connection: committed before it resolves, rolled back if `work` throws. */
  private async transaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken = false;
    try {
      await client.query(this.forceSynchronousCommit ? 'BEGIN; SET LOCAL synchronous_commit = on' : 'BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      try {
        await client.query('ROLLBACK');
      } catch {
        // A connection that cannot even roll back is not given to the next caller.
        broken = true;
      }
      throw error;
    } finally {
      client.release(broken);
    }
  }

  async createGame(meta: GameMeta): Promise<void> {
    await insertGame(this.pool, meta);
  }

  async createFork(meta: GameMeta & { parent: ForkOrigin }, entries: readonly RecordEntry[]): Promise<void> {
    await this.transaction(async (client) => {
      await insertGame(client, meta);
      for (const entry of entries) {
        await client.query('INSERT INTO entries (game_id, seq, json) VALUES ($1, $2, $3)', [meta.gameId, entry.seq, JSON.stringify(entry)]);
      }
    });
  }

  async listForks(gameId: string): Promise<StoredFork[]> {
    const { rows } = await this.pool.query(
      'SELECT game_id, parent_step, created_at, finished FROM games WHERE parent_game_id = $1 AND parent_step IS NOT NULL ORDER BY created_at, game_id COLLATE "C"',
      [gameId],
    );
    return rows.map((raw) => {
      const row = ForkRow.parse(raw);
      return { gameId: row.game_id, step: row.parent_step, createdAt: row.created_at, finished: row.finished };
    });
  }

  async loadGame(gameId: string): Promise<StoredGame | null> {
    const { rows } = await this.pool.query('SELECT * FROM games WHERE game_id = $1', [gameId]);
    if (rows[0] === undefined) return null;
    const game = GameRow.parse(rows[0]);
    return {
      gameId: game.game_id,
      scenarioId: game.scenario_id,
      scenarioVersion: game.scenario_version,
      seed: game.seed,
      createdAt: game.created_at,
      timers: StoredTimers.parse(JSON.parse(game.timers)),
      cards: game.cards,
      finished: game.finished,
      session: game.session_id !== null && game.table_label !== null ? { sessionId: game.session_id, table: game.table_label } : null,
      parent: game.parent_game_id !== null && game.parent_step !== null ? { gameId: game.parent_game_id, step: game.parent_step } : null,
      clock: game.clock === null ? null : StoredClockJson.parse(JSON.parse(game.clock)),
    };
  }

  appendEntry(gameId: string, entry: RecordEntry): Promise<void> {
    return this.appends.add({ gameId, entry });
  }

  /** One statement is its own transaction: all of the batch is committed, or none of it. */
  private async writeEntries(batch: readonly AppendedEntry[]): Promise<void> {
    const query = {
      ...APPEND_ENTRIES,
      values: [batch.map((b) => b.gameId), batch.map((b) => b.entry.seq), batch.map((b) => JSON.stringify(b.entry))],
    };
    if (this.forceSynchronousCommit) await this.transaction((client) => client.query(query));
    else await this.pool.query(query);
  }

  async loadRecord(gameId: string): Promise<GameRecord | null> {
    const game = await this.loadGame(gameId);
    if (game === null) return null;
    const { rows } = await this.pool.query('SELECT json FROM entries WHERE game_id = $1 ORDER BY seq', [gameId]);
    const entries = rows.map((row) => RecordEntry.parse(JSON.parse(JsonRow.parse(row).json)));
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
    const { rows } = await this.pool.query('SELECT game_id FROM games WHERE NOT finished ORDER BY created_at, game_id COLLATE "C"');
    return rows.map((row) => IdRow.parse(row).game_id);
  }

  async markFinished(gameId: string): Promise<void> {
    await this.pool.query('UPDATE games SET finished = TRUE WHERE game_id = $1', [gameId]);
  }

  async saveSeat(gameId: string, seatId: string, tokenHash: string, name: string): Promise<void> {
    await this.pool.query(
      `INSERT INTO seats (game_id, seat_id, token_hash, name) VALUES ($1, $2, $3, $4)
       ON CONFLICT (game_id, seat_id) DO UPDATE SET token_hash = excluded.token_hash, name = excluded.name`,
      [gameId, seatId, tokenHash, name],
    );
  }

  async loadSeats(gameId: string): Promise<StoredSeat[]> {
    // COLLATE "C": the same byte order as SQLite's, whatever the database's locale.
    const { rows } = await this.pool.query('SELECT seat_id, token_hash, name FROM seats WHERE game_id = $1 ORDER BY seat_id COLLATE "C"', [gameId]);
    return rows.map((row) => {
      const seat = SeatRow.parse(row);
      return { seatId: seat.seat_id, tokenHash: seat.token_hash, name: seat.name };
    });
  }

  async saveCard(gameId: string, card: FrameworkCard): Promise<void> {
    await this.pool.query(
      'INSERT INTO cards (game_id, seq, json) VALUES ($1, $2, $3) ON CONFLICT (game_id, seq) DO UPDATE SET json = excluded.json',
      [gameId, card.seq, JSON.stringify(card)],
    );
  }

  async loadCards(gameId: string): Promise<FrameworkCard[]> {
    const { rows } = await this.pool.query('SELECT json FROM cards WHERE game_id = $1 ORDER BY seq', [gameId]);
    return rows.map((row) => FrameworkCard.parse(JSON.parse(JsonRow.parse(row).json)));
  }

  async saveClock(gameId: string, clock: StoredClock | null): Promise<void> {
    await this.pool.query('UPDATE games SET clock = $1 WHERE game_id = $2', [clock === null ? null : JSON.stringify(clock), gameId]);
  }

  async saveSeatBot(gameId: string, seatId: string, policy: BotPolicyId | null): Promise<void> {
    if (policy === null) {
      await this.pool.query('DELETE FROM seat_bots WHERE game_id = $1 AND seat_id = $2', [gameId, seatId]);
      return;
    }
    await this.pool.query(
      'INSERT INTO seat_bots (game_id, seat_id, policy) VALUES ($1, $2, $3) ON CONFLICT (game_id, seat_id) DO UPDATE SET policy = excluded.policy',
      [gameId, seatId, policy],
    );
  }

  async loadSeatBots(gameId: string): Promise<Record<string, BotPolicyId>> {
    const { rows } = await this.pool.query('SELECT seat_id, policy FROM seat_bots WHERE game_id = $1 ORDER BY seat_id COLLATE "C"', [gameId]);
    const bots: Record<string, BotPolicyId> = {};
    for (const row of rows) {
      const bot = BotRow.parse(row);
      bots[bot.seat_id] = bot.policy;
    }
    return bots;
  }

  // ---- class sessions ---------------------------------------------------------

  async createSession(meta: SessionMeta): Promise<void> {
    await this.pool.query(
      'INSERT INTO sessions (session_id, code, secret_hash, config, phase, created_at) VALUES ($1, $2, $3, $4, $5, $6)',
      [meta.sessionId, meta.code, meta.secretHash, JSON.stringify(meta.config), 'lobby', meta.createdAt],
    );
  }

  async loadSession(sessionId: string): Promise<StoredSession | null> {
    const { rows } = await this.pool.query('SELECT * FROM sessions WHERE session_id = $1', [sessionId]);
    return rows[0] === undefined ? null : sessionOf(rows[0]);
  }

  async findLiveSession(code: string): Promise<StoredSession | null> {
    const { rows } = await this.pool.query("SELECT * FROM sessions WHERE code = $1 AND phase <> 'ended'", [code]);
    return rows[0] === undefined ? null : sessionOf(rows[0]);
  }

  async findSessionsByCode(code: string): Promise<StoredSession[]> {
    const { rows } = await this.pool.query('SELECT * FROM sessions WHERE code = $1 ORDER BY created_at DESC, session_id COLLATE "C" DESC', [code]);
    return rows.map(sessionOf);
  }

  async listLiveSessions(): Promise<string[]> {
    const { rows } = await this.pool.query(`SELECT session_id FROM sessions WHERE phase <> 'ended' ORDER BY created_at, session_id COLLATE "C"`);
    return rows.map((row) => SessionIdRow.parse(row).session_id);
  }

  async setSessionPhase(sessionId: string, phase: SessionPhase): Promise<void> {
    await this.pool.query('UPDATE sessions SET phase = $1 WHERE session_id = $2', [phase, sessionId]);
  }

  async setAnnouncement(sessionId: string, text: string | null): Promise<void> {
    await this.pool.query('UPDATE sessions SET announcement = $1 WHERE session_id = $2', [text, sessionId]);
  }

  async addStudent(student: StoredStudent): Promise<void> {
    await this.pool.query(
      `INSERT INTO students (session_id, student_id, name, name_key, token_hash, table_label, seat_id, joined_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [student.sessionId, student.studentId, student.name, nameKey(student.name), student.tokenHash, student.table, student.seat, student.joinedAt],
    );
  }

  async loadStudents(sessionId: string): Promise<RosterStudent[]> {
    const { rows } = await this.pool.query('SELECT * FROM students WHERE session_id = $1 ORDER BY joined_at, student_id COLLATE "C"', [sessionId]);
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
    await this.pool.query('UPDATE students SET school_id = $1 WHERE session_id = $2 AND student_id = $3', [schoolId, sessionId, studentId]);
  }

  async seatStudent(sessionId: string, studentId: string, table: string | null, seat: string | null): Promise<void> {
    await this.pool.query('UPDATE students SET table_label = $1, seat_id = $2 WHERE session_id = $3 AND student_id = $4', [table, seat, sessionId, studentId]);
  }

  async loadSessionTables(sessionId: string): Promise<SessionTable[]> {
    const { rows } = await this.pool.query(
      'SELECT table_label, game_id, finished FROM games WHERE session_id = $1 ORDER BY created_at, game_id COLLATE "C"',
      [sessionId],
    );
    return rows.map((raw) => {
      const row = TableRow.parse(raw);
      return { table: row.table_label, gameId: row.game_id, finished: row.finished };
    });
  }

  async close(): Promise<void> {
    this.closing ??= this.appends.close().then(() => this.pool.end());
    await this.closing;
  }
}

/** On the pool for a game of its own, on a transaction's client for a fork. */
/** Data migrations not yet applied, inside the schema lock's transaction: one server migrates, the others find it done. */
async function migrate(client: PoolClient): Promise<void> {
  const applied = await client.query('SELECT version FROM schema_migrations WHERE version = $1', [ACTOR_MIGRATION.version]);
  if (applied.rows.length > 0) return;
  for (const rewrite of actorRewrites(await gamesToMigrate(client))) {
    await client.query('UPDATE entries SET json = $1 WHERE game_id = $2 AND seq = $3', [rewrite.json, rewrite.gameId, rewrite.seq]);
  }
  await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [ACTOR_MIGRATION.version, ACTOR_MIGRATION.name, Date.now()]);
}

async function gamesToMigrate(client: PoolClient): Promise<GameToMigrate[]> {
  const games = (await client.query('SELECT game_id, session_id, parent_game_id, parent_step FROM games ORDER BY created_at, game_id COLLATE "C"')).rows.map((row) => MigrateGameRow.parse(row));
  const seats = (await client.query('SELECT game_id, seat_id, name FROM seats')).rows.map((row) => MigrateSeatRow.parse(row));
  const bots = (await client.query('SELECT game_id, seat_id, policy FROM seat_bots')).rows.map((row) => MigrateBotRow.parse(row));
  const entries = (await client.query('SELECT game_id, seq, json FROM entries ORDER BY game_id, seq')).rows.map((row) => MigrateEntryRow.parse(row));
  const seatsOf = Map.groupBy(seats, (seat) => seat.game_id);
  const botsOf = Map.groupBy(bots, (bot) => bot.game_id);
  const entriesOf = Map.groupBy(entries, (entry) => entry.game_id);
  return games.map((game) => ({
    gameId: game.game_id,
    classTable: game.session_id !== null,
    parent: game.parent_game_id !== null && game.parent_step !== null ? { gameId: game.parent_game_id, step: game.parent_step } : null,
    holders: new Map((seatsOf.get(game.game_id) ?? []).map((seat) => [seat.seat_id, seat.name])),
    bots: new Map((botsOf.get(game.game_id) ?? []).map((bot) => [bot.seat_id, bot.policy])),
    entries: entriesOf.get(game.game_id) ?? [],
  }));
}

async function insertGame(db: Pool | PoolClient, meta: GameMeta): Promise<void> {
  await db.query(
    `INSERT INTO games (game_id, scenario_id, scenario_version, seed, created_at, timers, cards, session_id, table_label, parent_game_id, parent_step)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
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
    ],
  );
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
