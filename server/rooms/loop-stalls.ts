/** How often the heartbeat that notices a stalled event loop beats. */
export const STALL_BEAT_MS = 50;

/**
 * How long this process's event loop has stood still, in all: time in which no message
 * was read. A heartbeat meant to run every `beatMs` that runs late says the loop was busy
 * (a slow fsync, a long task, a starved CPU) for the difference; a late beat within one
 * more interval is timer jitter and not counted.
 */
export class LoopStalls {
  private readonly beatMs: number;
  private last: number | null = null;
  private total = 0;

  constructor(beatMs = STALL_BEAT_MS) {
    this.beatMs = beatMs;
  }

  /** A heartbeat at `now` (ms). */
  beat(now: number): void {
    if (this.last !== null) {
      const late = now - this.last - this.beatMs;
      if (late > this.beatMs) this.total += late;
    }
    this.last = now;
  }

  /** Milliseconds stalled since this process started watching. */
  get stalledMs(): number {
    return this.total;
  }
}

let watched: LoopStalls | null = null;

/**
 * The process's own stalls, watched by one unref'd heartbeat shared by every room: timers
 * run before the loop reads sockets, so a stall is counted before the messages bunched by it.
 */
export function processStalls(): LoopStalls {
  if (watched === null) {
    const stalls = new LoopStalls();
    stalls.beat(performance.now());
    setInterval(() => stalls.beat(performance.now()), STALL_BEAT_MS).unref();
    watched = stalls;
  }
  return watched;
}
