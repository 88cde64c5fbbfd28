import type { TimelineEntry, TimelineMark } from '../../shared/review/schemas.ts';
import { SCORED_MOVES } from '../../shared/scoring/card.ts';
import type { Move } from '../../shared/rules/moves.ts';
import { clampStep } from './frame-source.ts';

/**
 * Moving along a replay: step `s` is the state after `s` record entries (0 = the game as
 * created), and the entry "at" step `s` is the one with seq `s`, the last one applied.
 * An entry's round and phase are those of the state before it, so the state at step
 * `seq - 1` is in that round.
 */

/** The steps at which a round begins, ascending; step 0 always. */
export function roundStarts(entries: readonly TimelineEntry[]): number[] {
  const starts = [0];
  let previous: number | null = null;
  for (const entry of entries) {
    if (previous !== null && entry.round !== previous) starts.push(entry.seq - 1);
    previous = entry.round;
  }
  return starts;
}

/** Where a key takes the scrubber, or null for a key that does not move it. */
export function stepForKey(key: string, step: number, steps: number, starts: readonly number[]): number | null {
  switch (key) {
    case 'ArrowLeft':
    case 'ArrowDown':
      return clampStep(step - 1, steps);
    case 'ArrowRight':
    case 'ArrowUp':
      return clampStep(step + 1, steps);
    case 'Home':
      return 0;
    case 'End':
      return steps;
    case 'PageUp': {
      // To the start of this round; from its start, to the previous round's.
      const earlier = starts.filter((s) => s < step);
      return earlier.at(-1) ?? 0;
    }
    case 'PageDown':
      return starts.find((s) => s > step) ?? steps;
    default:
      return null;
  }
}

/** A move the framework scores: proposals, answers, threats, promises and sealed decisions. */
export function isDecisionMark(mark: TimelineMark): boolean {
  return mark.kind === 'move' && mark.moveType !== null && SCORED_MOVES.has(mark.moveType as Move['type']);
}

/** The nearest decision after (dir 1) or before (dir −1) the step, or null when there is none. */
export function nearestDecision(marks: readonly TimelineMark[], step: number, dir: 1 | -1): number | null {
  const steps = marks.filter(isDecisionMark).map((m) => m.step);
  if (dir === 1) return steps.filter((s) => s > step).sort((a, b) => a - b)[0] ?? null;
  return steps.filter((s) => s < step).sort((a, b) => b - a)[0] ?? null;
}

/** The round and phase of the state at a step, read from the timeline (the last entry's for the final step). */
export function placeInGame(entries: readonly TimelineEntry[], step: number): { round: number; phase: string } | null {
  const next = entries.find((e) => e.seq > step);
  if (next !== undefined) return { round: next.round, phase: next.phase };
  const last = entries.at(-1);
  return last === undefined ? null : { round: last.round, phase: last.phase };
}

/** What the page's keydown sees of its target: enough to tell a text field from a button. */
export type KeyTarget = { tagName: string; getAttribute(name: string): string | null; closest(selectors: string): unknown; isContentEditable?: boolean };

const KEY_SAFE_INPUTS = new Set(['button', 'submit', 'reset', 'checkbox']);

/**
 * Whether the replay's keys may act when this element has the focus: not in a text
 * field, a select or a radio group (their arrows are their own), nor in a panel that
 * scrolls sideways with the arrows (the map, a wide table).
 */
export function keysReachFrom(target: KeyTarget): boolean {
  const tag = target.tagName.toLowerCase();
  if (tag === 'textarea' || tag === 'select' || target.isContentEditable === true) return false;
  if (tag === 'input' && !KEY_SAFE_INPUTS.has((target.getAttribute('type') ?? 'text').toLowerCase())) return false;
  return target.closest('.map-scroll, .table-scroll, dialog') === null;
}
