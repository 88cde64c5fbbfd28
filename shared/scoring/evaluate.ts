import type { Costs, Scenario } from '../scenario/schema.ts';
import { findInstrument } from '../rules/instruments.ts';
import type { Commitment, Move } from '../rules/moves.ts';
import type { GameState } from '../rules/state.ts';
import { entry } from '../rules/lookup.ts';
import { beliefWeights } from './belief.ts';
import { alternativesTo } from './alternatives.ts';
import { holdCourse } from './hold-course.ts';
import type { Bargaining, Evaluation, Ledger } from './card.ts';
import { project, worldsOf, type Projection, type World } from './project.ts';
import { playerView } from '../rules/player-view.ts';
import { GAIN_EPSILON, labelFor, MAX_HORIZON, scoreFor } from './thresholds.ts';
import { EPSILON, round2 } from '../rules/numbers.ts';

/** The last round whose outcome the move can change: its own, or the due round of what it sets up. */
export function horizonOf(scenario: Scenario, state: GameState, move: Move): number {
  // Every decision is judged over its own round and the next, where most consequences land.
  let end = state.round + 1;
  if (move.type === 'threaten' || move.type === 'promise') end = Math.max(end, move.dueRound);
  if (move.type === 'propose' || move.type === 'counter') end = Math.max(end, state.round + move.rounds - 1);
  if (move.type === 'accept') {
    const proposal = state.proposals.find((p) => p.id === move.proposalId);
    if (proposal) end = Math.max(end, state.round + proposal.rounds - 1);
  }
  return Math.min(scenario.rounds.length, state.round + MAX_HORIZON, end);
}

type Expectation = { score: Record<string, number>; costs: Record<string, Costs> };

/** Weighted mean outcome over the worlds the seat can imagine; null when the move is not legal. */
function expect(scenario: Scenario, worlds: World[], seat: string, move: Move | null, horizon: number): Expectation | null {
  const runs: { p: Projection; w: number }[] = [];
  for (const world of worlds) {
    const p = project(scenario, world, seat, move, horizon);
    if (p === null) return null;
    runs.push({ p, w: world.weight });
  }
  const first = runs[0];
  if (first === undefined) return null;
  const total = runs.reduce((a, r) => a + r.w, 0);
  const mean = (f: (p: Projection) => number) => runs.reduce((a, r) => a + f(r.p) * r.w, 0) / total;
  const score: Record<string, number> = {};
  const costs: Record<string, Costs> = {};
  for (const id of Object.keys(first.p.score)) {
    score[id] = mean((p) => p.score[id] ?? 0);
    costs[id] = { political: mean((p) => p.costs[id]?.political ?? 0), reputational: mean((p) => p.costs[id]?.reputational ?? 0), implementation: mean((p) => p.costs[id]?.implementation ?? 0) };
  }
  return { score, costs };
}

/** What the other side's commitments in a bundle cost it to carry out, per round: the concessions gained. */
function concessionsIn(scenario: Scenario, seat: string, commitments: Commitment[]): number {
  return commitments
    .filter((c) => c.seat !== seat)
    .reduce((a, c) => {
      const inst = findInstrument(scenario, c.instrument);
      if (!inst) return a;
      const given = inst.commit === 'atLeast' ? c.amount - inst.param.min : inst.param.max - c.amount;
      return a + given * inst.cost.implementation;
    }, 0);
}

function bundleOf(state: GameState, move: Move): Commitment[] {
  if (move.type === 'propose' || move.type === 'counter') return move.commitments;
  if (move.type === 'accept') return state.proposals.find((p) => p.id === move.proposalId)?.commitments ?? [];
  return [];
}

/** What made the difference to the best option: one kind of cost, or the other side's response. */
export type Driver = 'political' | 'reputational' | 'implementation' | 'response';

export type Verdict = { evaluation: Evaluation; ledger: Ledger; bargaining: Bargaining; driver: Driver };

/**
 * Like a chess engine's annotation: the decision's expected objective score for the seat,
 * against the best of its legal alternatives, each projected by the round-resolution code
 * against every bot policy as the counterpart's possible response.
 */
export function evaluateDecision(scenario: Scenario, before: GameState, seat: string, other: string, move: Move, random: () => number): Verdict {
  // Everything below reads the seat's own view: nothing hidden from it can move its verdict.
  const state = playerView(before, seat);
  const worlds = worldsOf(scenario, state, seat, beliefWeights(scenario, state, seat, other), random);
  const horizon = horizonOf(scenario, state, move);
  const options = alternativesTo(scenario, state, seat, move, random);
  const actual = expect(scenario, worlds, seat, move, horizon);
  if (actual === null) throw new Error(`scored move ${move.type} is not legal in its own state`);
  // The baseline is making no new choice: passing in talks, holding course in a decision.
  const baselineMove: Move | null = state.phase === 'decision' ? { type: 'decide', version: state.version, levels: holdCourse(scenario, state, seat) } : null;
  const baseline = expect(scenario, worlds, seat, baselineMove, horizon) ?? actual;

  let best = entry(actual.score, seat);
  let bestOption: Move | null | undefined;
  let bestOutcome: Expectation = actual;
  let counted = 1;
  for (const option of options) {
    if (option === move) continue;
    const outcome = option === null && baselineMove === null ? baseline : expect(scenario, worlds, seat, option, horizon);
    if (outcome === null) continue;
    counted += 1;
    const score = entry(outcome.score, seat);
    if (score > best + EPSILON) {
      best = score;
      bestOption = option;
      bestOutcome = outcome;
    }
  }
  const loss = best - entry(actual.score, seat);
  const label = labelFor(loss);
  const kinds = ['political', 'reputational', 'implementation'] as const;
  const delta = Object.fromEntries(kinds.map((k) => [k, entry(actual.costs, seat)[k] - entry(baseline.costs, seat)[k]])) as Costs;
  const ledger: Ledger = {
    costs: Object.fromEntries(kinds.map((k) => [k, round2(Math.max(0, delta[k]))])) as Costs,
    concessions: round2(concessionsIn(scenario, seat, bundleOf(state, move))),
    harmsAverted: round2(kinds.reduce((a, k) => a + Math.max(0, -delta[k]), 0)),
  };
  let driver: Driver = 'response';
  let widest = 0.5;
  for (const k of kinds) {
    const extra = entry(actual.costs, seat)[k] - entry(bestOutcome.costs, seat)[k];
    if (extra > widest) {
      widest = extra;
      driver = k;
    }
  }
  const gains = (id: string) => entry(actual.score, id) - entry(baseline.score, id) > GAIN_EPSILON;
  const bargaining: Bargaining = gains(seat) && gains(other) ? 'positive-sum' : 'zero-sum';
  return {
    evaluation: {
      score: scoreFor(loss),
      label,
      expected: round2(entry(actual.score, seat)),
      best: round2(best),
      baseline: round2(entry(baseline.score, seat)),
      bestAlternative: label === 'best' || label === 'good' || bestOption === undefined ? null : bestOption === null ? { kind: 'pass' } : { kind: 'move', move: bestOption },
      alternatives: counted,
      horizon,
    },
    ledger,
    bargaining,
    driver,
  };
}

/**
 * The seat's best option at this moment, judged exactly as a decision's card judges it
 * (same alternatives, same projections, same beliefs about the other side): what the
 * best-response bot plays. `null` means making no move is best.
 */
export function bestOption(scenario: Scenario, before: GameState, seat: string, other: string, random: () => number): Move | null {
  const state = playerView(before, seat);
  const worlds = worldsOf(scenario, state, seat, beliefWeights(scenario, state, seat, other), random);
  // The widest horizon a card looks over: an option whose payoff lands next round (a deal's
  // second round, a threat falling due) is not judged by its cost this round alone.
  const horizon = Math.min(scenario.rounds.length, state.round + MAX_HORIZON);
  const first: Move | null = state.phase === 'decision' ? { type: 'decide', version: state.version, levels: holdCourse(scenario, state, seat) } : null;
  let best: Move | null = first;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const option of alternativesTo(scenario, state, seat, first, random)) {
    const outcome = expect(scenario, worlds, seat, option, horizon);
    const score = outcome === null ? undefined : entry(outcome.score, seat);
    if (score !== undefined && score > bestScore + EPSILON) {
      bestScore = score;
      best = option;
    }
  }
  return best;
}
