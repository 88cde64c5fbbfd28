import { z } from 'zod';
import { BotPolicyId } from './bots/policy.ts';
import { CardRelease, ErrorCode, ExtendSeconds, PlayerView, TimerSettings } from './protocol.ts';
import type { MessagesOf } from './protocol.ts';
import { RejectionCode } from './rules/result.ts';
import { Indicators, Locale } from './scenario/schema.ts';
import { Label } from './scoring/card.ts';

/**
 * Class sessions: one instructor, many tables playing the same scenario. Every body and
 * message of the classroom flow is parsed with these schemas at the edge.
 */

/** Join codes avoid letters and digits that read alike (0/O, 1/I/L, 5/S, 2/Z, 8/B). */
export const CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';
export const CODE_LENGTH = 6;
export const JoinCode = z
  .string()
  .trim()
  .toUpperCase()
  .length(CODE_LENGTH)
  .refine((code) => [...code].every((ch) => CODE_ALPHABET.includes(ch)), 'not a join code');

/** Plain text, no control characters: a name is shown everywhere and stored in every engine. */
export const DisplayName = z.string().trim().min(1).max(40).regex(/^[^\p{Cc}]*$/u, 'a name cannot contain control characters');

export const Assignment = z.enum(['auto', 'instructor', 'choose']);
export type Assignment = z.infer<typeof Assignment>;

export const CreateSessionBody = z
  .object({
    scenarioId: z.string().min(1).max(40),
    /** Either a number of tables, or how many students sit at one table (several per seat make a team). */
    tables: z.number().int().min(1).max(100).optional(),
    studentsPerTable: z.number().int().min(1).max(20).optional(),
    assignment: Assignment.default('auto'),
    timers: TimerSettings.optional(),
    cards: CardRelease.default('immediate'),
    /** Empty seats are played by bots of this policy; without it they wait for a student. */
    bots: BotPolicyId.nullable().default('dealmaker'),
    /** The least seconds between two moves of one bot (the server's own pace when left out). */
    botPaceSeconds: z.number().int().min(1).max(120).optional(),
  })
  .refine((b) => !(b.tables !== undefined && b.studentsPerTable !== undefined), { message: 'give tables or studentsPerTable, not both' });
export type CreateSessionBody = z.infer<typeof CreateSessionBody>;

export const CreatedSession = z.object({
  sessionId: z.string(),
  code: z.string(),
  /** For students: opens the join page with the code filled in. */
  joinUrl: z.string(),
  /** For the instructor alone: carries the secret in the fragment, which browsers never send to a server. */
  instructorUrl: z.string(),
});
export type CreatedSession = z.infer<typeof CreatedSession>;

/** A student's id at their school (a matriculation or SIS number), for the gradebook export; blank means none. */
export const SchoolId = z
  .string()
  .trim()
  .max(40)
  .regex(/^[^\p{Cc}]*$/u, 'a student id cannot contain control characters')
  .transform((id) => (id === '' ? null : id));

export const JoinSessionBody = z.object({ code: JoinCode, name: DisplayName, schoolId: SchoolId.optional() });

/** PUT /api/sessions/:id/students/:studentId/school-id (instructor): set or clear a student's school id. */
export const SchoolIdBody = z.object({ schoolId: SchoolId.nullable() });
export type SchoolIdBody = z.infer<typeof SchoolIdBody>;
export type JoinSessionBody = z.infer<typeof JoinSessionBody>;

export const JoinedSession = z.object({
  sessionId: z.string(),
  studentId: z.string(),
  /** Kept by the browser: with it the student comes back to the same seat for the session's life. */
  studentToken: z.string(),
});
export type JoinedSession = z.infer<typeof JoinedSession>;

/** Instructor controls, each sent with the session secret (`Authorization: Bearer …`). */
export const SessionControl = z.discriminatedUnion('type', [
  z.object({ type: z.literal('start') }),
  z.object({ type: z.literal('pause'), table: z.string().optional() }),
  z.object({ type: z.literal('resume'), table: z.string().optional() }),
  z.object({ type: z.literal('extend'), table: z.string().optional(), seconds: ExtendSeconds }),
  z.object({ type: z.literal('advance'), table: z.string() }),
  z.object({ type: z.literal('inject'), table: z.string().optional(), eventId: z.string().max(40) }),
  z.object({ type: z.literal('announce'), text: z.string().trim().min(1).max(500) }),
  z.object({ type: z.literal('move-student'), studentId: z.string(), table: z.string(), seat: z.string().optional() }),
  z.object({ type: z.literal('seat-bot'), table: z.string(), seat: z.string(), policy: BotPolicyId.nullable() }),
  z.object({ type: z.literal('end'), table: z.string().optional() }),
]);
export type SessionControl = z.infer<typeof SessionControl>;

export const SessionPhase = z.enum(['lobby', 'running', 'ended']);

export const RosterEntry = z.object({
  studentId: z.string(),
  name: z.string(),
  table: z.string().nullable(),
  seat: z.string().nullable(),
  connected: z.boolean(),
});
export type RosterEntry = z.infer<typeof RosterEntry>;

export const TableSummary = z.object({
  table: z.string(),
  /** The game played at this table. */
  gameId: z.string(),
  round: z.number().int(),
  phase: z.string(),
  paused: z.boolean(),
  deadline: z.number().nullable(),
  /** Who holds each seat: students' ids, or a bot policy. */
  seats: z.record(z.string(), z.object({ students: z.array(z.string()), bot: BotPolicyId.nullable() })),
  /** Each seat's indicators and objective score now (the instructor sees every seat). */
  indicators: z.record(z.string(), Indicators).default({}),
  scores: z.record(z.string(), z.number()).default({}),
  /** The events in play at this table this round (the game state's `events`): the rules refuse one brought in twice. */
  events: z.array(z.string()).default([]),
  /** Seats the current phase still waits for: no sealed decision yet (decision), not ready (negotiation). */
  waitingOn: z.array(z.string()).default([]),
  /** When each seat last made a move (server epoch ms); absent before its first. */
  lastActive: z.record(z.string(), z.number()).default({}),
  /** The table's latest scored decisions, newest last, with their framework label once scored. */
  latest: z.array(z.object({ seq: z.number().int(), seat: z.string(), round: z.number().int(), moveType: z.string(), label: Label.nullable() })).default([]),
});
export type TableSummary = z.infer<typeof TableSummary>;

/** What the instructor's page shows, pushed live. */
export const SessionView = z.object({
  sessionId: z.string(),
  code: z.string(),
  scenarioId: z.string(),
  phase: SessionPhase,
  roster: z.array(RosterEntry),
  tables: z.array(TableSummary),
  /**
   * Before the start: what pressing Start would make of the class as it is now (tables,
   * seats no student would sit in, and the bot that fills them, or none). Null once started.
   */
  startPlan: z.object({ tables: z.number().int(), emptySeats: z.number().int(), bots: BotPolicyId.nullable() }).nullable().default(null),
});
export type SessionView = z.infer<typeof SessionView>;

/** What a student may pick from when the class lets students choose: each table's seats and who is there. */
export const TableChoice = z.object({
  table: z.string(),
  seats: z.array(z.object({ seat: z.string(), students: z.number().int(), bot: z.boolean(), open: z.boolean() })),
});
export type TableChoice = z.infer<typeof TableChoice>;

/** What a student's page is told while waiting in the lobby and when seated. */
export const StudentStatus = z.object({
  sessionId: z.string(),
  name: z.string(),
  phase: SessionPhase,
  /** Where to play, once seated: join the game room with this seat token. */
  seat: z.object({ gameId: z.string(), seat: z.string(), seatToken: z.string() }).nullable(),
  announcement: z.string().nullable(),
  /** Assignment 'choose' only: the tables and seats open to pick (with the 'choose' message). */
  choices: z.array(TableChoice).optional(),
});
export type StudentStatus = z.infer<typeof StudentStatus>;

// ---- live messages of the classroom flow (added with the session server) -------------

/** The one room per class session: its id is the session id. */
export const SESSION_ROOM = 'session';

/** Joining the session room: a student with the token from their join, or the instructor with the secret. */
export const SessionJoinOptions = z.union([
  z.object({ studentToken: z.string().min(1).max(100) }),
  z.object({ secret: z.string().min(1).max(100) }),
]);
export type SessionJoinOptions = z.infer<typeof SessionJoinOptions>;

/** Session room, student → server (assignment 'choose'): the table and seat this student picks. */
export const ChooseSeat = z.object({ table: z.string().min(1).max(10), seat: z.string().min(1).max(40) });
export type ChooseSeat = z.infer<typeof ChooseSeat>;

/** What a client may send a session room, by Colyseus message type. */
export const SessionClientMessage = { choose: ChooseSeat } as const;
export type SessionClientMessage = MessagesOf<typeof SessionClientMessage>;

/**
 * Game room join for the instructor of a class table: the session secret instead of a
 * seat. The view sent back shows everything (`InstructorView`) and carries no right to move.
 */
export const InstructorWatch = z.object({
  secret: z.string().min(1).max(100),
  name: z.string().trim().max(40).optional(),
  locale: Locale.optional(),
});
export type InstructorWatch = z.infer<typeof InstructorWatch>;

/** The 'view' an instructor watching a table receives: the whole state, every seat's secrets included. */
export const InstructorView = PlayerView.extend({ spectator: z.literal('instructor') });
export type InstructorView = z.infer<typeof InstructorView>;

/** Game room, server → everyone at the table: the instructor's words to the class. */
export const Announcement = z.object({ text: z.string(), at: z.number() });
export type Announcement = z.infer<typeof Announcement>;

/** HTTP answer to a control: what each table it reached made of it. */
export const ControlOutcome = z.object({
  ok: z.literal(true),
  tables: z.record(z.string(), z.union([z.object({ ok: z.literal(true) }), z.object({ ok: z.literal(false), code: z.union([RejectionCode, ErrorCode]), message: z.string() })])),
});
export type ControlOutcome = z.infer<typeof ControlOutcome>;
