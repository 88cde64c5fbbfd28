import { describe, expect, it } from 'vitest';
import { LoopStalls } from '../../server/rooms/loop-stalls.ts';
import { MessageBudget } from '../../server/rooms/rate-limit.ts';

const RATE = { burst: 12, perSecond: 6 };

/** A stall clock the test moves by hand. */
function stallClock(): { stalledMs: number } {
  return { stalledMs: 0 };
}

/** How many of `count` messages arriving together at `now` are allowed. */
function bunch(budget: MessageBudget, now: number, count: number, sessionId = 's1'): number {
  let allowed = 0;
  for (let i = 0; i < count; i++) if (budget.spend(sessionId, now)) allowed += 1;
  return allowed;
}

describe('the message budget (a token bucket, burst 12, 6 a second)', () => {
  it('allows a burst of 12 at once, refuses the 13th, and refills 6 a second', () => {
    const budget = new MessageBudget(RATE, stallClock());
    expect(bunch(budget, 0, 13)).toBe(12);
    expect(bunch(budget, 500, 4)).toBe(3);
    expect(bunch(budget, 1500, 7)).toBe(6);
    // Never above the burst, however long the quiet: 10 minutes later, 12 again.
    expect(bunch(budget, 600_000, 20)).toBe(12);
  });

  it('a refused message costs nothing', () => {
    const budget = new MessageBudget(RATE, stallClock());
    expect(bunch(budget, 0, 100)).toBe(12);
    expect(bunch(budget, 1000, 6)).toBe(6);
  });

  it('each connection has its own bucket, and a forgotten one starts full', () => {
    const budget = new MessageBudget(RATE, stallClock());
    expect(bunch(budget, 0, 12, 'a')).toBe(12);
    expect(bunch(budget, 0, 12, 'b')).toBe(12);
    expect(bunch(budget, 0, 1, 'a')).toBe(0);
    budget.forget('a');
    expect(bunch(budget, 0, 12, 'a')).toBe(12);
  });

  it('a client at 2 a second for an hour is never refused', () => {
    const budget = new MessageBudget(RATE, stallClock());
    let allowed = 0;
    for (let t = 0; t < 3_600_000; t += 500) if (budget.spend('s1', t)) allowed += 1;
    expect(allowed).toBe(7200);
  });

  it('after a 20 s stall, the 40 messages a 2-a-second client sent during it, read at once, are all allowed', () => {
    const stalls = stallClock();
    const budget = new MessageBudget(RATE, stalls);
    expect(bunch(budget, 0, 1)).toBe(1);
    stalls.stalledMs = 20_000;
    expect(bunch(budget, 20_000, 40)).toBe(40);
  });

  it('without the stall counted, the same 40 would lose 28: the refusal the stall credit prevents', () => {
    const budget = new MessageBudget(RATE, stallClock());
    expect(bunch(budget, 0, 1)).toBe(1);
    expect(bunch(budget, 20_000, 40)).toBe(12);
  });

  it('unused stall credit drains at the refill rate: a flood gets no more than sending at full rate through the stall', () => {
    const stalls = stallClock();
    const budget = new MessageBudget(RATE, stalls);
    expect(bunch(budget, 0, 12)).toBe(12);
    stalls.stalledMs = 20_000;
    // 12 refilled + 120 of credit; 40 spent leaves 92.
    expect(bunch(budget, 20_000, 40)).toBe(40);
    // A second later: 92 less the 6 that drained.
    expect(bunch(budget, 21_000, 100)).toBe(86);
    // Another 20 s stall: one message read after it leaves 12 + 120 - 1 = 131, which drains 6 a second.
    stalls.stalledMs = 40_000;
    expect(bunch(budget, 41_000, 1)).toBe(1);
    expect(bunch(budget, 46_000, 200)).toBe(131 - 30);
    // 20 s of quiet after spending it down, the bucket is back to its burst.
    expect(bunch(budget, 66_000, 20)).toBe(12);
  });
});

describe('loop stalls', () => {
  it('a heartbeat late by more than one interval counts the lateness; jitter within an interval does not', () => {
    const stalls = new LoopStalls(50);
    for (const t of [0, 50, 100, 2100, 2150, 2230, 2280]) stalls.beat(t);
    expect(stalls.stalledMs).toBe(1950);
    stalls.beat(2280 + 50 + 400);
    expect(stalls.stalledMs).toBe(2350);
  });
});
