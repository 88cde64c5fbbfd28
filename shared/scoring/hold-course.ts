import type { Scenario } from '../scenario/schema.ts';
import { defaultDecision, fullLevels, overBudget } from '../rules/decision.ts';
import { findInstrument } from '../rules/instruments.ts';
import type { GameState } from '../rules/state.ts';

/**
 * What a seat does when it makes no new choice: the levels in force, moved just enough to
 * meet its agreements in force. The baseline every decision is compared against.
 */
export function holdCourse(scenario: Scenario, state: GameState, seat: string): Record<string, number> {
  const policy = fullLevels(scenario, state, seat, {});
  const levels = policy.ok ? { ...policy.value } : defaultDecision(scenario, state, seat);
  for (const agreement of state.agreements) {
    if (state.round < agreement.fromRound || state.round > agreement.toRound) continue;
    for (const c of agreement.commitments) {
      const inst = findInstrument(scenario, c.instrument);
      if (c.seat !== seat || !inst) continue;
      const level = levels[c.instrument] ?? inst.param.min;
      levels[c.instrument] = inst.commit === 'atLeast' ? Math.max(level, c.amount) : Math.min(level, c.amount);
    }
  }
  return overBudget(scenario, state, seat, levels) ? defaultDecision(scenario, state, seat) : levels;
}
