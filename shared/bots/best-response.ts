import type { Move } from '../rules/index.ts';
import { seatOf } from '../rules/lookup.ts';
import { bestOption } from '../scoring/evaluate.ts';
import { counterpartOf } from '../scoring/moment.ts';
import type { BotContext } from './policy.ts';
import { takeTurn, type Conduct } from './turn.ts';

/** Whether the seat has already spoken this round: made an offer, a threat or a promise. */
function spoke(ctx: BotContext): boolean {
  const { view, seat } = ctx;
  return (
    view.proposals.some((p) => p.from === seat && p.round === view.round) ||
    view.threats.some((t) => t.by === seat && t.round === view.round) ||
    view.promises.some((p) => p.by === seat && p.round === view.round)
  );
}

const bestResponseConduct: Conduct = {
  talk: (ctx) => {
    // Answer what is on the table, and open at most once a round: then it is ready.
    const awaiting = ctx.view.proposals.some((p) => p.to === ctx.seat && p.status === 'open');
    if (spoke(ctx) && !awaiting) return [];
    const best = bestOption(ctx.scenario, ctx.view, ctx.seat, counterpartOf(ctx.scenario, ctx.seat), ctx.random);
    return best === null || best.type === 'decide' ? [] : [best];
  },
  decide: (ctx) => {
    const best = bestOption(ctx.scenario, ctx.view, ctx.seat, counterpartOf(ctx.scenario, ctx.seat), ctx.random);
    return best?.type === 'decide' ? best.levels : seatOf(ctx.view, ctx.seat).policy;
  },
};

/**
 * The best-response bot: at every decision it plays the option the framework's evaluator
 * rates best for its role, from its own view only (hidden parameters at the middle of
 * their range). It sits outside the six policies that make up the evaluator's spread of
 * responses, since it is built on them.
 */
export function bestResponse(ctx: BotContext): Move[] {
  return takeTurn(ctx, bestResponseConduct);
}
