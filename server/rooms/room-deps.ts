import type { Logger } from 'pino';
import type { ScenarioCatalogue } from '../scenarios/catalogue.ts';
import type { Scorer } from '../scoring/scorer.ts';
import type { GameStore } from '../store/store.ts';
import type { MessageRate } from './limits.ts';

/** What a game room needs from the server around it; handed over through the room definition, never by a client. */
export type RoomDeps = {
  store: GameStore;
  catalogue: ScenarioCatalogue;
  log: Logger;
  messageRate: MessageRate;
  /** Scores decisions on worker threads; the room never waits for it. */
  scorer: Scorer;
  /**
   * Games the server itself is opening right now. Colyseus also lets any client ask
   * for a room over HTTP; a game room opens only for an id in this set.
   */
  openings: Set<string>;
};

/**
 * The options a game room is created with: the server's dependencies (room defaults) and
 * the game to load. `gameId` may come from a client's request, so it is checked, not trusted.
 */
export type GameRoomOptions = { deps: RoomDeps; gameId?: unknown };
