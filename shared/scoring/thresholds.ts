import type { Label } from './card.ts';

/**
 * How a shortfall from the best alternative, in points of the role's objective score
 * (0..100) at the horizon, becomes a label. A whole game's strategies differ by about
 * ten points in the first scenario, so a point lost on one decision matters.
 */
export const LABEL_LOSS: readonly [Label, number][] = [
  ['best', 0.05],
  ['good', 0.5],
  ['inaccuracy', 1.5],
  ['mistake', 3],
];

/** The 0..100 score halves for every this many points lost. */
export const SCORE_HALF_LIFE = 1;

/** Gains smaller than this (objective points) do not count as a gain for positive-sum bargaining. */
export const GAIN_EPSILON = 0.01;

/** Decisions beyond this many rounds ahead are not projected. */
export const MAX_HORIZON = 2;

export function labelFor(loss: number): Label {
  for (const [label, limit] of LABEL_LOSS) if (loss <= limit) return label;
  return 'blunder';
}

export function scoreFor(loss: number): number {
  return Math.round(100 * Math.pow(0.5, Math.max(0, loss) / SCORE_HALF_LIFE));
}
