import { findInstrument, meetsCommitment, type Commitment, type InstrumentUse, type Proposal } from '../rules/index.ts';
import { commitShare, liftPressure, trimToBudget } from './bundles.ts';
import type { BotContext } from './policy.ts';
import { statusQuo, stepUp } from './levels.ts';
import { counterparts, covered, inForce, pressures } from './reading.ts';
import { punitiveTransit } from './punitive.ts';
import { sealLevels } from './sealed-levels.ts';
import { ACCEPT, answerProposals, counterWith, proposeOnce, threatenOnce } from './talk.ts';
import { byRole, type Conduct } from './turn.ts';
import { COERCIVE_ENFORCEMENT, COERCIVE_RETURNS, YIELD_TO_THREAT } from './tuning.ts';
import { weigh } from './value.ts';

/**
 * The coercive hegemon (Adamson & Tsourapas 2019: a threat *as a punishment unless* the
 * target meets a demand), played as in June 2019: every month, a tariff (or visa sanction)
 * one step above the one in force unless the transit state deploys high enforcement and accepts returns,
 * due that same month; carried out when the demand is not met, dropped when it is.
 */

/** The demand on one transit state: high enforcement and returns, cut to what it could afford. */
export function coerciveDemands(ctx: BotContext, transit: string): InstrumentUse[] {
  const { scenario, view } = ctx;
  const asked = [...commitShare(scenario, transit, 'enforcement', COERCIVE_ENFORCEMENT), ...commitShare(scenario, transit, 'accept_returns', COERCIVE_RETURNS)];
  return trimToBudget(scenario, view, transit, asked).map((c) => ({ instrument: c.instrument, amount: c.amount }));
}

/** The deal on offer: the demand met, the tariff or sanction suspended. */
function demandBundle(ctx: BotContext, transit: string): Commitment[] {
  const demands = coerciveDemands(ctx, transit).map((d) => ({ seat: transit, ...d }));
  return demands.length === 0 ? [] : [...demands, ...liftPressure(ctx.scenario, ctx.seat)];
}

/** What this seat asks of `transit` now: its pending threats' demands once it has made them, else its standing demand. */
function demandsOn(ctx: BotContext, transit: string): InstrumentUse[] {
  const pending = ctx.view.threats.filter((t) => t.by === ctx.seat && t.target === transit && t.status === 'pending');
  return pending.length > 0 ? pending.map((t) => t.demand) : coerciveDemands(ctx, transit);
}

function meetsDemands(ctx: BotContext, p: Proposal): boolean {
  return demandsOn(ctx, p.from).every((d) => {
    const inst = findInstrument(ctx.scenario, d.instrument);
    return inst !== undefined && p.commitments.some((c) => c.seat === p.from && c.instrument === d.instrument && meetsCommitment(inst, c.amount, d.amount));
  });
}

function demandsMet(ctx: BotContext, transit: string): boolean {
  return demandsOn(ctx, transit).every((d) => covered(ctx.scenario, ctx.view, ctx.seat, transit, d));
}

const coerciveDestination: Conduct = {
  talk: (ctx) => {
    const answers = answerProposals(ctx, (p) => {
      const { gives, gets } = weigh(ctx.scenario, ctx.view, ctx.seat, p.from, p.commitments);
      return meetsDemands(ctx, p) && gives <= gets ? ACCEPT : counterWith(demandBundle(ctx, p.from), 1);
    });
    if (answers.length > 0) return answers;
    const sticks = pressures(ctx.scenario, ctx.seat);
    return counterparts(ctx.scenario, ctx.seat).flatMap((transit) => {
      const demands = coerciveDemands(ctx, transit);
      if (demands.length === 0 || demandsMet(ctx, transit)) return [];
      const ultimatums = demands.flatMap((demand) =>
        sticks.map((inst) => ({ demand, consequence: { instrument: inst.id, amount: stepUp(inst, inForce(ctx.view, inst)) } })),
      );
      return [...threatenOnce(ctx, transit, ultimatums), ...proposeOnce(ctx, transit, demandBundle(ctx, transit), 1)];
    });
  },
  decide: (ctx) => {
    const { scenario, view, seat } = ctx;
    const plan = statusQuo(scenario, view, seat);
    const met = counterparts(scenario, seat).every((t) => demandsMet(ctx, t));
    for (const inst of pressures(scenario, seat)) plan[inst.id] = met ? inst.param.min : inForce(view, inst);
    return sealLevels(ctx, plan, { yieldAt: YIELD_TO_THREAT.coercive });
  },
};

/** As a transit state the coercive temperament answers any tariff or sanction punitively, and otherwise shows restraint. */
export const coercive = byRole(coerciveDestination, punitiveTransit(['pressure']));
