import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { matchMaker, Server } from '@colyseus/core';
import { WebSocketTransport } from '@colyseus/ws-transport';
import type { Logger } from 'pino';
import { GAME_ROOM } from '../shared/protocol.ts';
import { mountApi } from './http/api.ts';
import { serveClient } from './http/client-files.ts';
import { DEFAULT_MESSAGE_RATE, MAX_FRAME_BYTES } from './rooms/limits.ts';
import type { MessageRate } from './rooms/limits.ts';
import { GameRoom } from './rooms/game-room.ts';
import type { GameRoomOptions, RoomDeps } from './rooms/room-deps.ts';
import { loadCatalogue } from './scenarios/catalogue.ts';
import { createScorer } from './scoring/scorer.ts';
import type { Scorer } from './scoring/scorer.ts';
import { SqliteStore } from './store/sqlite-store.ts';
import type { GameStore } from './store/store.ts';

export type StartOptions = {
  /** 0 picks a free port. */
  port: number;
  dataDir: string;
  scenariosDir: string;
  distDir: string;
  log: Logger;
  /** Per-connection soft message rate; tests that play fast raise it. */
  messageRate?: MessageRate;
  /** Bind address; all interfaces when omitted, so classroom devices can reach it. */
  host?: string;
};

/**
 * `store` is the server's own, for tests that must read a record before the game has ended;
 * `scorer` lets them wait until every decision made so far has been scored.
 */
export type RunningServer = { port: number; url: string; store: GameStore; scorer: Scorer; close(): Promise<void> };

/**
 * One process, one port: the HTTP API, the built client and the game rooms' WebSockets.
 * Reopens the room of every unfinished game in the store, so a restart loses no table.
 */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const { log } = options;
  const catalogue = await loadCatalogue(options.scenariosDir, log);
  const store: GameStore = new SqliteStore(options.dataDir);
  const scorer = createScorer(log.child({ component: 'scoring' }));
  const openings = new Set<string>();
  const deps: RoomDeps = { store, catalogue, log, messageRate: options.messageRate ?? DEFAULT_MESSAGE_RATE, openings, scorer };

  const openRoom = async (gameId: string): Promise<void> => {
    openings.add(gameId);
    try {
      const createOptions: GameRoomOptions = { gameId, deps };
      await matchMaker.createRoom(GAME_ROOM, createOptions);
    } finally {
      openings.delete(gameId);
    }
  };

  const httpServer = createServer();
  const server = new Server({
    transport: new WebSocketTransport({ server: httpServer, maxPayload: MAX_FRAME_BYTES }),
    greet: false,
    // main.ts owns the signals: it closes the store after the rooms.
    gracefullyShutdown: false,
    logger: log.child({ component: 'colyseus' }),
    express: (app) => {
      app.disable('x-powered-by');
      mountApi(app, { store, catalogue, log, scorer, openRoom });
      serveClient(app, options.distDir);
    },
  });
  // deps travel as the room's default options, which a client's matchmaking request cannot override.
  server.define(GAME_ROOM, GameRoom, { deps });

  await server.listen(options.port, options.host);
  const port = (httpServer.address() as AddressInfo).port;

  for (const gameId of await store.listUnfinished()) {
    try {
      await openRoom(gameId);
      log.info({ gameId }, 'game restored');
    } catch (error) {
      log.error({ gameId, err: error }, 'could not restore a game; it stays in the store');
    }
  }

  let closing: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      await server.gracefullyShutdown(false);
      // Cards still being scored are lost with the workers; the next start scores them again.
      await scorer.close();
      await store.close();
    })();
    return closing;
  };
  return { port, url: `http://localhost:${port}`, store, scorer, close };
}
