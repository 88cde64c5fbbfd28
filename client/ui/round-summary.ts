import type { GameState, RoundResult } from '../../shared/rules/state.ts';
import { INDICATORS, type IndicatorName, type Scenario } from '../../shared/scenario/schema.ts';

export type IndicatorChange = { name: IndicatorName; before: number; after: number; delta: number };

/** Where a seat stood before `round` resolved: the previous round's outcome, or the scenario's start. */
export function indicatorsBefore(scenario: Scenario, history: readonly RoundResult[], round: number, seat: string): Record<IndicatorName, number> | null {
  const previous = [...history].reverse().find((r) => r.round < round)?.seats[seat];
  if (previous) return previous.indicators;
  return scenario.seats.find((s) => s.id === seat)?.indicators ?? null;
}

export function indicatorChanges(scenario: Scenario, history: readonly RoundResult[], round: number, seat: string): IndicatorChange[] {
  const result = history.find((r) => r.round === round)?.seats[seat];
  const before = indicatorsBefore(scenario, history, round, seat);
  if (!result || !before) return [];
  return INDICATORS.map((name) => ({
    name,
    before: before[name],
    after: result.indicators[name],
    delta: Math.round((result.indicators[name] - before[name]) * 100) / 100,
  }));
}

export function latestResult(state: GameState): RoundResult | null {
  return state.history.at(-1) ?? null;
}
