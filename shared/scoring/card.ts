import { z } from 'zod';
import { Costs } from '../scenario/schema.ts';
import { Move } from '../rules/moves.ts';

import { Aim, Bargaining, InstrumentClass, Leverage } from '../framework.ts';

export { Aim, Bargaining, InstrumentClass, Leverage };

export const Label = z.enum(['best', 'good', 'inaccuracy', 'mistake', 'blunder']);
export type Label = z.infer<typeof Label>;

export const Classification = z.object({
  instrument: InstrumentClass,
  /** Only when leverage is activated: restraint has no aim. */
  aim: Aim.nullable(),
  leverage: z.array(Leverage),
  bargaining: Bargaining,
});
export type Classification = z.infer<typeof Classification>;

export const Ledger = z.object({
  /** What the decision adds to the seat's own costs over the horizon it affects, against doing nothing. */
  costs: Costs,
  /** What the other side gives under the bundle, priced at its own implementation cost. */
  concessions: z.number(),
  /** Costs the decision spares the seat over the same horizon (tariffs, surges, broken promises avoided). */
  harmsAverted: z.number(),
});
export type Ledger = z.infer<typeof Ledger>;

export const Evaluation = z.object({
  /** 0..100: how close the decision came to the best the seat could have done. */
  score: z.number().min(0).max(100),
  label: Label,
  /** Expected objective score at the horizon with this decision, and with the best alternative. */
  expected: z.number(),
  best: z.number(),
  /** Expected objective score had the seat made no new choice: the decision's impact is expected − baseline. */
  baseline: z.number(),
  /** The better option, when it beat this one clearly: another move, or making none. */
  bestAlternative: z
    .discriminatedUnion('kind', [z.object({ kind: z.literal('move'), move: Move }), z.object({ kind: z.literal('pass') })])
    .nullable(),
  alternatives: z.number().int(),
  horizon: z.number().int(),
});
export type Evaluation = z.infer<typeof Evaluation>;

/** One sentence of an explanation: a message key and the numbers it quotes. */
export const Sentence = z.object({
  key: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type Sentence = z.infer<typeof Sentence>;

export const Flag = z.enum(['over-capacity', 'partner-over-capacity', 'breaks-agreement', 'empty-threat-record', 'weak-threat', 'self-harming-threat', 'unaffordable-promise']);
export type Flag = z.infer<typeof Flag>;

export const FrameworkCard = z.object({
  /** The record entry this card is about. */
  seq: z.number().int(),
  seat: z.string(),
  round: z.number().int(),
  move: Move,
  classification: Classification,
  ledger: Ledger,
  evaluation: Evaluation,
  /** The historical case the decision resembles most (from the scenario or the built-in cases). */
  case: z.string(),
  /** Warnings worth a sentence of their own (an agreement beyond capacity, a broken one, threats not carried out). */
  flags: z.array(Flag),
  explanation: z.array(Sentence).min(2).max(3),
});
export type FrameworkCard = z.infer<typeof FrameworkCard>;

/** Moves that are decisions in the framework's sense; chat, ready and withdrawals are not scored. */
export const SCORED_MOVES = new Set<Move['type']>(['propose', 'counter', 'accept', 'reject', 'threaten', 'promise', 'decide']);
