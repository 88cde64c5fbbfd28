import type { Move, Proposal } from '../rules/index.ts';
import { balancedBundle } from './bundles.ts';
import { arrivalsRatio, expectedArrivals } from './forecast.ts';
import type { BotContext } from './policy.ts';
import { statusQuo } from './levels.ts';
import { agreementsWith, counterparts, openBetween } from './reading.ts';
import { sealLevels } from './sealed-levels.ts';
import { ACCEPT, answerProposals, counterWith, proposeOnce, type Verdict } from './talk.ts';
import { byRole, type Conduct } from './turn.ts';
import { BALANCE_TOLERANCE, DEAL_ROUNDS, YIELD_TO_THREAT } from './tuning.ts';
import { affordable, balanced } from './value.ts';

/**
 * How lopsided a deal a seat will still take. A destination in a crisis pays more for
 * control (FRAMEWORK §2, salience and timing): its tolerance shrinks as the arrivals it
 * expects exceed what its public treats as normal, as the EU's did in the winter of 2015–16.
 */
export function balanceTolerance(ctx: BotContext): number {
  if (ctx.scenario.seats.find((s) => s.id === ctx.seat)?.role !== 'destination') return BALANCE_TOLERANCE;
  return BALANCE_TOLERANCE / Math.max(1, arrivalsRatio(ctx.scenario, expectedArrivals(ctx.scenario, ctx.view)));
}

/**
 * Cooperative and positive-sum (FRAMEWORK §1: a promise *as a reward provided*; the
 * Ethiopia jobs compact, safe mobility offices): it puts a balanced bundle on the table,
 * takes roughly balanced ones, answers a lopsided one with its own balanced version once,
 * and keeps its word.
 */
export function judgeBalance(ctx: BotContext, p: Proposal): Verdict {
  const mine = p.commitments.filter((c) => c.seat === ctx.seat);
  if (balanced(ctx.scenario, ctx.view, ctx.seat, p, balanceTolerance(ctx)) && affordable(ctx.scenario, ctx.view, ctx.seat, mine)) return ACCEPT;
  return counterWith(balancedBundle(ctx.scenario, ctx.view, ctx.seat, p.from), DEAL_ROUNDS);
}

/** Offer the balanced bundle to each partner with no deal in force and no offer pending between them. */
export function offerDeals(ctx: BotContext): Move[] {
  return counterparts(ctx.scenario, ctx.seat).flatMap((other) => {
    if (agreementsWith(ctx.view, ctx.seat, other).length > 0 || openBetween(ctx.view, ctx.seat, other)) return [];
    return proposeOnce(ctx, other, balancedBundle(ctx.scenario, ctx.view, ctx.seat, other), DEAL_ROUNDS);
  });
}

const dealmakerConduct: Conduct = {
  talk: (ctx) => {
    const answers = answerProposals(ctx, (p) => judgeBalance(ctx, p));
    return answers.length > 0 ? answers : offerDeals(ctx);
  },
  decide: (ctx) => sealLevels(ctx, statusQuo(ctx.scenario, ctx.view, ctx.seat), { yieldAt: YIELD_TO_THREAT.dealmaker }),
};

export const dealmaker = byRole(dealmakerConduct, dealmakerConduct);
