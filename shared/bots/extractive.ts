import type { Commitment } from '../rules/index.ts';
import { commitShare, floorsAt, liftPressure, payWith, trimToBudget } from './bundles.ts';
import type { BotContext } from './policy.ts';
import { share, statusQuo } from './levels.ts';
import { agreementsWith, breachedLastRound, counterparts, holding, openBetween } from './reading.ts';
import { sealLevels } from './sealed-levels.ts';
import { ACCEPT, answerProposals, counterWith, proposeOnce } from './talk.ts';
import { byRole, type Conduct } from './turn.ts';
import { EXTRACTIVE_AID, EXTRACTIVE_ENFORCEMENT, EXTRACTIVE_MARGIN, EXTRACTIVE_PATHWAY, PURCHASE_ENFORCEMENT, PURCHASE_RETURNS, YIELD_TO_THREAT } from './tuning.ts';
import { affordable, totalBurden, weigh } from './value.ts';

/**
 * Rent-seeking (FRAMEWORK §1: extractive aim; EU–Turkey 2016, Gaddafi's demands): control
 * of movement is sold for money, places and trade relief, and withheld when unpaid.
 */

/** The transit state's price: enforcement for a large share of the destination's aid and pathways, and no tariff or sanction. */
function askingPrice(ctx: BotContext, destination: string): Commitment[] {
  const { scenario, view, seat, random } = ctx;
  const fraction = EXTRACTIVE_ENFORCEMENT.from + (EXTRACTIVE_ENFORCEMENT.to - EXTRACTIVE_ENFORCEMENT.from) * random();
  const mine = trimToBudget(scenario, view, seat, commitShare(scenario, seat, 'enforcement', fraction));
  const theirs = trimToBudget(scenario, view, destination, [
    ...commitShare(scenario, destination, 'aid', EXTRACTIVE_AID),
    ...commitShare(scenario, destination, 'pathway', EXTRACTIVE_PATHWAY),
  ]);
  return [...mine, ...liftPressure(scenario, destination), ...theirs];
}

const extractiveTransit: Conduct = {
  talk: (ctx) => {
    const answers = answerProposals(ctx, (p) => {
      const { gives, gets } = weigh(ctx.scenario, ctx.view, ctx.seat, p.from, p.commitments);
      const pays = gets > 0 && gets >= EXTRACTIVE_MARGIN * gives;
      const mine = p.commitments.filter((c) => c.seat === ctx.seat);
      return pays && affordable(ctx.scenario, ctx.view, ctx.seat, mine) ? ACCEPT : counterWith(askingPrice(ctx, p.from), 1);
    });
    if (answers.length > 0) return answers;
    return counterparts(ctx.scenario, ctx.seat).flatMap((dest) =>
      agreementsWith(ctx.view, ctx.seat, dest).length > 0 || openBetween(ctx.view, ctx.seat, dest) ? [] : proposeOnce(ctx, dest, askingPrice(ctx, dest), 1),
    );
  },
  decide: (ctx) => {
    // Without a deal, control is what it has to sell: enforcement stays low.
    const plan = statusQuo(ctx.scenario, ctx.view, ctx.seat);
    for (const inst of holding(ctx.scenario, ctx.seat, 'enforcement')) plan[inst.id] = share(inst, 0);
    const unpaid = counterparts(ctx.scenario, ctx.seat).some((dest) => breachedLastRound(ctx.view, dest, ctx.seat));
    return sealLevels(ctx, plan, { keepAgreements: !unpaid, yieldAt: YIELD_TO_THREAT.extractive });
  },
};

/** The destination's offer: it buys enforcement and returns with aid (then pathways), about at cost. */
function purchaseOffer(ctx: BotContext, transit: string): Commitment[] {
  const { scenario, view, seat } = ctx;
  const bought = trimToBudget(scenario, view, transit, [
    ...floorsAt(scenario, view, transit, 'enforcement', PURCHASE_ENFORCEMENT),
    ...floorsAt(scenario, view, transit, 'accept_returns', PURCHASE_RETURNS),
  ]);
  const relief = liftPressure(scenario, seat);
  const owed = totalBurden(scenario, view, bought, seat) - totalBurden(scenario, view, relief, transit);
  return [...bought, ...relief, ...trimToBudget(scenario, view, seat, payWith(scenario, view, seat, ['aid', 'pathway'], owed))];
}

const extractiveDestination: Conduct = {
  talk: (ctx) => {
    const answers = answerProposals(ctx, (p) => {
      const { gives, gets } = weigh(ctx.scenario, ctx.view, ctx.seat, p.from, p.commitments);
      const mine = p.commitments.filter((c) => c.seat === ctx.seat);
      return gets >= gives && affordable(ctx.scenario, ctx.view, ctx.seat, mine) ? ACCEPT : counterWith(purchaseOffer(ctx, p.from), 1);
    });
    if (answers.length > 0) return answers;
    return counterparts(ctx.scenario, ctx.seat).flatMap((transit) =>
      agreementsWith(ctx.view, ctx.seat, transit).length > 0 || openBetween(ctx.view, ctx.seat, transit) ? [] : proposeOnce(ctx, transit, purchaseOffer(ctx, transit), 1),
    );
  },
  decide: (ctx) => sealLevels(ctx, statusQuo(ctx.scenario, ctx.view, ctx.seat), { yieldAt: YIELD_TO_THREAT.extractive }),
};

export const extractive = byRole(extractiveDestination, extractiveTransit);
