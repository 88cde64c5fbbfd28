import { agreementsInForce, breaches } from '../../shared/rules/agreements.ts';
import { checkMove, dueNow } from '../../shared/rules/check-move.ts';
import { defaultDecision, fullLevels } from '../../shared/rules/decision.ts';
import { findInstrument, meetsCommitment } from '../../shared/rules/instruments.ts';
import type { Commitment } from '../../shared/rules/moves.ts';
import type { Rejection } from '../../shared/rules/result.ts';
import type { GameState, PromiseMade, Threat } from '../../shared/rules/state.ts';
import { carriesOut } from '../../shared/rules/threats.ts';
import type { Scenario } from '../../shared/scenario/schema.ts';

/**
 * What the decision form shows around its levels, all from the rules' own queries
 * (`dueNow`, `checkMove`, `defaultDecision`): what binds and falls due this round, how the
 * levels as set stand against each, the rules' refusal of them, what the table records if
 * the student does not seal, and, once the round is resolved, what it did record.
 */

/** An obligation of an agreement in force, with the agreement it comes from. */
export type Obligation = { agreementId: string; commitment: Commitment; kept: boolean };

/**
 * A threat or promise falling due this round, with how the levels as set answer it:
 * `faced` (a threat to this seat) is met when its demand is; `made` (this seat's threat)
 * is backed when the consequence is set, in case the target does not comply; a promise
 * made is backed when the reward is set; a promise offered is met when its condition is.
 */
export type DueThreat = { role: 'faced' | 'made'; threat: Threat; answered: boolean };
export type DuePromise = { role: 'offered' | 'made'; promise: PromiseMade; answered: boolean };

/** Why a level is marked: the agreement it would break, the demand it misses, the word it would not back. */
export type LevelMark =
  | { kind: 'breaks-agreement'; agreementId: string; commitment: Commitment }
  | { kind: 'misses-demand'; threat: Threat }
  | { kind: 'empty-threat'; threat: Threat }
  | { kind: 'breaks-promise'; promise: PromiseMade }
  | { kind: 'misses-condition'; promise: PromiseMade };

export type DecisionBrief = {
  obligations: Obligation[];
  threats: DueThreat[];
  promises: DuePromise[];
  /** Per own instrument, why its level as set is marked; an unmarked instrument is absent. */
  marks: Readonly<Record<string, LevelMark[]>>;
  /** The rules' refusal of the levels as set (over budget, out of range), while the form can still seal. */
  refusal: Rejection | null;
  /**
   * While the decision is open and unsealed: the levels the table records at the deadline,
   * the agreements they break, and whether they are the minimum (the levels in force no
   * longer fit the seat's capacity) rather than the levels in force.
   */
  ifUnsealed: { levels: Record<string, number>; breaks: Obligation[]; standsDown: boolean } | null;
  /** Once this round is resolved: the levels the table recorded for this seat. */
  recorded: Record<string, number> | null;
};

/** Which agreement in force binds `seat` to `c` (the first, when several bind the same). */
function sourceOf(state: GameState, seat: string, c: Commitment): string {
  const from = agreementsInForce(state, state.round, seat).find((a) => a.commitments.some((x) => x.seat === c.seat && x.instrument === c.instrument && x.amount === c.amount));
  return from?.id ?? '';
}

/** The levels a seal would send: typed values that are numbers; an empty field keeps the level in force. */
function typedLevels(levels: Readonly<Record<string, number>>): Record<string, number> {
  return Object.fromEntries(Object.entries(levels).filter(([, v]) => Number.isFinite(v)));
}

/**
 * The breaches of `levels` as the rules see them: `checkMove`'s own warnings while the
 * decision is open; when it refuses (over budget) or the form is not open, the same
 * query it asks (`breaches`) on the levels as they would be filled in.
 */
function breachesOf(scenario: Scenario, state: GameState, seat: string, typed: Record<string, number>, asSet: Record<string, number>, open: boolean): { breaks: Commitment[]; refusal: Rejection | null } {
  if (open) {
    const check = checkMove(scenario, state, seat, { type: 'decide', version: state.version, levels: typed });
    if (check.ok) return { breaks: check.warnings.flatMap((w) => (w.kind === 'breaks-agreement' ? [w.commitment] : [])), refusal: null };
    return { breaks: breaches(scenario, state, seat, asSet), refusal: check.rejection };
  }
  return { breaks: breaches(scenario, state, seat, asSet), refusal: null };
}

/** A level as set meets `amount` in the instrument's own direction (a floor or a ceiling). */
function meets(scenario: Scenario, levels: Record<string, number>, use: { instrument: string; amount: number }): boolean {
  const inst = findInstrument(scenario, use.instrument);
  const level = levels[use.instrument];
  return inst !== undefined && level !== undefined && meetsCommitment(inst, level, use.amount);
}

export function decisionBrief(scenario: Scenario, state: GameState, seat: string, levels: Readonly<Record<string, number>>): DecisionBrief {
  const mine = state.seats[seat];
  const open = state.phase === 'decision' && mine !== undefined && !mine.submitted;
  const typed = typedLevels(levels);
  // What would be sealed: the typed levels over the ones in force (the rules' own filling-in).
  const full = fullLevels(scenario, state, seat, typed);
  const asSet = full.ok ? full.value : { ...(mine?.policy ?? {}), ...typed };

  const { breaks, refusal } = breachesOf(scenario, state, seat, typed, asSet, open);
  const due = dueNow(state, seat);
  const broken = (c: Commitment): boolean => breaks.some((b) => b.instrument === c.instrument && b.amount === c.amount);
  const obligations = due.obligations.map((commitment) => ({ agreementId: sourceOf(state, seat, commitment), commitment, kept: !broken(commitment) }));

  const threats: DueThreat[] = [
    ...due.threatsFaced.map((threat) => ({ role: 'faced' as const, threat, answered: meets(scenario, asSet, threat.demand) })),
    ...due.threatsMade.map((threat) => ({ role: 'made' as const, threat, answered: carriesOut(scenario, asSet[threat.consequence.instrument], threat.consequence) })),
  ];
  const promises: DuePromise[] = [
    ...due.promisesOffered.map((promise) => ({ role: 'offered' as const, promise, answered: meets(scenario, asSet, promise.condition) })),
    ...due.promisesMade.map((promise) => ({ role: 'made' as const, promise, answered: meets(scenario, asSet, promise.reward) })),
  ];

  const marks: Record<string, LevelMark[]> = {};
  const mark = (instrument: string, m: LevelMark): void => void (marks[instrument] ??= []).push(m);
  for (const o of obligations) if (!o.kept) mark(o.commitment.instrument, { kind: 'breaks-agreement', agreementId: o.agreementId, commitment: o.commitment });
  for (const d of threats) {
    if (d.answered) continue;
    if (d.role === 'faced') mark(d.threat.demand.instrument, { kind: 'misses-demand', threat: d.threat });
    else mark(d.threat.consequence.instrument, { kind: 'empty-threat', threat: d.threat });
  }
  for (const d of promises) {
    if (d.answered) continue;
    if (d.role === 'made') mark(d.promise.reward.instrument, { kind: 'breaks-promise', promise: d.promise });
    else mark(d.promise.condition.instrument, { kind: 'misses-condition', promise: d.promise });
  }

  let ifUnsealed: DecisionBrief['ifUnsealed'] = null;
  if (open) {
    const fallback = defaultDecision(scenario, state, seat);
    const fallbackBreaks = breachesOf(scenario, state, seat, fallback, fallback, true).breaks;
    const inForce = fullLevels(scenario, state, seat, {});
    const standsDown = !inForce.ok || Object.entries(fallback).some(([id, v]) => inForce.value[id] !== v);
    ifUnsealed = { levels: fallback, breaks: fallbackBreaks.map((commitment) => ({ agreementId: sourceOf(state, seat, commitment), commitment, kept: false })), standsDown };
  }

  const resolved = state.phase === 'resolution' || state.phase === 'debrief' || state.phase === 'ended';
  const recorded = resolved ? (state.history.find((r) => r.round === state.round)?.seats[seat]?.levels ?? null) : null;

  return { obligations, threats, promises, marks, refusal, ifUnsealed, recorded };
}
