import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { matchMaker, Server } from '@colyseus/core';
import type { Presence } from '@colyseus/core';
import { RedisDriver } from '@colyseus/redis-driver';
import { RedisPresence } from '@colyseus/redis-presence';
import type { Logger } from 'pino';
import { GAME_ROOM } from '../shared/protocol.ts';
import { SESSION_ROOM } from '../shared/session.ts';
import { DEFAULT_JOIN_LIMITS } from './http/address-limit.ts';
import type { JoinLimits } from './http/address-limit.ts';
import type { TrustProxy } from './http/trust-proxy.ts';
import { mountApi } from './http/api.ts';
import { DEFAULT_CREATION_LIMITS } from './http/creation-limit.ts';
import type { CreationLimits } from './http/creation-limit.ts';
import { serveClient } from './http/client-files.ts';
import { compressResponses } from './http/compression.ts';
import { QuietWebSocketTransport } from './rooms/socket-errors.ts';
import { BOT_PACE_MS, DEFAULT_MESSAGE_RATE, MAX_FRAME_BYTES, MAX_QUEUE_WAIT_MS, OPEN_GAME_EXPIRY_SECONDS, RECONNECT_SECONDS } from './rooms/limits.ts';
import type { MessageRate } from './rooms/limits.ts';
import { GameRoom } from './rooms/game-room.ts';
import { admitByInvitationOnly } from './rooms/invitation.ts';
import type { RoomDeps } from './rooms/room-deps.ts';
import { SessionRoom } from './rooms/session-room.ts';
import { ClusterRooms } from './scale/cluster.ts';
import { LocalRooms, singleProcess } from './scale/local-rooms.ts';
import type { RoomOpener } from './scale/local-rooms.ts';
import { RoomClaims } from './scale/room-claims.ts';
import { loadCatalogue } from './scenarios/catalogue.ts';
import { createScorer } from './scoring/scorer.ts';
import type { Scorer } from './scoring/scorer.ts';
import { openStore } from './store/open-store.ts';
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
  /** PUBLIC_URL: where students reach this server; the machine's network addresses when omitted. */
  publicUrl?: string | undefined;
  /** Bind address; all interfaces when omitted, so classroom devices can reach it. */
  host?: string;
  /** PostgreSQL instead of SQLite under `dataDir` (`DATABASE_URL`). */
  databaseUrl?: string | undefined;
  /** How long a dropped connection can resume its session; tests shorten it to stage a long absence. */
  reconnectSeconds?: number;
  /** The least time between two moves of one bot; tests shorten it. */
  botPaceMs?: number;
  /** Joins by code per address; a test of a 200-student burst from one address raises them. */
  joinLimits?: JoinLimits;
  /** Games and class sessions created per address and overall; tests that create many raise them. */
  creationLimits?: CreationLimits;
  /** Whose X-Forwarded-For names a client's address for the per-address limits (`TRUST_PROXY`); off when omitted. */
  trustProxy?: TrustProxy;
  /** How long a table's queue may be stuck before new moves are refused as busy; a test sets 0 to see one refused. */
  maxQueueWaitMs?: number;
  /** Scoring worker threads (every core but one when omitted); a test sets 0 to hold every decision in the queue. */
  scoringWorkers?: number;
  /** Waiting decisions past which the scoring pool reports that it is behind (MAX_SCORING_BACKLOG when omitted). */
  scoringBacklog?: number;
  /** How long a game of its own waits for its first player; tests shorten it to see one expire. */
  openGameExpirySeconds?: number;
  /**
   * Several processes serving one deployment (`REDIS_URL`, `PUBLIC_ADDRESS`): Colyseus's Redis
   * presence and driver, records in PostgreSQL. Absent: this process serves every room alone.
   */
  cluster?: ClusterOptions;
};

export type ClusterOptions = {
  redisUrl: string;
  /** Where clients reach this process's WebSockets (`host[:port][/path]`), which the seat reservations name. */
  publicAddress: string;
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
  const store: GameStore = await openStore({ dataDir: options.dataDir, databaseUrl: options.databaseUrl, log: log.child({ component: 'store' }) });
  const scorer = createScorer(log.child({ component: 'scoring' }), { workers: options.scoringWorkers, bound: options.scoringBacklog });
  const openings = new Set<string>();
  const rooms = new LocalRooms(openings);
  const cluster = options.cluster === undefined ? null : await joinCluster(options, rooms, store);
  const opener: RoomOpener = cluster?.rooms ?? singleProcess(rooms);
  const openRoom = (gameId: string): Promise<void> => opener.open('game', gameId);
  const openSession = (sessionId: string): Promise<void> => opener.open('session', sessionId);

  const deps: RoomDeps = {
    store,
    catalogue,
    log,
    messageRate: options.messageRate ?? DEFAULT_MESSAGE_RATE,
    openings,
    scorer,
    openGame: openRoom,
    reconnectSeconds: options.reconnectSeconds ?? RECONNECT_SECONDS,
    botPaceMs: options.botPaceMs ?? BOT_PACE_MS,
    openGameExpirySeconds: options.openGameExpirySeconds ?? OPEN_GAME_EXPIRY_SECONDS,
    maxQueueWaitMs: options.maxQueueWaitMs ?? MAX_QUEUE_WAIT_MS,
  };

  const httpServer = createServer();
  const server = new Server({
    transport: new QuietWebSocketTransport({ server: httpServer, maxPayload: MAX_FRAME_BYTES }, log.child({ component: 'socket' })),
    greet: false,
    // main.ts owns the signals: it closes the store after the rooms.
    gracefullyShutdown: false,
    logger: log.child({ component: 'colyseus' }),
    ...(cluster === null
      ? {}
      : {
          presence: cluster.presence,
          driver: cluster.driver,
          publicAddress: cluster.publicAddress,
          // Where a room goes is the cluster's choice (the claims), never Colyseus's own.
          selectProcessIdToCreateRoom: async () => matchMaker.processId,
        }),
    express: (app) => {
      app.disable('x-powered-by');
      app.set('trust proxy', options.trustProxy ?? false);
      app.use(compressResponses());
      mountApi(app, {
        store,
        catalogue,
        log,
        scorer,
        openRoom,
        openSession,
        joinLimits: options.joinLimits ?? DEFAULT_JOIN_LIMITS,
        creationLimits: options.creationLimits ?? DEFAULT_CREATION_LIMITS,
        publicUrl: options.publicUrl,
      });
      serveClient(app, options.distDir);
    },
  });
  // Rooms are also private to matchmaking (setPrivate), so no call ever hands a room out by name.
  admitByInvitationOnly();
  // deps travel as the room's default options, which a client's matchmaking request cannot override.
  server.define(GAME_ROOM, GameRoom, { deps }).on('dispose', (room: GameRoom) => opener.closed(room.roomId));
  server.define(SESSION_ROOM, SessionRoom, { deps }).on('dispose', (room: SessionRoom) => opener.closed(room.roomId));

  await server.listen(options.port, options.host);
  const port = (httpServer.address() as AddressInfo).port;
  await cluster?.rooms.start();

  // Sessions first: each table reports to its session's room as it opens. In a cluster, a
  // room another live process holds stays there.
  for (const sessionId of await store.listLiveSessions()) {
    try {
      if (await opener.restore('session', sessionId)) log.info({ sessionId }, 'session restored');
    } catch (error) {
      log.error({ sessionId, err: error }, 'could not restore a session; it stays in the store');
    }
  }
  for (const gameId of await store.listUnfinished()) {
    try {
      if (await opener.restore('game', gameId)) log.info({ gameId }, 'game restored');
    } catch (error) {
      log.error({ gameId, err: error }, 'could not restore a game; it stays in the store');
    }
  }

  let closing: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      await opener.close();
      await server.gracefullyShutdown(false);
      await cluster?.rooms.end();
      // Decisions still waiting for their cards stay in their records: the next start scores them (TableGame.open, completeCards).
      await scorer.close();
      await store.close();
    })();
    return closing;
  };
  return { port, url: `http://localhost:${port}`, store, scorer, close };
}

type Cluster = { rooms: ClusterRooms; presence: Presence; driver: RedisDriver; publicAddress: string };

/** Colyseus's Redis presence and driver, and the room claims beside the records in PostgreSQL. */
async function joinCluster(options: StartOptions, rooms: LocalRooms, store: GameStore): Promise<Cluster> {
  const cluster = options.cluster;
  if (cluster === undefined) throw new Error('no cluster options');
  const databaseUrl = options.databaseUrl?.trim() ?? '';
  if (databaseUrl === '') {
    throw new Error('REDIS_URL needs DATABASE_URL as well: the processes of a cluster keep their games in one PostgreSQL, not each in a SQLite file of its own');
  }
  const claims = await RoomClaims.open(databaseUrl, options.log.child({ component: 'cluster' }));
  return {
    rooms: new ClusterRooms({ rooms, claims, store, log: options.log }),
    presence: new RedisPresence(cluster.redisUrl),
    driver: new RedisDriver(cluster.redisUrl),
    publicAddress: cluster.publicAddress,
  };
}
