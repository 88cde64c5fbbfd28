import type { MessageRate } from './limits.ts';
import { processStalls } from './loop-stalls.ts';

/** What the budget needs to know of the server's stalls: how long it has stood still in all, in ms. */
export type StallClock = { readonly stalledMs: number };

type Bucket = { tokens: number; at: number; stalledAt: number };

/**
 * A token bucket per connection: `burst` messages at once, refilled at `perSecond`.
 *
 * Charged fairly across the server's own stalls: while the event loop stands still, a
 * client's messages wait unread in its socket and then arrive together, however evenly
 * they were sent. So a stall adds what the client could have sent during it (`perSecond` ×
 * the stall) on top of the bucket, and a client within its rate is never refused for the
 * server's delay. Credit left over drains at `perSecond` until the bucket is back to `burst`,
 * so a flood gets no more in all than sending at the full rate through the stall would have.
 */
export class MessageBudget {
  private readonly rate: MessageRate;
  private readonly stalls: StallClock;
  private readonly buckets = new Map<string, Bucket>();

  constructor(rate: MessageRate, stalls: StallClock = processStalls()) {
    this.rate = rate;
    this.stalls = stalls;
  }

  /** Spends one message for this session at time `now` (ms); false when the session is over its rate. */
  spend(sessionId: string, now: number): boolean {
    const stalledMs = this.stalls.stalledMs;
    const bucket = this.buckets.get(sessionId) ?? { tokens: this.rate.burst, at: now, stalledAt: stalledMs };
    const flowed = ((now - bucket.at) / 1000) * this.rate.perSecond;
    const base = bucket.tokens > this.rate.burst ? Math.max(this.rate.burst, bucket.tokens - flowed) : Math.min(this.rate.burst, bucket.tokens + flowed);
    const refilled = base + ((stalledMs - bucket.stalledAt) / 1000) * this.rate.perSecond;
    const allowed = refilled >= 1;
    this.buckets.set(sessionId, { tokens: allowed ? refilled - 1 : refilled, at: now, stalledAt: stalledMs });
    return allowed;
  }

  forget(sessionId: string): void {
    this.buckets.delete(sessionId);
  }
}
