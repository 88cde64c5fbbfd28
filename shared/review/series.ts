import type { GameState } from '../rules/state.ts';
import { COST_KINDS, INDICATORS, type Scenario } from '../scenario/schema.ts';
import type { GameSeries } from './schemas.ts';

/**
 * What the review charts draw, round by round, from the rounds already resolved. It reads
 * only `history`, which `playerView` leaves whole, so a seat's own view draws the same
 * charts as the full state. RoundResult costs are the round's own (the seat's running
 * totals live in its SeatState), so they chart as they are.
 */
export function seriesOf(scenario: Scenario, state: GameState): GameSeries {
  const history = state.history;
  const indicators: GameSeries['indicators'] = {};
  const costs: GameSeries['costs'] = {};
  const scores: GameSeries['scores'] = {};
  for (const seat of scenario.seats) {
    const outcomes = history.map((r) => r.seats[seat.id]).filter((o) => o !== undefined);
    indicators[seat.id] = Object.fromEntries(INDICATORS.map((name) => [name, outcomes.map((o) => o.indicators[name])])) as GameSeries['indicators'][string];
    costs[seat.id] = Object.fromEntries(COST_KINDS.map((kind) => [kind, outcomes.map((o) => o.costs[kind])])) as GameSeries['costs'][string];
    scores[seat.id] = outcomes.map((o) => o.score);
  }
  return {
    rounds: history.map((r) => r.round),
    indicators,
    costs,
    scores,
    arrivals: history.map((r) => r.arrivals),
    historicalArrivals: history.map((r) => scenario.history.find((h) => h.round === r.round)?.arrivals ?? null),
  };
}
