import type { Delayed, Room } from '@colyseus/core';
import type { StoredClock } from '../store/store.ts';

/**
 * The phase clock of one table, on the room's clock. The instructor can hold it (pause:
 * the time left is kept, no deadline runs), let it run again, or give the phase more time.
 * `expire` hears which phase's clock ran out, so a late expiry of an earlier phase is ignored.
 */
export class TableClock {
  private readonly clock: Room['clock'];
  private readonly expire: (phaseVersion: number) => void;
  private timer: Delayed | null = null;
  private phaseVersion = -1;
  /** When the phase ends (epoch ms); null while held or once the game is over. */
  deadline: number | null = null;
  /** Time left in the phase while the instructor holds the clock; null while it runs. */
  pausedMs: number | null = null;

  constructor(clock: Room['clock'], expire: (phaseVersion: number) => void) {
    this.clock = clock;
    this.expire = expire;
  }

  get paused(): boolean {
    return this.pausedMs !== null;
  }

  /** A new phase (or a retry) ending at `deadline`; a held clock stays held, with the phase's whole length left. */
  start(phaseVersion: number, deadline: number, now: number): void {
    this.phaseVersion = phaseVersion;
    if (this.paused) {
      this.clear();
      this.deadline = null;
      this.pausedMs = Math.max(0, deadline - now);
      return;
    }
    this.arm(deadline, now);
  }

  /** Restored held: the phase had `pausedMs` left when the server stopped. */
  hold(phaseVersion: number, pausedMs: number): void {
    this.phaseVersion = phaseVersion;
    this.clear();
    this.deadline = null;
    this.pausedMs = pausedMs;
  }

  /** The game is over: no clock at all. */
  stop(): void {
    this.clear();
    this.deadline = null;
    this.pausedMs = null;
  }

  /** False when there was nothing to hold (already held, or no clock). */
  pause(now: number): boolean {
    if (this.paused || this.deadline === null) return false;
    this.pausedMs = Math.max(0, this.deadline - now);
    this.deadline = null;
    this.clear();
    return true;
  }

  resume(now: number): boolean {
    if (this.pausedMs === null) return false;
    const left = this.pausedMs;
    this.pausedMs = null;
    this.arm(now + left, now);
    return true;
  }

  extend(ms: number, now: number): boolean {
    if (this.pausedMs !== null) {
      this.pausedMs += ms;
      return true;
    }
    if (this.deadline === null) return false;
    this.arm(this.deadline + ms, now);
    return true;
  }

  snapshot(): StoredClock {
    return { phaseVersion: this.phaseVersion, deadline: this.deadline, pausedMs: this.pausedMs };
  }

  private arm(deadline: number, now: number): void {
    this.clear();
    this.deadline = deadline;
    const phaseVersion = this.phaseVersion;
    this.timer = this.clock.setTimeout(() => this.expire(phaseVersion), Math.max(0, deadline - now));
  }

  private clear(): void {
    this.timer?.clear();
    this.timer = null;
  }
}
