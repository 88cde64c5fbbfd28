import type { BotPolicyId } from '../../shared/bots/policy.ts';
import type { CardRelease } from '../../shared/protocol.ts';
import type { GameRecord, RecordEntry } from '../../shared/record.ts';
import type { ForkOrigin, ForkSummary } from '../../shared/review/schemas.ts';
import type { Timers } from '../../shared/scenario/schema.ts';
import type { FrameworkCard } from '../../shared/scoring/card.ts';
import type { CreateSessionBody } from '../../shared/session.ts';

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
  /** The class session this game is a table of, and the table's label; absent for a game of its own. */
  session?: { sessionId: string; table: string } | undefined;
  /** A fork: the game it was forked from and how many of that game's entries it starts with. */
  parent?: ForkOrigin | undefined;
};

/** A game forked from another, as the store knows it (the review adds its scores). */
export type StoredFork = Omit<ForkSummary, 'scores' | 'occupants'>;

/**
 * A phase clock the instructor has touched (paused, resumed, extended), for the phase
 * that began at `phaseVersion`. A stored clock of an earlier phase is stale and ignored.
 */
export type StoredClock = { phaseVersion: number; deadline: number | null; pausedMs: number | null };

export type StoredGame = Omit<GameMeta, 'session' | 'parent'> & {
  finished: boolean;
  session: { sessionId: string; table: string } | null;
  parent: ForkOrigin | null;
  clock: StoredClock | null;
};

/** One entry of one game's record on its way to the store. */
export type AppendedEntry = { gameId: string; entry: RecordEntry };

/** A seat someone holds: the token is kept only as a hash, so a leaked database gives no seats away. */
export type StoredSeat = { seatId: string; tokenHash: string; name: string };

/** A class session: the secret is kept only as a hash; the config is the instructor's parsed request. */
export type SessionMeta = {
  sessionId: string;
  code: string;
  secretHash: string;
  config: CreateSessionBody;
  createdAt: number;
};
export type SessionPhase = 'lobby' | 'running' | 'ended';
export type StoredSession = SessionMeta & { phase: SessionPhase; announcement: string | null };

/** A student of a session and where they sit (table label and seat), if anywhere yet. */
export type StoredStudent = {
  sessionId: string;
  studentId: string;
  /** As typed (trimmed); shown escaped, compared case-insensitively. */
  name: string;
  tokenHash: string;
  table: string | null;
  seat: string | null;
  joinedAt: number;
};

/** A student as the roster is read back: with the id at their school, if the student or the instructor entered one. */
export type RosterStudent = StoredStudent & { schoolId: string | null };

/** A table of a session: the game played there. */
export type SessionTable = { table: string; gameId: string; finished: boolean };

/**
 * Where games live between moves and across restarts. Every method is async so a
 * networked engine (PostgreSQL) fits behind the same interface without touching callers.
 */
export interface GameStore {
  createGame(meta: GameMeta): Promise<void>;
  loadGame(gameId: string): Promise<StoredGame | null>;
  /** Durable before it resolves: the room broadcasts a move only after this. Seqs are unique per game. */
  appendEntry(gameId: string, entry: RecordEntry): Promise<void>;
  /** The record carries `parent` only for a fork. */
  loadRecord(gameId: string): Promise<GameRecord | null>;
  /**
   * A fork: the game and the entries it starts with (the parent's first `parent.step`),
   * written in one transaction, so a fork is never found with half its prefix.
   */
  createFork(meta: GameMeta & { parent: ForkOrigin }, entries: readonly RecordEntry[]): Promise<void>;
  /** The games forked from this one, oldest first. */
  listForks(gameId: string): Promise<StoredFork[]>;
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
  /** The instructor's hold on the phase clock (pause, extension); null clears it. */
  saveClock(gameId: string, clock: StoredClock | null): Promise<void>;
  /** The bot playing a seat; null gives the seat back to its students (or leaves it empty). */
  saveSeatBot(gameId: string, seatId: string, policy: BotPolicyId | null): Promise<void>;
  loadSeatBots(gameId: string): Promise<Record<string, BotPolicyId>>;

  // ---- class sessions ---------------------------------------------------------
  createSession(meta: SessionMeta): Promise<void>;
  loadSession(sessionId: string): Promise<StoredSession | null>;
  /** The session (not ended) that answers to this join code; codes are unique among those. */
  findLiveSession(code: string): Promise<StoredSession | null>;
  /** Every session that has had this join code, ended ones too, newest first (a code is free again once its session ends). */
  findSessionsByCode(code: string): Promise<StoredSession[]>;
  /** Sessions whose rooms must be reopened when the server starts. */
  listLiveSessions(): Promise<string[]>;
  setSessionPhase(sessionId: string, phase: SessionPhase): Promise<void>;
  setAnnouncement(sessionId: string, text: string | null): Promise<void>;
  /** Names are unique per session, case-insensitively: a second student with the same name is refused by the database too. */
  addStudent(student: StoredStudent): Promise<void>;
  loadStudents(sessionId: string): Promise<RosterStudent[]>;
  /** The id the student has at their school (for a gradebook), or null to clear it. */
  setSchoolId(sessionId: string, studentId: string, schoolId: string | null): Promise<void>;
  /** Where a student sits now (null, null: nowhere yet). */
  seatStudent(sessionId: string, studentId: string, table: string | null, seat: string | null): Promise<void>;
  /** The session's tables, by label order of creation. */
  loadSessionTables(sessionId: string): Promise<SessionTable[]>;
  close(): Promise<void>;
}

/** The form two names are compared in: "Ana" and "ANA" are one name in a class. */
export function nameKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}
