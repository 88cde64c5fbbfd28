import { z } from 'zod';
import { Phase } from './rules/phase.ts';
import { Locale, Localized, Role, Scenario } from './scenario/schema.ts';
import type { Timers } from './scenario/schema.ts';
import { Move } from './rules/moves.ts';
import { GameState } from './rules/state.ts';
import { RejectionCode, RejectionParams } from './rules/result.ts';
import { FrameworkCard } from './scoring/card.ts';

/** The one room name on the server. */
export const GAME_ROOM = 'game';

/** Largest client message the server reads, in bytes; a bigger one is refused unread. */
export const MAX_MESSAGE_BYTES = 8 * 1024;

/** Sent with `joinById`: a name for a first join, a seat token to take one's seat back. */
export const JoinOptions = z.object({
  name: z.string().trim().min(1).max(40).regex(/^[^\p{Cc}]*$/u, 'a name cannot contain control characters'),
  seat: z.string().max(40).optional(),
  seatToken: z.string().max(100).optional(),
  locale: Locale.optional(),
});
export type JoinOptions = z.infer<typeof JoinOptions>;


/** Server → client: what this seat may see of the game, sent after every change. */
export const PlayerView = z.object({
  gameId: z.string(),
  /** The viewer's seat; null for a spectator. */
  seat: z.string().nullable(),
  state: GameState,
  /** When the current phase ends (server epoch ms); null when paused or ended. */
  deadline: z.number().nullable(),
  /** The instructor has paused this table: its clock is frozen. */
  paused: z.boolean().default(false),
  /** Who sits where (display names) and whether they are connected. */
  occupants: z.record(z.string(), z.object({ name: z.string(), connected: z.boolean() })),
  /**
   * The table has not begun: it waits in its lobby for these seats to be filled (by a
   * player or a bot), and no phase clock runs until they are. Null once play has begun.
   */
  lobby: z.object({ empty: z.array(z.string()) }).nullable().default(null),
  /** A practice game: its one player may hold and release the clock (and play on while it is held). */
  selfPaced: z.boolean().default(false),
});
export type PlayerView = z.infer<typeof PlayerView>;

/** The most time one request adds to a phase (an instructor's or a practising student's): half an hour, at least 5 s. */
export const ExtendSeconds = z.number().int().min(5).max(1800);

/**
 * Client → server at a practice game: its one player holds the clock, lets it run again,
 * or gives the phase more time (WCAG 2.2.1: a timer the player can adjust, not only stop).
 */
export const ClockRequest = z.discriminatedUnion('type', [
  z.object({ type: z.literal('pause') }),
  z.object({ type: z.literal('resume') }),
  z.object({ type: z.literal('extend'), seconds: ExtendSeconds }),
]);
export type ClockRequest = z.infer<typeof ClockRequest>;

/** What a client may send a game room, by Colyseus message type: the one list the client's send and the room's dispatch share. */
export const ClientMessage = { move: Move, clock: ClockRequest } as const;
export type ClientMessage = MessagesOf<typeof ClientMessage>;

/** The payload type of each message in a map of message schemas. */
export type MessagesOf<M extends Record<string, z.ZodType>> = { [K in keyof M]: z.infer<M[K]> };

export const Welcome = z.object({
  gameId: z.string(),
  seat: z.string(),
  /** Keep it: joining again with it returns this seat for as long as the game lives. */
  seatToken: z.string(),
  /** This seat's private briefing: the public scenario carries none. */
  briefing: Localized,
});
export type Welcome = z.infer<typeof Welcome>;

/**
 * The server's own refusals, beside the rules' (`RejectionCode`): a request it cannot read,
 * a caller it does not let in, something named that is not there, or a server that cannot
 * do it now. Every HTTP error body and every edge refusal on a room connection takes its
 * code from here, one code per condition, so a client can act on the code alone.
 */
export const ErrorCode = z.enum([
  // The request itself.
  'body/invalid',
  'body/malformed',
  'body/too-large',
  'body/unsupported',
  'query/invalid',
  'route/unknown',
  'move/malformed',
  'message/too-large',
  'rate/limited',
  // Who asks.
  'seat/not-yours',
  'session/forbidden',
  'review/forbidden',
  'fork/forbidden',
  'record/in-play',
  // What it names.
  'code/invalid',
  'game/unknown',
  'scenario/unknown',
  'session/unknown',
  'student/unknown',
  'table/unknown',
  'control/unknown',
  'seats/invalid',
  'step/out-of-range',
  // What the class or game allows now.
  'fork/ended',
  'name/taken',
  'session/full',
  'session/started',
  'session/not-started',
  'session/ended',
  // The server.
  'session/no-code',
  'server/busy',
  'server/unavailable',
  'server/error',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** The edge codes a room's `refused` message carries beside the rules' own: the client has words for each. */
export const RoomErrorCode = ErrorCode.extract(['move/malformed', 'message/too-large', 'rate/limited', 'seat/not-yours', 'session/ended', 'server/busy', 'server/unavailable']);
export type RoomErrorCode = z.infer<typeof RoomErrorCode>;

/** Either vocabulary: what a refusal passed between the server's parts (a table's answer to its class) may carry. */
export type AnyCode = RejectionCode | ErrorCode;

/**
 * The one shape of every HTTP error body: a code, English for logs and developers, and
 * for a body of the wrong shape the issues found.
 */
export const ApiError = z.object({
  code: z.union([ErrorCode, RejectionCode]),
  message: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ApiError = z.infer<typeof ApiError>;

export const Refusal = z.object({
  code: z.union([RejectionCode, RoomErrorCode]),
  /** English, for logs; a client builds its words from `code` and `params`. */
  message: z.string(),
  params: RejectionParams.optional(),
  /** The move type refused, when the message could be read that far. */
  about: z.string().optional(),
});
export type Refusal = z.infer<typeof Refusal>;

/** Framework cards released to this seat: its own decisions' cards, as the game's setting allows. */
export const CardsMessage = z.object({ cards: z.array(FrameworkCard) });
export type CardsMessage = z.infer<typeof CardsMessage>;

export const ServerMessage = {
  view: PlayerView,
  welcome: Welcome,
  refused: Refusal,
  cards: CardsMessage,
} as const;

/** When a seat sees the framework cards on its decisions: at once, when the round resolves, or when the game ends. */
export const CardRelease = z.enum(['immediate', 'round', 'end']);
export type CardRelease = z.infer<typeof CardRelease>;

/** The longest phase a game or a class may set: ten hours, a school day with room to spare. */
export const MAX_PHASE_SECONDS = 10 * 60 * 60;

const PhaseSeconds = z.number().int().min(1).max(MAX_PHASE_SECONDS);

/**
 * Phase lengths a creator may set, in seconds; a phase left out keeps the scenario's own.
 * Bounded, so a deadline is always a real date (a scenario's own timers are trusted data).
 */
export const TimerSettings = z.object({
  briefing: PhaseSeconds.optional(),
  negotiation: PhaseSeconds.optional(),
  decision: PhaseSeconds.optional(),
  resolution: PhaseSeconds.optional(),
  debrief: PhaseSeconds.optional(),
} satisfies Record<keyof Timers, unknown>);
export type TimerSettings = z.infer<typeof TimerSettings>;

/** HTTP: create a game. */
export const CreateGameBody = z.object({
  scenarioId: z.string().min(1).max(40),
  seed: z.number().int().min(0).max(2 ** 31 - 1).optional(),
  timers: TimerSettings.optional(),
  cards: CardRelease.optional(),
});
export type CreateGameBody = z.infer<typeof CreateGameBody>;

export const CreatedGame = z.object({
  gameId: z.string(),
  joinUrl: z.string(),
});
export type CreatedGame = z.infer<typeof CreatedGame>;

/** HTTP: what the holder of a game link may know before joining. */
export const GameSummary = z.object({
  gameId: z.string(),
  scenarioId: z.string(),
  phase: Phase,
  round: z.number().int(),
  seats: z.array(z.object({ id: z.string(), role: Role, name: Localized, taken: z.boolean() })),
});
export type GameSummary = z.infer<typeof GameSummary>;

/** What a game's join link opens on, in one answer: its seats and the public scenario (no seat's briefing). */
export const GameAndScenario = z.object({ game: GameSummary, scenario: Scenario });
export type GameAndScenario = z.infer<typeof GameAndScenario>;

export const ScenarioSummary = z.object({
  id: z.string(),
  version: z.number().int(),
  title: z.object({ en: z.string(), es: z.string() }),
  summary: z.object({ en: z.string(), es: z.string() }),
  rounds: z.number().int(),
  seats: z.array(z.object({ id: z.string(), role: z.string(), name: z.object({ en: z.string(), es: z.string() }) })),
});
export type ScenarioSummary = z.infer<typeof ScenarioSummary>;
