import { z } from 'zod';
import { BotPolicyId } from '../framework.ts';
import { GameRecord } from '../record.ts';
import { Move } from '../rules/moves.ts';
import { GameState } from '../rules/state.ts';
import { FrameworkCard, Label } from '../scoring/card.ts';
import { Profile } from '../scoring/profile.ts';

/**
 * What review pages read: a table's replay, a session's comparison, forks and exports.
 * Every body the server takes and every answer a page reads is parsed with these.
 */

/** Where a game came from when it was forked from another: the parent and the step (entries replayed). */
export const ForkOrigin = z.object({ gameId: z.string(), step: z.number().int().min(0) });
export type ForkOrigin = z.infer<typeof ForkOrigin>;

/** A game forked from this one. */
export const ForkSummary = z.object({
  gameId: z.string(),
  step: z.number().int().min(0),
  createdAt: z.number(),
  finished: z.boolean(),
  /** Each seat's objective score now (final once finished). */
  scores: z.record(z.string(), z.number()),
  /** Who plays each seat (a display name, or "bot:<policy>"); a seat left to another student is absent until taken. */
  occupants: z.record(z.string(), z.string()),
});
export type ForkSummary = z.infer<typeof ForkSummary>;

/**
 * One entry of the timeline as a seat may see it. A seat reviewing a game still in play
 * sees its own entries whole and only the type of another seat's (a sealed decision, a
 * private word): `move` is then null.
 */
export const TimelineEntry = z.object({
  seq: z.number().int().min(1),
  at: z.number(),
  kind: z.enum(['move', 'advance', 'inject', 'end']),
  seat: z.string().nullable(),
  /** The move's type for a move entry, else null. */
  moveType: z.string().nullable(),
  /** The whole move when the reader may see it. */
  move: Move.nullable(),
  /** Round and phase in which the entry was recorded (the state just before it). */
  round: z.number().int(),
  phase: z.string(),
  eventId: z.string().nullable(),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const CommitmentOutcome = z.enum(['kept', 'broken', 'partly-kept', 'lapsed', 'complied', 'pending']);
export type CommitmentOutcome = z.infer<typeof CommitmentOutcome>;

/**
 * One line of the commitment ledger: a promise, a threat or one obligation of an agreement
 * in one round, linked to what the seat did about it and what that did to its credibility.
 * A threat 'kept' was carried out; 'complied' means its target gave way (credibility kept too).
 */
export const LedgerLine = z.object({
  kind: z.enum(['promise', 'threat', 'agreement']),
  /** Threat, promise or agreement id in the game state. */
  id: z.string(),
  /** The seat that gave its word. */
  seat: z.string(),
  /** The other side. */
  counterpart: z.string(),
  /** Record seq of the move that made the commitment (the accept, for an agreement). */
  madeSeq: z.number().int().nullable(),
  madeRound: z.number().int(),
  /** The round whose decisions settled it (null while pending). */
  settledRound: z.number().int().nullable(),
  /** The step (entries replayed) after which the outcome is known: the resolving advance. */
  settledStep: z.number().int().nullable(),
  instrument: z.string(),
  /** What was promised, threatened or committed (the level), and what the seat then set. */
  committed: z.number(),
  actual: z.number().nullable(),
  outcome: CommitmentOutcome,
  /** Share carried out (agreements): 1 kept, 0 not at all. */
  ratio: z.number().nullable(),
  /** Credibility points the outcome moved (positive gained, negative lost); 0 when none. */
  credibility: z.number(),
  /** For an agreement shortfall: the seat's own choice, or its capacity. */
  limitedBy: z.enum(['none', 'choice', 'capacity']).nullable(),
});
export type LedgerLine = z.infer<typeof LedgerLine>;

/**
 * GET /api/games/:id/review. `access` 'full': the whole record (a finished game, or the
 * class's instructor); the page replays it itself. 'seat': a student at a game still in
 * play; the page reads the timeline here and each step's state from `/review/frames/:step`.
 */
export const ReviewData = z.object({
  gameId: z.string(),
  scenarioId: z.string(),
  finished: z.boolean(),
  access: z.enum(['full', 'seat']),
  /** The reader's seat when access is 'seat'. */
  seat: z.string().nullable(),
  /** Who sat where (display names; a bot by its policy id prefixed "bot:"). */
  occupants: z.record(z.string(), z.string()),
  session: z.object({ sessionId: z.string(), table: z.string() }).nullable(),
  parent: ForkOrigin.nullable(),
  forks: z.array(ForkSummary),
  /** 'full' only. */
  record: GameRecord.nullable(),
  timeline: z.array(TimelineEntry),
  /** Every seat's cards ('full'), or the reader's released cards ('seat'). */
  cards: z.array(FrameworkCard),
  /** The commitment ledger ('full'), or its lines where the reader gave or received the word ('seat'). Lazy: LedgerLine is declared below. */
  ledger: z.array(LedgerLine),
});
export type ReviewData = z.infer<typeof ReviewData>;

/** GET /api/games/:id/review/frames/:step (access 'seat'): the state after `step` entries, as the seat saw it. */
export const ReviewFrame = z.object({ step: z.number().int().min(0), state: GameState });
export type ReviewFrame = z.infer<typeof ReviewFrame>;

/** A mark on the scrubber: one per record entry; `step` is the entry's index + 1 (the state after it). */
export const TimelineMark = z.object({
  step: z.number().int().min(1),
  seq: z.number().int().min(1),
  kind: z.enum(['move', 'advance', 'inject', 'end']),
  seat: z.string().nullable(),
  moveType: z.string().nullable(),
  round: z.number().int(),
  phase: z.string(),
  /** The framework label of the decision's card, when the entry is a scored decision and its card is known. */
  label: Label.nullable(),
  /** One of the seat's turning points (profileOf). */
  turning: z.boolean(),
  /** Round resolution: the advance that ran the round's results. */
  resolves: z.boolean(),
});
export type TimelineMark = z.infer<typeof TimelineMark>;

/** Per round (index 0 = round 1, only rounds resolved), per seat: what the charts draw. */
export const GameSeries = z.object({
  rounds: z.array(z.number().int()),
  indicators: z.record(z.string(), z.object({ approval: z.array(z.number()), economy: z.array(z.number()), reputation: z.array(z.number()), credibility: z.array(z.number()), control: z.array(z.number()) })),
  /** Costs incurred in each round, by kind. */
  costs: z.record(z.string(), z.object({ political: z.array(z.number()), reputational: z.array(z.number()), implementation: z.array(z.number()) })),
  scores: z.record(z.string(), z.array(z.number())),
  arrivals: z.array(z.number()),
  /** The scenario's historical arrivals for the same rounds (null where the sources give none). */
  historicalArrivals: z.array(z.number().nullable()),
});
export type GameSeries = z.infer<typeof GameSeries>;

/** A point on the comparison plot: one table's (or fork's, bot game's) objective score per seat. */
export const OutcomePoint = z.object({
  id: z.string(),
  kind: z.enum(['table', 'fork', 'historical', 'bots']),
  /** For tables and forks: the game to open. */
  gameId: z.string().nullable(),
  label: z.string(),
  scores: z.record(z.string(), z.number()),
  /** Bot games: the policy each seat played. */
  policies: z.record(z.string(), BotPolicyId).nullable(),
  /** On the Pareto frontier of the tables' (and forks') outcomes. */
  frontier: z.boolean(),
});
export type OutcomePoint = z.infer<typeof OutcomePoint>;

/** A table of the session in the comparison. */
export const TableReview = z.object({
  table: z.string(),
  gameId: z.string(),
  finished: z.boolean(),
  round: z.number().int(),
  phase: z.string(),
  /** Students' names per seat; a bot-held seat as "bot:<policy>". */
  holders: z.record(z.string(), z.array(z.string())),
  scores: z.record(z.string(), z.number()),
  /** Each seat's profile of the decisions its students made (a bot's decisions are left out). */
  profiles: z.array(Profile),
  forks: z.array(ForkSummary),
});
export type TableReview = z.infer<typeof TableReview>;

/** GET /api/sessions/:id/review (instructor): every table's outcome and profile, with references. */
export const SessionReview = z.object({
  sessionId: z.string(),
  code: z.string(),
  scenarioId: z.string(),
  tables: z.array(TableReview),
  /** Tables, forks, the historical path played by its policies, and bot games, all on one plot. */
  points: z.array(OutcomePoint),
});
export type SessionReview = z.infer<typeof SessionReview>;

/** Who plays a seat of a fork: the person forking, a bot of a policy, or whoever opens the link. */
export const ForkSeat = z.discriminatedUnion('by', [z.object({ by: z.literal('me') }), z.object({ by: z.literal('bot'), policy: BotPolicyId }), z.object({ by: z.literal('open') })]);
export type ForkSeat = z.infer<typeof ForkSeat>;

/** POST /api/games/:id/forks: fork the game after `step` entries. Exactly one seat is 'me'. */
export const ForkBody = z.object({
  step: z.number().int().min(0).max(10_000),
  seats: z.record(z.string().min(1).max(40), ForkSeat),
  name: z.string().trim().min(1).max(40).regex(/^[^\p{Cc}]*$/u, 'a name cannot contain control characters'),
});
export type ForkBody = z.infer<typeof ForkBody>;

export const CreatedFork = z.object({
  gameId: z.string(),
  /** The forker's seat and its token: the page joins with it straight away. */
  seat: z.string(),
  seatToken: z.string(),
  joinUrl: z.string(),
});
export type CreatedFork = z.infer<typeof CreatedFork>;

/** Columns of the per-decision CSV export, in order (docs/review.md says what each holds). */
export const DECISION_COLUMNS = [
  'table', 'game', 'what_if', 'forked_from', 'round', 'seq', 'time', 'seat', 'role', 'made_by', 'made_by_kind', 'student_id', 'move', 'detail',
  'instrument', 'aim', 'leverage', 'bargaining',
  'political_cost', 'reputational_cost', 'implementation_cost', 'score', 'label', 'case',
] as const;
/** Columns of the per-student CSV export, in order. */
export const STUDENT_COLUMNS = [
  'student', 'student_id', 'table', 'seat', 'role', 'decisions', 'decisions_by_bots', 'mean_score',
  'coercive', 'cooperative', 'unilateral', 'restraint',
  'punitive', 'extractive', 'defensive', 'deterrent',
  'political_cost', 'reputational_cost', 'implementation_cost', 'final_score',
  'role_rank', 'role_tables', 'role_percentile', 'first_move', 'last_move',
] as const;
