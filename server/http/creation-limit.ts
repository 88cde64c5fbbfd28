import type { Request, Response } from 'express';
import { AddressLimit, clientAddress } from './address-limit.ts';
import type { AddressRate } from './address-limit.ts';
import { sendError } from './http-error.ts';

/** How many of one kind of thing (games, class sessions) may be created: from one address, and by everyone together. */
export type CreationRate = { perAddress: AddressRate; overall: AddressRate };

/** Games (forks included) and class sessions, each limited on its own. */
export type CreationLimits = { games: CreationRate; sessions: CreationRate };

/**
 * A class behind one school router shares one address: 40 students each starting a few
 * practice games in a lesson's first minutes stay well inside the games' window. Overall,
 * a lecture hall's worth a minute. An instructor makes a class session or two; a
 * department, a few dozen in a morning.
 */
export const DEFAULT_CREATION_LIMITS: CreationLimits = {
  games: { perAddress: { attempts: 200, windowMs: 10 * 60_000 }, overall: { attempts: 600, windowMs: 60_000 } },
  sessions: { perAddress: { attempts: 20, windowMs: 10 * 60_000 }, overall: { attempts: 100, windowMs: 10 * 60_000 } },
};

const EVERYONE = '*';

/**
 * Counts creations against both windows. A request refused for its address does not
 * spend the overall window, so one address flooding cannot lock everyone else out.
 */
export class CreationLimit {
  private readonly perAddress: AddressLimit;
  private readonly overall: AddressLimit;
  private readonly what: string;

  constructor(rate: CreationRate, what: string) {
    this.perAddress = new AddressLimit(rate.perAddress);
    this.overall = new AddressLimit(rate.overall);
    this.what = what;
  }

  /** True when the request may create; otherwise answers 429 with Retry-After itself. */
  admit(req: Request, res: Response, now = Date.now()): boolean {
    const address = clientAddress(req);
    const refusedBy = this.perAddress.spent(address, now) ? 'address' : this.overall.spent(EVERYONE, now) ? 'overall' : null;
    if (refusedBy === null) {
      this.perAddress.allow(address, now);
      this.overall.allow(EVERYONE, now);
      return true;
    }
    const retryAfter = refusedBy === 'address' ? this.perAddress.retryAfter(address, now) : this.overall.retryAfter(EVERYONE, now);
    res.setHeader('Retry-After', String(retryAfter));
    const message =
      refusedBy === 'address'
        ? `Too many ${this.what} created from this address: try again in ${retryAfter} s.`
        : `The server is creating too many ${this.what} right now: try again in ${retryAfter} s.`;
    sendError(res, 429, { code: 'rate/limited', message });
    return false;
  }
}
