import { z } from 'zod';
import { ScoringFigures } from '../../server/scoring/figures.ts';

/** What the bench asks a server child: its figures now (after a full GC when `gc`), or to stop cleanly. */
export const ChildRequest = z.discriminatedUnion('type', [
  z.object({ type: z.literal('stats'), gc: z.boolean() }),
  z.object({ type: z.literal('stop') }),
]);
export type ChildRequest = z.infer<typeof ChildRequest>;

/** Time spent in one stage of a move's path, summed since the last snapshot. */
export const StageFigures = z.object({ count: z.number(), totalMs: z.number(), maxMs: z.number(), p99Ms: z.number() });

/** The server's own figures: CPU of the whole process and of the rooms' (main) thread, memory, event-loop use, a move's path. */
export const ChildStats = z.object({
  type: z.literal('stats'),
  cpuMs: z.number(),
  mainThreadCpuMs: z.number(),
  rss: z.number(),
  heapUsed: z.number(),
  eventLoopActiveMs: z.number(),
  eventLoopIdleMs: z.number(),
  stages: z.record(z.string(), StageFigures),
  /** The scoring pool's backlog and card latency; null for a server without one (the bare relay). */
  scoring: ScoringFigures.nullable(),
});
export type ChildStats = z.infer<typeof ChildStats>;

export const ChildMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), port: z.number().int() }),
  ChildStats,
  z.object({ type: z.literal('stopped') }),
]);
export type ChildMessage = z.infer<typeof ChildMessage>;

/** The bare relay room's name on its server. */
export const RELAY_ROOM = 'relay';
