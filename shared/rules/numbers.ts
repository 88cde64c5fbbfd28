/** Indicators and salience live on 0..100. */
export function clampIndicator(value: number): number {
  return round2(Math.min(100, Math.max(0, value)));
}

/**
 * Everything stored is rounded: two decimals for indicators and costs, whole people for
 * flows. Rounding keeps the state hash identical on every machine that replays the log.
 */
export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** Slack for comparing levels and costs that went through floating-point sums. */
export const EPSILON = 1e-9;
