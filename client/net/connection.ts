import { Client, type Room } from '@colyseus/sdk';
import { z } from 'zod';
import {
  ApiError,
  CardsMessage,
  CreatedGame,
  GameAndScenario,
  GameSummary,
  PlayerView,
  Refusal,
  ScenarioSummary,
  Welcome,
  type ClientMessage,
  type ClockRequest,
  type CreateGameBody,
  type JoinOptions,
} from '../../shared/protocol.ts';
import type { Move } from '../../shared/rules/moves.ts';
import { Scenario } from '../../shared/scenario/schema.ts';
import { Announcement, type InstructorWatch } from '../../shared/session.ts';
import type { FrameworkCard } from '../../shared/scoring/card.ts';
import { clockOffsetFrom } from '../ui/format.ts';

import { holdSeat } from './seat-store.ts';
import { typedSend } from './typed-send.ts';

/**
 * The only module that talks to the server. Screens and panels read a typed view-model
 * from here and hand back intents; they never see HTTP or WebSocket details.
 */

/**
 * The page's own origin, in production and in `vite dev` alike: vite.config.ts proxies
 * /api, /matchmake and the room sockets to the game server, so no CORS is involved.
 * VITE_SERVER_URL points a dev page at another server when wanted.
 */
export function serverEndpoint(): string {
  const override: unknown = import.meta.env.VITE_SERVER_URL;
  return typeof override === 'string' && override !== '' ? override : window.location.origin;
}

export class HttpError extends Error {
  readonly status: number;
  /** The server's namespaced error code (`rate/limited`), when it sent one. */
  readonly code: string | undefined;
  constructor(status: number, message: string, code?: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

let sharedClient: Client | null = null;

/** The page's one Colyseus client: every room, a game table or a class session, is joined through it. */
export function roomClient(): Client {
  sharedClient ??= new Client(serverEndpoint());
  return sharedClient;
}

/** The server clock minus ours, as last estimated. */
export function serverClockOffset(): number {
  return clockOffset;
}

/** Estimated server clock minus ours, from the HTTP `Date` header (when the browser lets us read it). */
let clockOffset = 0;

/** `secret` goes in the Authorization header: an instructor's secret never rides in an address. */
export async function requestJson(path: string, init?: RequestInit, secret?: string): Promise<unknown> {
  const sentAt = Date.now();
  const response = await fetch(`${serverEndpoint()}${path}`, {
    ...init,
    headers: {
      accept: 'application/json',
      ...(init?.body ? { 'content-type': 'application/json' } : {}),
      ...(secret !== undefined ? { authorization: `Bearer ${secret}` } : {}),
    },
  });
  const date = Date.parse(response.headers.get('date') ?? '');
  if (Number.isFinite(date)) clockOffset = clockOffsetFrom(date, sentAt, Date.now());
  if (!response.ok) throw await httpErrorOf(response);
  const body: unknown = await response.json().catch(() => null);
  return body;
}

/** A failed response as an HttpError: the server's code and message when its body is an ApiError, the status text when not. */
export async function httpErrorOf(response: Response): Promise<HttpError> {
  const parsed = ApiError.safeParse(await response.json().catch(() => null));
  return parsed.success ? new HttpError(response.status, parsed.data.message, parsed.data.code) : new HttpError(response.status, response.statusText);
}

export function parsedOrThrow<T>(schema: z.ZodType<T>, raw: unknown, what: string): T {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new Error(`unexpected ${what} from the server`);
  return parsed.data;
}

const ScenarioList = z.union([z.array(ScenarioSummary), z.object({ scenarios: z.array(ScenarioSummary) }).transform((o) => o.scenarios)]);

export async function listScenarios(): Promise<ScenarioSummary[]> {
  return parsedOrThrow(ScenarioList, await requestJson('/api/scenarios'), 'scenario list');
}

/** The public scenario (instruments, texts, history) the table is played from; briefings come with the welcome. */
export async function fetchScenario(id: string): Promise<Scenario> {
  return parsedOrThrow(Scenario, await requestJson(`/api/scenarios/${encodeURIComponent(id)}`), 'scenario');
}

export async function createGame(body: CreateGameBody): Promise<CreatedGame> {
  const raw = await requestJson('/api/games', { method: 'POST', body: JSON.stringify(body) });
  return parsedOrThrow(CreatedGame, raw, 'new game');
}

/** Seats and who holds them; null when there is no such game. */
export async function fetchLobby(gameId: string): Promise<GameSummary | null> {
  try {
    return parsedOrThrow(GameSummary, await requestJson(`/api/games/${encodeURIComponent(gameId)}`), 'game');
  } catch (error) {
    if (error instanceof HttpError && error.status === 404) return null;
    throw error;
  }
}

/** A join link's page in one round trip: the game's seats and the scenario it is played from; null when there is no such game. */
export async function fetchGameAndScenario(gameId: string): Promise<GameAndScenario | null> {
  try {
    return parsedOrThrow(GameAndScenario, await requestJson(`/api/games/${encodeURIComponent(gameId)}/with-scenario`), 'game');
  } catch (error) {
    if (error instanceof HttpError && error.status === 404) return null;
    throw error;
  }
}

export type ConnectionStatus = 'connecting' | 'online' | 'reconnecting' | 'offline';

/** Everything the table screen renders from. `refusal.seq` tells a repeated refusal from the last one. */
export type TableModel = {
  status: ConnectionStatus;
  view: PlayerView | null;
  welcome: Welcome | null;
  refusal: (Refusal & { seq: number }) | null;
  clockOffset: number;
  /** The framework cards on this seat's decisions the server has released so far, by record seq. */
  cards: FrameworkCard[];
  /** The instructor's latest message to the class; `seq` tells a repeated text from the last one. */
  announcement: { text: string; seq: number } | null;
};
export type TableChange = 'status' | 'view' | 'welcome' | 'refusal' | 'cards' | 'announcement';
export type TableListener = (model: TableModel, change: TableChange) => void;

export type Table = {
  model(): TableModel;
  subscribe(listener: TableListener): () => void;
  /** Send a move for this seat; the answer comes back as a new view or a refusal. */
  send(move: Move): void;
  /** At a practice game: hold the phase clock, or let it run again (the new view says which it is). */
  holdClock(request: ClockRequest): void;
  leave(): Promise<void>;
};

/** An instructor watching a class's table: the session secret opens the full view, no seat. */
export type Spectator = Pick<InstructorWatch, 'secret'>;

/** Close codes after which our seat token can take the seat back (a dropped network, a restarted server). */
export const REJOINABLE = new Set([1001, 1005, 1006, 4001, 4003, 4010]);
export const REJOIN_DELAYS_MS = [500, 1000, 2000, 4000, 8000, 15000];

/**
 * Join a game's room. Resolves once seated (or refused by the server, which rejects).
 * After that, drops are healed first by the SDK's own reconnection, then by joining
 * again with the seat token the server gave us.
 */
export async function joinTable(gameId: string, options: JoinOptions, spectator?: Spectator): Promise<Table> {
  const client = roomClient();
  const listeners = new Set<TableListener>();
  let refusalSeq = 0;
  let leaving = false;
  /** The server has closed the current room (a move to another table dismisses it): leaving it has nothing to wait for. */
  let gone = false;
  let joinOptions: JoinOptions = options;
  let announcementSeq = 0;
  // The instructor watches with the session secret instead of a seat; it rides only in the join request.
  const sent = (): JoinOptions | InstructorWatch => (spectator === undefined ? joinOptions : { name: joinOptions.name, locale: joinOptions.locale, secret: spectator.secret });
  const model: TableModel = { status: 'connecting', view: null, welcome: null, refusal: null, clockOffset, cards: [], announcement: null };

  const emit = (change: TableChange): void => {
    for (const listener of listeners) listener(model, change);
  };
  const setStatus = (status: ConnectionStatus): void => {
    if (model.status === status) return;
    model.status = status;
    emit('status');
  };

  const wire = (room: Room): void => {
    gone = false;
    room.onMessage('view', (raw: unknown) => {
      const parsed = PlayerView.safeParse(raw);
      if (!parsed.success) {
        console.error('unreadable view from the server', parsed.error.issues.slice(0, 3));
        return;
      }
      model.view = parsed.data;
      emit('view');
    });
    room.onMessage('welcome', (raw: unknown) => {
      const parsed = Welcome.safeParse(raw);
      if (!parsed.success) return;
      model.welcome = parsed.data;
      joinOptions = { ...joinOptions, seat: parsed.data.seat, seatToken: parsed.data.seatToken };
      holdSeat({ ...parsed.data, name: joinOptions.name });
      emit('welcome');
    });
    room.onMessage('refused', (raw: unknown) => {
      const parsed = Refusal.safeParse(raw);
      refusalSeq += 1;
      model.refusal = parsed.success
        ? { ...parsed.data, seq: refusalSeq }
        : { code: 'move/malformed', message: 'The server refused a move.', seq: refusalSeq };
      emit('refusal');
    });
    room.onMessage('cards', (raw: unknown) => {
      const parsed = CardsMessage.safeParse(raw);
      if (!parsed.success) {
        console.error('unreadable framework cards from the server', parsed.error.issues.slice(0, 3));
        return;
      }
      // A rejoin repeats every released card: one card per decision, the latest copy wins.
      const bySeq = new Map(model.cards.map((card) => [card.seq, card]));
      for (const card of parsed.data.cards) bySeq.set(card.seq, card);
      model.cards = [...bySeq.values()].sort((a, b) => a.seq - b.seq);
      emit('cards');
    });
    room.onMessage('announcement', (raw: unknown) => {
      const parsed = Announcement.safeParse(raw);
      if (!parsed.success) return;
      announcementSeq += 1;
      model.announcement = { text: parsed.data.text, seq: announcementSeq };
      emit('announcement');
    });
    room.onDrop(() => setStatus('reconnecting'));
    room.onReconnect(() => setStatus('online'));
    room.onLeave((code) => {
      gone = true;
      if (leaving) return;
      if (REJOINABLE.has(code) && (joinOptions.seatToken !== undefined || spectator !== undefined)) void rejoin(0);
      else setStatus('offline');
    });
  };

  let room = await client.joinById(gameId, sent());
  wire(room);
  model.clockOffset = clockOffset;
  setStatus('online');

  // A declaration, so the leave handler wired above can already call it.
  async function rejoin(attempt: number): Promise<void> {
    if (leaving) return;
    setStatus('reconnecting');
    const delay = REJOIN_DELAYS_MS[attempt];
    if (delay === undefined) {
      setStatus('offline');
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, delay));
    try {
      const joined = await client.joinById(gameId, sent());
      // Left while this join was on its way (the student was moved elsewhere): let the seat go again.
      if (leaving) {
        await joined.leave(true).catch(() => undefined);
        return;
      }
      room = joined;
      wire(room);
      setStatus('online');
    } catch {
      await rejoin(attempt + 1);
    }
  }

  return {
    model: () => model,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    send(move) {
      typedSend<ClientMessage>(room)('move', move);
    },
    holdClock(request) {
      typedSend<ClientMessage>(room)('clock', request);
    },
    async leave() {
      leaving = true;
      listeners.clear();
      // The SDK's leave resolves on the room's next leave event, which a room already closed never sends.
      if (gone) return;
      await room.leave(true).catch(() => undefined);
    },
  };
}

/** Why a join failed, as far as the SDK lets us tell. */
export function joinErrorMessage(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return String(error);
}
