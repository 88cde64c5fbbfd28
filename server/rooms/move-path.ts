/**
 * Where a move's time goes on the server, stage by stage: waiting in its table's queue,
 * parsing, the rules, the durable commit, building and sending the views; and, once per
 * group commit rather than per move, the store's write of a batch (`batch`). Summed per
 * process at the cost of a clock read per stage; the load bench reads and resets it.
 */
export const MOVE_STAGES = ['queued', 'parse', 'rules', 'commit', 'views', 'batch'] as const;
export type MoveStage = (typeof MOVE_STAGES)[number];

export type StageFigures = { count: number; totalMs: number; maxMs: number; p99Ms: number };

/** Power-of-two buckets of microseconds: 1 µs up to about 35 minutes, enough for a p99 within a factor of two. */
const BUCKETS = 32;

class StageTimes {
  count = 0;
  totalMs = 0;
  maxMs = 0;
  readonly buckets = new Array<number>(BUCKETS).fill(0);

  add(ms: number): void {
    this.count += 1;
    this.totalMs += ms;
    if (ms > this.maxMs) this.maxMs = ms;
    const micros = Math.max(1, Math.round(ms * 1000));
    this.buckets[Math.min(BUCKETS - 1, Math.floor(Math.log2(micros)))] += 1;
  }

  /** The upper edge of the bucket that holds the 99th percentile. */
  p99(): number {
    let seen = 0;
    for (let i = 0; i < BUCKETS; i++) {
      seen += this.buckets[i];
      if (seen >= this.count * 0.99) return Math.min(this.maxMs, 2 ** (i + 1) / 1000);
    }
    return this.maxMs;
  }
}

let times = new Map<MoveStage, StageTimes>();

export function recordStage(stage: MoveStage, ms: number): void {
  let stageTimes = times.get(stage);
  if (stageTimes === undefined) {
    stageTimes = new StageTimes();
    times.set(stage, stageTimes);
  }
  stageTimes.add(ms);
}

/** Figures since the last call, then starts over. */
export function takeStageFigures(): Record<string, StageFigures> {
  const taken: Record<string, StageFigures> = {};
  for (const [stage, t] of times) taken[stage] = { count: t.count, totalMs: t.totalMs, maxMs: t.maxMs, p99Ms: t.p99() };
  times = new Map();
  return taken;
}
