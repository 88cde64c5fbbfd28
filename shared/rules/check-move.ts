import type { Scenario } from '../scenario/schema.ts';
import { breaches, obligationsOf } from './agreements.ts';
import { applyMove } from './apply-move.ts';
import { fullLevels } from './decision.ts';
import { findInstrument, meetsCommitment } from './instruments.ts';
import type { Commitment, Move } from './moves.ts';
import type { Rejection } from './result.ts';
import type { GameState, PromiseMade, Threat } from './state.ts';
import { asksNothingNew, promisesDue, threatsDue } from './threats.ts';

/**
 * What the rules would say to a move, and what it would run against, without making it.
 * `breaks-agreement`: a sealed level below a floor or above a ceiling the seat agreed to.
 * `contradicts-agreement`: a threat whose consequence, carried out, would break the
 * threatener's own obligation in the round it falls due.
 * `asks-nothing-new`: a threat whose demand an agreement already binds, so complying with
 * it earns the threatener no credibility.
 */
export type MoveWarning =
  | { kind: 'breaks-agreement'; commitment: Commitment }
  | { kind: 'contradicts-agreement'; commitment: Commitment }
  | { kind: 'asks-nothing-new' };

export type MoveCheck = { ok: true; warnings: MoveWarning[] } | { ok: false; rejection: Rejection };

/**
 * A dry run of `applyMove` on what the seat can see (its own `playerView` is enough:
 * every check a move meets reads only the mover's own secrets), so a form can refuse or
 * warn before sending, with the rules' own words rather than a copy of their checks.
 */
export function checkMove(scenario: Scenario, state: GameState, seat: string, move: Move): MoveCheck {
  const applied = applyMove(scenario, state, seat, move);
  if (!applied.ok) return { ok: false, rejection: applied.rejection };
  return { ok: true, warnings: warningsOf(scenario, state, seat, move) };
}

function warningsOf(scenario: Scenario, state: GameState, seat: string, move: Move): MoveWarning[] {
  switch (move.type) {
    case 'decide': {
      const full = fullLevels(scenario, state, seat, move.levels);
      return full.ok ? breaches(scenario, state, seat, full.value).map((commitment) => ({ kind: 'breaks-agreement', commitment })) : [];
    }
    case 'threaten': {
      const warnings: MoveWarning[] = contradicted(scenario, state, seat, move.consequence, move.dueRound).map((commitment) => ({ kind: 'contradicts-agreement', commitment }));
      if (asksNothingNew(scenario, state, move.target, move.demand, move.dueRound)) warnings.push({ kind: 'asks-nothing-new' });
      return warnings;
    }
    default:
      return [];
  }
}

/** The seat's own obligations in `round` that using `use` would break. */
function contradicted(scenario: Scenario, state: GameState, seat: string, use: { instrument: string; amount: number }, round: number): Commitment[] {
  const inst = findInstrument(scenario, use.instrument);
  if (!inst) return [];
  return obligationsOf(state, seat, round).filter((c) => c.instrument === use.instrument && !meetsCommitment(inst, use.amount, c.amount));
}

/** What binds or falls due for `seat` in the current round: the decision form's list of commitments. */
export type DueNow = {
  obligations: Commitment[];
  /** Threats falling due this round that the seat made (to carry out or not) or faces (to meet or not). */
  threatsMade: Threat[];
  threatsFaced: Threat[];
  promisesMade: PromiseMade[];
  promisesOffered: PromiseMade[];
};

export function dueNow(state: GameState, seat: string): DueNow {
  const threats = threatsDue(state);
  const promises = promisesDue(state);
  return {
    obligations: obligationsOf(state, seat),
    threatsMade: threats.filter((t) => t.by === seat),
    threatsFaced: threats.filter((t) => t.target === seat),
    promisesMade: promises.filter((p) => p.by === seat),
    promisesOffered: promises.filter((p) => p.target === seat),
  };
}
