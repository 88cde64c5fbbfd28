import { playBotGame } from '../bots/play-bot-game.ts';
import { BotPolicyId } from '../framework.ts';
import { at, entry } from '../rules/lookup.ts';
import { round2 } from '../rules/numbers.ts';
import type { GameState } from '../rules/state.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { OutcomePoint } from './schemas.ts';

/** The seed every reference game is played from, so the same scenario always plots the same references. */
export const REFERENCE_SEED = 1;

/** Each seat's objective score where the game stands. */
export function outcomeOf(state: GameState): Record<string, number> {
  return Object.fromEntries(Object.entries(state.seats).map(([seat, s]) => [seat, round2(s.score)]));
}

/**
 * The outcomes no other outcome beats for every seat at once: a point is dominated when
 * another is at least as good for every seat and better for one. A seat a point does not
 * score counts as 0 for it. Equal points do not dominate each other.
 */
export function paretoFrontier(points: readonly { id: string; scores: Record<string, number> }[]): Set<string> {
  const seats = [...new Set(points.flatMap((p) => Object.keys(p.scores)))];
  const score = (p: { scores: Record<string, number> }, seat: string) => p.scores[seat] ?? 0;
  const dominates = (a: (typeof points)[number], b: (typeof points)[number]) =>
    seats.every((s) => score(a, s) >= score(b, s)) && seats.some((s) => score(a, s) > score(b, s));
  return new Set(points.filter((p) => !points.some((q) => q !== p && dominates(q, p))).map((p) => p.id));
}

function botPoint(scenario: Scenario, kind: 'historical' | 'bots', id: string, label: string, policies: Record<string, BotPolicyId>): OutcomePoint {
  const { state } = playBotGame(scenario, REFERENCE_SEED, policies, REFERENCE_SEED);
  return { id, kind, gameId: null, label, scores: outcomeOf(state), policies, frontier: false };
}

/**
 * What the class's outcomes are compared with: the path the governments historically
 * took, played by the policies closest to it, and every pairing of temperaments between
 * the destination and the transit states (all transit states playing alike), 36 games.
 * Deterministic: the same scenario always gives the same points.
 */
export function referenceOutcomes(scenario: Scenario): OutcomePoint[] {
  const points: OutcomePoint[] = [];
  const historical = scenario.historicalPolicies;
  if (historical) {
    const policies = Object.fromEntries(scenario.seats.map((s) => [s.id, entry(historical, s.id)]));
    points.push(botPoint(scenario, 'historical', 'historical', 'historical', policies));
  }
  const destination = scenario.seats.find((s) => s.role === 'destination') ?? at(scenario.seats, 0);
  for (const own of BotPolicyId.options) {
    for (const others of BotPolicyId.options) {
      const policies = Object.fromEntries(scenario.seats.map((s) => [s.id, s.id === destination.id ? own : others]));
      points.push(botPoint(scenario, 'bots', `bots:${own}/${others}`, `${own} / ${others}`, policies));
    }
  }
  return points;
}
