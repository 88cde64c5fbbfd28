import type { Phase } from '../rules/phase.ts';
import type { Hint, Scenario } from './schema.ts';

/** The scenario's tips for this moment: those for this phase of this round, then those for this phase of every round. */
export function hintsFor(scenario: Scenario, round: number, phase: Phase): Hint[] {
  const here = scenario.hints.filter((hint) => hint.phase === phase);
  return [...here.filter((hint) => hint.round === round), ...here.filter((hint) => hint.round === undefined)];
}
