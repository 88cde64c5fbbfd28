import { z } from 'zod';

/** Milliseconds from a live decision to its card back on the rooms' thread, as percentiles of recent cards (null before the first). */
export const CardLatency = z.object({ count: z.number().int(), p50: z.number().nullable(), p95: z.number().nullable(), p99: z.number().nullable(), max: z.number().nullable() });
export type CardLatency = z.infer<typeof CardLatency>;

/**
 * The scoring pool as it stands: its workers, the jobs waiting and running, the most that ever
 * waited against the pool's bound, how many were scored or failed, and the card latency.
 */
export const ScoringFigures = z.object({
  workers: z.number().int(),
  waiting: z.number().int(),
  running: z.number().int(),
  peakWaiting: z.number().int(),
  bound: z.number().int(),
  scored: z.number().int(),
  failed: z.number().int(),
  card: CardLatency,
});
export type ScoringFigures = z.infer<typeof ScoringFigures>;

/** Percentiles of a list of milliseconds; `count` is every card scored, the list may keep only the latest. */
export function cardLatency(samples: readonly number[], count: number): CardLatency {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number): number | null => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? null;
  return { count, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted.at(-1) ?? null };
}
