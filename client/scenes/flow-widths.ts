import type { RoundResult } from '../../shared/rules/state.ts';

/** The five movements the map draws, in the order a person travels them. */
export const STREAMS = ['setOut', 'interdicted', 'diverted', 'arrived', 'returned'] as const;
export type Stream = (typeof STREAMS)[number];
export type StreamNumbers = Record<Stream, number>;

export const MIN_WIDTH = 2;
export const MAX_WIDTH = 30;
/** People a single moving dot stands for, and the most dots one arrow carries (keeps slow laptops smooth). */
export const PEOPLE_PER_DOT = 4000;
export const MAX_DOTS = 36;

export function streamsOf(result: RoundResult | null): StreamNumbers {
  if (!result) return { setOut: 0, interdicted: 0, diverted: 0, arrived: 0, returned: 0 };
  return { setOut: result.setOut, interdicted: result.interdicted, diverted: result.diverted, arrived: result.arrivals, returned: result.returned };
}

/**
 * Arrow thickness by area, not length: width grows with the square root, so a flow twice
 * as large looks twice as heavy. Scaled against the largest flow of the game so far, so
 * rounds compare with each other.
 */
export function widthFor(value: number, reference: number): number {
  if (value <= 0 || reference <= 0) return MIN_WIDTH;
  const share = Math.min(1, value / reference);
  return Math.round((MIN_WIDTH + (MAX_WIDTH - MIN_WIDTH) * Math.sqrt(share)) * 10) / 10;
}

export function referenceOf(history: readonly RoundResult[]): number {
  return history.reduce((max, r) => Math.max(max, r.setOut, r.arrivals), 0);
}

export function widthsOf(numbers: StreamNumbers, reference: number): StreamNumbers {
  return {
    setOut: widthFor(numbers.setOut, reference),
    interdicted: widthFor(numbers.interdicted, reference),
    diverted: widthFor(numbers.diverted, reference),
    arrived: widthFor(numbers.arrived, reference),
    returned: widthFor(numbers.returned, reference),
  };
}

export function dotsFor(value: number): number {
  if (value <= 0) return 0;
  return Math.max(1, Math.min(MAX_DOTS, Math.round(value / PEOPLE_PER_DOT)));
}
