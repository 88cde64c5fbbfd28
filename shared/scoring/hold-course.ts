import type { Scenario } from '../scenario/schema.ts';
import { obligationsOf } from '../rules/agreements.ts';
import { defaultDecision, fullLevels, overBudget } from '../rules/decision.ts';
import { carryingOut, findInstrument, honouring } from '../rules/instruments.ts';
import type { GameState } from '../rules/state.ts';
import { threatsDue } from '../rules/threats.ts';

/**
 * What a seat does when it makes no new choice: the levels in force, with its own threats
 * falling due carried out (a threat is a plan: the rules avert it if the target complies),
 * moved just enough to meet its agreements in force, which win over a threat. The baseline
 * every decision is compared against.
 */
export function holdCourse(scenario: Scenario, state: GameState, seat: string): Record<string, number> {
  const policy = fullLevels(scenario, state, seat, {});
  const levels = policy.ok ? { ...policy.value } : defaultDecision(scenario, state, seat);
  for (const threat of threatsDue(state)) {
    const inst = findInstrument(scenario, threat.consequence.instrument);
    if (threat.by !== seat || !inst) continue;
    levels[inst.id] = carryingOut(inst, levels[inst.id] ?? inst.param.min, threat.consequence.amount);
  }
  for (const c of obligationsOf(state, seat)) {
    const inst = findInstrument(scenario, c.instrument);
    if (!inst) continue;
    levels[c.instrument] = honouring(inst, levels[c.instrument] ?? inst.param.min, c.amount);
  }
  return overBudget(scenario, state, seat, levels) ? defaultDecision(scenario, state, seat) : levels;
}
