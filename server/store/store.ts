import type { CardRelease } from '../../shared/protocol.ts';
import type { GameRecord, RecordEntry } from '../../shared/record.ts';
import type { Timers } from '../../shared/scenario/schema.ts';
import type { FrameworkCard } from '../../shared/scoring/card.ts';

/** What the store keeps about a game besides its log: enough to rebuild its room after a restart. */
export type GameMeta = {
  gameId: string;
  scenarioId: string;
  scenarioVersion: number;
  seed: number;
  createdAt: number;
  /** The instructor's per-game phase lengths, overriding the scenario's. */
  timers: Partial<Timers>;
  /** When each seat sees the framework cards on its decisions. */
  cards: CardRelease;
};

export type StoredGame = GameMeta & { finished: boolean };

/** A seat someone holds: the token is kept only as a hash, so a leaked database gives no seats away. */
export type StoredSeat = { seatId: string; tokenHash: string; name: string };

/**
 * Where games live between moves and across restarts. Every method is async so a
 * networked engine (PostgreSQL) fits behind the same interface without touching callers.
 */
export interface GameStore {
  createGame(meta: GameMeta): Promise<void>;
  loadGame(gameId: string): Promise<StoredGame | null>;
  /** Durable before it resolves: the room broadcasts a move only after this. Seqs are unique per game. */
  appendEntry(gameId: string, entry: RecordEntry): Promise<void>;
  loadRecord(gameId: string): Promise<GameRecord | null>;
  /** Games whose rooms must be reopened when the server starts. */
  listUnfinished(): Promise<string[]>;
  markFinished(gameId: string): Promise<void>;
  /** Insert or replace the holder of a seat. */
  saveSeat(gameId: string, seatId: string, tokenHash: string, name: string): Promise<void>;
  loadSeats(gameId: string): Promise<StoredSeat[]>;
  /** Insert or replace the framework card of the decision at `card.seq`. */
  saveCard(gameId: string, card: FrameworkCard): Promise<void>;
  /** The game's stored cards, by seq; a decision the server never finished scoring has none. */
  loadCards(gameId: string): Promise<FrameworkCard[]>;
  close(): Promise<void>;
}
