import type { Move } from '../rules/index.ts';
import { seatOf } from '../rules/lookup.ts';
import type { BotContext, BotPolicy } from './policy.ts';
import { roleOf } from './reading.ts';

/** A temperament for one role: what it says in negotiation and what it seals in the decision. */
export type Conduct = {
  /** Answers to proposals addressed to this seat, then its own openings; [] once it has nothing more to say. */
  talk: (ctx: BotContext) => Move[];
  /** The levels it seals for the round: legal and within its capacity. */
  decide: (ctx: BotContext) => Record<string, number>;
};

/**
 * The phase discipline every bot shares, so that none can loop: it presses ready once in
 * the phases that wait for it, seals one decision, and in negotiation says ready only
 * when it has nothing more to say and no proposal of its own awaits an answer. A bot is
 * never the reason a table waits: once every other seat is ready and its own offers
 * still stand unanswered, it withdraws them.
 */
export function takeTurn(ctx: BotContext, conduct: Conduct): Move[] {
  const { view, seat } = ctx;
  const mine = seatOf(view, seat);
  const ready: Move = { type: 'ready', version: view.version };
  switch (view.phase) {
    case 'briefing':
    case 'resolution':
    case 'debrief':
      return mine.ready ? [] : [ready];
    case 'decision':
      return mine.submitted ? [] : [{ type: 'decide', version: view.version, levels: conduct.decide(ctx) }];
    case 'negotiation': {
      const moves = conduct.talk(ctx);
      if (moves.length > 0) return moves;
      const awaiting = view.proposals.filter((p) => p.from === seat && p.status === 'open');
      if (awaiting.length === 0) return mine.ready ? [] : [ready];
      // Everyone else is ready and has let the offer stand: take it back rather than hold up the table.
      const othersReady = Object.entries(view.seats).every(([id, s]) => id === seat || s.ready);
      return othersReady ? awaiting.map((p): Move => ({ type: 'withdraw', version: view.version, proposalId: p.id })) : [];
    }
    case 'ended':
      return [];
  }
}

/** A policy that plays one conduct as a destination and another as a transit state. */
export function byRole(destination: Conduct, transit: Conduct): BotPolicy {
  return (ctx) => takeTurn(ctx, roleOf(ctx.scenario, ctx.seat) === 'destination' ? destination : transit);
}
