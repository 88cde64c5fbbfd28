import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { z } from 'zod';
import { CardRelease } from '../../shared/protocol.ts';
import { RecordEntry } from '../../shared/record.ts';
import type { GameRecord } from '../../shared/record.ts';
import { Timers } from '../../shared/scenario/schema.ts';
import { FrameworkCard } from '../../shared/scoring/card.ts';
import type { GameMeta, GameStore, StoredGame, StoredSeat } from './store.ts';

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
`;

/** Columns added after the first release, with the default an older database's games get. */
const ADDED_COLUMNS = [{ table: 'games', column: 'cards', definition: "TEXT NOT NULL DEFAULT 'immediate'" }];

const GameRow = z.object({
  game_id: z.string(),
  scenario_id: z.string(),
  scenario_version: z.number().int(),
  seed: z.number().int(),
  created_at: z.number(),
  timers: z.string(),
  finished: z.number().int(),
  cards: CardRelease,
});
const EntryRow = z.object({ json: z.string() });
const SeatRow = z.object({ seat_id: z.string(), token_hash: z.string(), name: z.string() });
const IdRow = z.object({ game_id: z.string() });
const ColumnRow = z.object({ name: z.string() });
const StoredTimers = Timers.partial();

/**
 * The default store: one SQLite file under DATA_DIR, through Node's built-in driver.
 * WAL with synchronous=FULL makes every committed statement durable when it returns,
 * which is what "append before broadcast" relies on.
 */
export class SqliteStore implements GameStore {
  private readonly db: DatabaseSync;

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.db = new DatabaseSync(join(dataDir, SQLITE_FILE));
    this.db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;');
    this.db.exec(SCHEMA);
    this.addMissingColumns();
  }

  /** A database written before a column existed gets it, with its default: old games keep working. */
  private addMissingColumns(): void {
    for (const { table, column, definition } of ADDED_COLUMNS) {
      const columns = this.db.prepare(`PRAGMA table_info(${table})`).all().map((row) => ColumnRow.parse(row).name);
      if (!columns.includes(column)) this.db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${definition}`);
    }
  }

  async createGame(meta: GameMeta): Promise<void> {
    this.db
      .prepare('INSERT INTO games (game_id, scenario_id, scenario_version, seed, created_at, timers, cards) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(meta.gameId, meta.scenarioId, meta.scenarioVersion, meta.seed, meta.createdAt, JSON.stringify(meta.timers), meta.cards);
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
    };
  }

  async appendEntry(gameId: string, entry: RecordEntry): Promise<void> {
    this.db.prepare('INSERT INTO entries (game_id, seq, json) VALUES (?, ?, ?)').run(gameId, entry.seq, JSON.stringify(entry));
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

  async close(): Promise<void> {
    if (this.db.isOpen) this.db.close();
  }
}
