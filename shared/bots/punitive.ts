import type { InstrumentUse, Proposal } from '../rules/index.ts';
import { arrivalsRatio } from './forecast.ts';
import type { BotContext } from './policy.ts';
import { share, statusQuo, stepUp } from './levels.ts';
import { breachedLastRound, counterparts, holding, inForce, lastArrivals, pressureInForce, pressureLifted, pressures, threatsHanging } from './reading.ts';
import { restraintAllowance, restraintConduct } from './restraint.ts';
import { sealLevels } from './sealed-levels.ts';
import { ACCEPT, answerProposals, REJECT, threatenOnce } from './talk.ts';
import { byRole, type Conduct } from './turn.ts';
import { HIGH_ARRIVALS, PUNITIVE_LOOSEN, PUNITIVE_TARIFF_STEPS } from './tuning.ts';
import { asksNoMoreThan, weigh } from './value.ts';

/** What a punitive transit state holds against a destination (FRAMEWORK §1: punitive aim). */
export type Grievance = 'pressure' | 'threat' | 'breach';

/** The destinations this transit seat has a grievance against, among the kinds it reacts to. */
export function aggrievedBy(ctx: BotContext, kinds: readonly Grievance[]): string[] {
  const { scenario, view, seat } = ctx;
  return counterparts(scenario, seat).filter((dest) => {
    if (kinds.includes('pressure') && pressureInForce(scenario, view, dest) && !pressureLifted(scenario, view, seat, dest)) return true;
    if (kinds.includes('threat') && threatsHanging(scenario, view, dest, seat).length > 0) return true;
    return kinds.includes('breach') && breachedLastRound(view, dest, seat);
  });
}

/** Does the destination's proposal take every tariff and visa sanction off the table? */
export function liftsTariffs(ctx: BotContext, p: Proposal): boolean {
  return pressures(ctx.scenario, p.from).every((inst) => p.commitments.some((c) => c.seat === p.from && c.instrument === inst.id && c.amount <= inst.param.min));
}

/** The harm a punitive transit state answers with: loosen controls (Greece 2015), or else stand enforcement down. */
function retaliation(ctx: BotContext): InstrumentUse | undefined {
  const loosen = holding(ctx.scenario, ctx.seat, 'loosen')[0];
  if (loosen) return { instrument: loosen.id, amount: share(loosen, PUNITIVE_LOOSEN, 'up') };
  const enforcement = holding(ctx.scenario, ctx.seat, 'enforcement')[0];
  return enforcement ? { instrument: enforcement.id, amount: enforcement.param.min } : undefined;
}

/**
 * A transit state that makes the destination pay for a harm: it threatens to loosen
 * controls unless the tariff or sanction goes, refuses returns and deals that ask it for more, and
 * loosens in its decision, agreements or not. Without a grievance it shows restraint.
 */
export function punitiveTransit(kinds: readonly Grievance[]): Conduct {
  return {
    talk: (ctx) => {
      const aggrieved = aggrievedBy(ctx, kinds);
      const answers = answerProposals(ctx, (p) => {
        if (!aggrieved.includes(p.from)) return asksNoMoreThan(ctx.scenario, ctx.view, ctx.seat, p, restraintAllowance(ctx)) ? ACCEPT : REJECT;
        return liftsTariffs(ctx, p) && asksNoMoreThan(ctx.scenario, ctx.view, ctx.seat, p, statusQuo(ctx.scenario, ctx.view, ctx.seat)) ? ACCEPT : REJECT;
      });
      if (answers.length > 0) return answers;
      const consequence = retaliation(ctx);
      if (!consequence) return [];
      return aggrieved.flatMap((dest) =>
        threatenOnce(ctx, dest, pressures(ctx.scenario, dest).map((inst) => ({ demand: { instrument: inst.id, amount: inst.param.min }, consequence }))),
      );
    },
    decide: (ctx) => {
      if (aggrievedBy(ctx, kinds).length === 0) return restraintConduct.decide(ctx);
      const plan = statusQuo(ctx.scenario, ctx.view, ctx.seat);
      for (const inst of holding(ctx.scenario, ctx.seat, 'enforcement')) plan[inst.id] = inst.param.min;
      for (const inst of holding(ctx.scenario, ctx.seat, 'accept_returns')) plan[inst.id] = inst.param.min;
      for (const inst of holding(ctx.scenario, ctx.seat, 'loosen')) plan[inst.id] = share(inst, PUNITIVE_LOOSEN, 'up');
      return sealLevels(ctx, plan, { keepAgreements: false });
    },
  };
}

/** A punitive destination: after a round of high arrivals it raises the tariff or sanction a step and requests the most returns it can. */
function punitivePlan(ctx: BotContext): Record<string, number> {
  const { scenario, view, seat } = ctx;
  const plan = statusQuo(scenario, view, seat);
  const last = lastArrivals(view);
  if (last === undefined || arrivalsRatio(scenario, last) <= HIGH_ARRIVALS) return plan;
  for (const inst of pressures(scenario, seat)) plan[inst.id] = stepUp(inst, inForce(view, inst), PUNITIVE_TARIFF_STEPS);
  for (const inst of holding(scenario, seat, 'request_returns')) plan[inst.id] = inst.param.max;
  return plan;
}

const punitiveDestination: Conduct = {
  talk: (ctx) =>
    answerProposals(ctx, (p) => {
      const { gets } = weigh(ctx.scenario, ctx.view, ctx.seat, p.from, p.commitments);
      return gets > 0 && asksNoMoreThan(ctx.scenario, ctx.view, ctx.seat, p, punitivePlan(ctx)) ? ACCEPT : REJECT;
    }),
  decide: (ctx) => {
    const breached = counterparts(ctx.scenario, ctx.seat).some((t) => breachedLastRound(ctx.view, t, ctx.seat));
    return sealLevels(ctx, punitivePlan(ctx), { keepAgreements: !breached });
  },
};

export const punitive = byRole(punitiveDestination, punitiveTransit(['pressure', 'threat', 'breach']));
