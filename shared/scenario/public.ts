import { defaultTimers } from '../rules/phase-seconds.ts';
import type { Scenario } from './schema.ts';

/** Stands in for a briefing in the copy of a scenario everyone may download. */
export const PRIVATE_BRIEFING = { en: '(private to this seat)', es: '(privado de este lugar)' };

/**
 * The scenario as anyone at the table may read it: every seat's briefing is private and
 * reaches its owner alone, in the welcome message. Its timers are the phase lengths the
 * game uses by default, worked out from the whole briefings before they are withheld.
 */
export function publicScenario(scenario: Scenario): Scenario {
  return { ...scenario, timers: defaultTimers(scenario), seats: scenario.seats.map((seat) => ({ ...seat, briefing: PRIVATE_BRIEFING })) };
}
