import type { MessageRate } from './limits.ts';

/** A token bucket per connection: `burst` messages at once, refilled at `perSecond`. */
export class MessageBudget {
  private readonly rate: MessageRate;
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(rate: MessageRate) {
    this.rate = rate;
  }

  /** Spends one message for this session at time `now` (ms); false when the session is over its rate. */
  spend(sessionId: string, now: number): boolean {
    const bucket = this.buckets.get(sessionId) ?? { tokens: this.rate.burst, at: now };
    const refilled = Math.min(this.rate.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.rate.perSecond);
    const allowed = refilled >= 1;
    this.buckets.set(sessionId, { tokens: allowed ? refilled - 1 : refilled, at: now });
    return allowed;
  }

  forget(sessionId: string): void {
    this.buckets.delete(sessionId);
  }
}
