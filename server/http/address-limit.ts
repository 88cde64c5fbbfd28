import { isIPv6 } from 'node:net';
import type { Request } from 'express';

/** How many attempts one address may make in a window, e.g. 30 joins a minute. */
export type AddressRate = { attempts: number; windowMs: number };

/**
 * Joins by code from one address. Only wrong codes are counted, because that is what
 * guessing looks like: a whole class behind one school router shares an address, and its
 * 200 joins to the right code must all be seated. Once an address has spent its misses,
 * every join from it is refused until the window ends, a right code too, so a guesser
 * cannot tell a hit from the refusal.
 */
export type JoinLimits = { misses: AddressRate };

export const DEFAULT_JOIN_LIMITS: JoinLimits = {
  misses: { attempts: 20, windowMs: 60_000 },
};

/**
 * A fixed window per address: cheap, and enough to make guessing a join code hopeless
 * (20 wrong codes a minute against 244 million). Old windows are swept as they are met.
 */
export class AddressLimit {
  private readonly rate: AddressRate;
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(rate: AddressRate) {
    this.rate = rate;
  }

  /** Counts one attempt from `address` at `now`; false once its window is spent. */
  allow(address: string, now: number): boolean {
    if (this.windows.size > 10_000) this.sweep(now);
    const window = this.windows.get(address);
    if (window === undefined || now - window.start >= this.rate.windowMs) {
      this.windows.set(address, { start: now, count: 1 });
      return true;
    }
    window.count += 1;
    return window.count <= this.rate.attempts;
  }

  /** Whether `address` has no attempts left now, without counting one. */
  spent(address: string, now: number): boolean {
    const window = this.windows.get(address);
    return window !== undefined && now - window.start < this.rate.windowMs && window.count >= this.rate.attempts;
  }

  /** Seconds until `address` may try again. */
  retryAfter(address: string, now: number): number {
    const window = this.windows.get(address);
    return window === undefined ? 0 : Math.max(1, Math.ceil((window.start + this.rate.windowMs - now) / 1000));
  }

  private sweep(now: number): void {
    for (const [address, window] of this.windows) if (now - window.start >= this.rate.windowMs) this.windows.delete(address);
  }
}

/**
 * Who is asking, as the limits count them: an IPv4 address whole, an IPv6 one by its /64,
 * the block one household or one school is handed (a device picks any address inside it).
 */
export function clientAddress(req: Request): string {
  const address = req.ip ?? req.socket.remoteAddress ?? 'unknown';
  if (!isIPv6(address) || address.startsWith('::ffff:')) return address;
  const [head = '', tail = ''] = address.split('::');
  const groups = [...head.split(':').filter((g) => g !== '')];
  const rest = tail.split(':').filter((g) => g !== '');
  // "a:b::c" expands to 8 groups; only the first four name the network.
  while (groups.length + rest.length < 8) groups.push('0');
  return [...groups, ...rest].slice(0, 4).join(':') + '::/64';
}
