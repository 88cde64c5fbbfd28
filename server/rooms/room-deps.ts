import type { Logger } from 'pino';
import type { ScenarioCatalogue } from '../scenarios/catalogue.ts';
import type { Scorer } from '../scoring/scorer.ts';
import type { GameStore } from '../store/store.ts';
import type { MessageRate } from './limits.ts';

/** What the rooms need from the server around them; handed over through the room definitions, never by a client. */
export type RoomDeps = {
  store: GameStore;
  catalogue: ScenarioCatalogue;
  log: Logger;
  messageRate: MessageRate;
  /** Scores decisions on worker threads; the room never waits for it. */
  scorer: Scorer;
  /**
   * Games and sessions the server itself is opening right now. Colyseus also lets any
   * client ask for a room over HTTP; a room opens only for an id in this set.
   */
  openings: Set<string>;
  /** Opens the live room of a stored game (a class session opens its tables with it). */
  openGame: (gameId: string) => Promise<void>;
  /** How long a dropped connection's session can be resumed; after that its token still brings it back. */
  reconnectSeconds: number;
  /** The least time between two moves of one bot (a class session may set its own); tests make it small. */
  botPaceMs: number;
  /** How long a game of its own waits for its first player, or for one to come back once all have left, before it ends. */
  openGameExpirySeconds: number;
  /** A move that finds its table's queue stuck this long is refused as busy at once. */
  maxQueueWaitMs: number;
};

/**
 * The options a game room is created with: the server's dependencies (room defaults) and
 * the game to load. `gameId` may come from a client's request, so it is checked, not trusted.
 */
export type GameRoomOptions = { deps: RoomDeps; gameId?: unknown };

/** The same for a class session's room. */
export type SessionRoomOptions = { deps: RoomDeps; sessionId?: unknown };
