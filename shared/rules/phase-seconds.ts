import type { Scenario, Timers } from '../scenario/schema.ts';
import { Locale } from '../scenario/schema.ts';
import type { Phase } from './state.ts';

/**
 * How long each phase lasts by default, set for a classroom. A scenario's own timers may
 * ask for longer, never for less: a phase that ends before a class can read, talk or
 * decide is a barrier, not a challenge. Every phase still ends early once every seat is
 * ready, so a long default costs a quick table nothing.
 */

/** The reading speed the briefing is timed for, in words a minute. */
export const READING_WORDS_PER_MINUTE = 200;

/** The least a phase lasts unless the instructor or creator sets it shorter. */
export const CLASSROOM_SECONDS = {
  /** Even a short briefing needs a minute to find one's seat and read the table. */
  briefing: 60,
  negotiation: 300,
  decision: 120,
  /** Waits for ready: the table reads what changed and moves on together. */
  resolution: 300,
  debrief: 120,
} as const satisfies Timers;

/** A briefing's reading time is rounded up to this step, so it reads as a round number. */
const READING_STEP_SECONDS = 15;

function words(text: string): number {
  return text.split(/\s+/).filter((word) => word !== '').length;
}

/**
 * Seconds to read what the briefing shows, at 200 words a minute: the scenario's summary
 * and the longest seat briefing, in the language that takes longer, rounded up to 15 s.
 */
export function readingSeconds(scenario: Scenario): number {
  const longest = Math.max(
    ...Locale.options.map((locale) => words(scenario.summary[locale]) + Math.max(0, ...scenario.seats.map((seat) => words(seat.briefing[locale])))),
  );
  const seconds = (longest / READING_WORDS_PER_MINUTE) * 60;
  return Math.ceil(seconds / READING_STEP_SECONDS) * READING_STEP_SECONDS;
}

/** The phase's default length: the classroom's least, the scenario's own, and for a briefing its reading time. */
export function defaultPhaseSeconds(scenario: Scenario, phase: Exclude<Phase, 'ended'>): number {
  const floor = Math.max(CLASSROOM_SECONDS[phase], scenario.timers[phase]);
  return phase === 'briefing' ? Math.max(floor, readingSeconds(scenario)) : floor;
}

/** Seconds the phase lasts: the game's own timers where the instructor or creator set them, else the default. */
export function phaseSeconds(scenario: Scenario, phase: Phase, timers?: Partial<Timers>): number {
  if (phase === 'ended') return 0;
  return timers?.[phase] ?? defaultPhaseSeconds(scenario, phase);
}

/** Every phase's default length: what a public copy of the scenario carries, since its briefings are private. */
export function defaultTimers(scenario: Scenario): Timers {
  return {
    briefing: defaultPhaseSeconds(scenario, 'briefing'),
    negotiation: defaultPhaseSeconds(scenario, 'negotiation'),
    decision: defaultPhaseSeconds(scenario, 'decision'),
    resolution: defaultPhaseSeconds(scenario, 'resolution'),
    debrief: defaultPhaseSeconds(scenario, 'debrief'),
  };
}
