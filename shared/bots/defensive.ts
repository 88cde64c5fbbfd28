import type { Commitment, Proposal } from '../rules/index.ts';
import { balancedBundle, ceilingsAt, commitShare, liftPressure, trimToBudget } from './bundles.ts';
import { judgeBalance } from './dealmaker.ts';
import { arrivalsRatio, expectedArrivals } from './forecast.ts';
import type { BotContext } from './policy.ts';
import { share, snap, statusQuo, stepUp } from './levels.ts';
import { agreementsWith, counterparts, holding, inForce, lastArrivals, openBetween, pressureInForce, pressureLifted, pressures, threatsHanging } from './reading.ts';
import { liftsTariffs } from './punitive.ts';
import { sealLevels } from './sealed-levels.ts';
import { ACCEPT, answerProposals, counterWith, proposeOnce, REJECT, threatenOnce } from './talk.ts';
import { byRole, type Conduct } from './turn.ts';
import { BALANCE_TOLERANCE, CALM_ENFORCEMENT, DEAL_ENFORCEMENT, DEFENSIVE_OFFER, HIGH_ARRIVALS, RETURNS_BOUND, VERY_HIGH_ARRIVALS } from './tuning.ts';
import { asksNoMoreThan, balanced } from './value.ts';

/**
 * Control used to fend off a harm (FRAMEWORK §1: defensive aim; Mexico, June 2019):
 * under a tariff or visa sanction, or the threat of one, concede enforcement and a bounded returns scheme
 * for its withdrawal, and refuse returns beyond that bound (sovereignty).
 */

/** The destinations pressing this transit seat: a threat hanging over it, or a tariff or sanction in force not yet lifted. */
function pressing(ctx: BotContext): string[] {
  const { scenario, view, seat } = ctx;
  return counterparts(scenario, seat).filter(
    (dest) => threatsHanging(scenario, view, dest, seat).length > 0 || (pressureInForce(scenario, view, dest) && !pressureLifted(scenario, view, seat, dest)),
  );
}

/** The most a pending threat by `dest` demands on one of this seat's instruments. */
function demanded(ctx: BotContext, dest: string, instrument: string): number | undefined {
  const amounts = threatsHanging(ctx.scenario, ctx.view, dest, ctx.seat).filter((t) => t.demand.instrument === instrument).map((t) => t.demand.amount);
  return amounts.length > 0 ? Math.max(...amounts) : undefined;
}

/** Levels the seat is ready to go to under pressure: enforcement at its offer, or the demand if that is higher. */
function defensiveLevels(ctx: BotContext, dests: string[]): Record<string, number> {
  const { scenario, view, seat, random } = ctx;
  const offer = DEFENSIVE_OFFER.from + (DEFENSIVE_OFFER.to - DEFENSIVE_OFFER.from) * random();
  const levels = statusQuo(scenario, view, seat);
  for (const inst of holding(scenario, seat, 'enforcement')) {
    const demands = dests.map((d) => demanded(ctx, d, inst.id) ?? inst.param.min);
    levels[inst.id] = Math.max(levels[inst.id] ?? inst.param.min, share(inst, offer), ...demands);
  }
  for (const inst of holding(scenario, seat, 'loosen')) levels[inst.id] = inst.param.min;
  return levels;
}

/** Returns it consents to: what a threat demands, never past the bound. Unasked, it volunteers none. */
function boundedReturns(ctx: BotContext, dests: string[], levels: Record<string, number>, offering: boolean): void {
  for (const inst of holding(ctx.scenario, ctx.seat, 'accept_returns')) {
    const demands = dests.map((d) => demanded(ctx, d, inst.id)).filter((a) => a !== undefined);
    if (!offering && demands.length === 0) continue;
    const wanted = demands.length > 0 ? Math.max(...demands) : inst.param.max;
    levels[inst.id] = Math.max(levels[inst.id] ?? inst.param.min, Math.min(wanted, share(inst, RETURNS_BOUND)));
  }
}

/** The bounded package: enforcement and bounded returns for no tariff or sanction and returns requests capped at the bound. */
function boundedPackage(ctx: BotContext, dest: string): Commitment[] {
  const { scenario, view, seat } = ctx;
  const levels = defensiveLevels(ctx, [dest]);
  boundedReturns(ctx, [dest], levels, true);
  const mine = [...holding(scenario, seat, 'enforcement'), ...holding(scenario, seat, 'accept_returns')];
  const offered = trimToBudget(scenario, view, seat, mine.map((inst) => ({ seat, instrument: inst.id, amount: levels[inst.id] ?? inst.param.min })));
  return [...offered, ...liftPressure(scenario, dest), ...ceilingsAt(scenario, dest, 'request_returns', RETURNS_BOUND)];
}

/** Within bounds: any enforcement, returns up to the bound, nothing else beyond the status quo. */
function withinBounds(ctx: BotContext, p: Proposal, enforcementShare: number): boolean {
  const allowance = statusQuo(ctx.scenario, ctx.view, ctx.seat);
  for (const inst of holding(ctx.scenario, ctx.seat, 'enforcement')) allowance[inst.id] = share(inst, enforcementShare);
  for (const inst of holding(ctx.scenario, ctx.seat, 'accept_returns')) allowance[inst.id] = share(inst, RETURNS_BOUND);
  return asksNoMoreThan(ctx.scenario, ctx.view, ctx.seat, p, allowance);
}

const defensiveTransit: Conduct = {
  talk: (ctx) => {
    const pressed = pressing(ctx);
    const answers = answerProposals(ctx, (p) => {
      if (pressed.includes(p.from)) return withinBounds(ctx, p, 1) && liftsTariffs(ctx, p) ? ACCEPT : counterWith(boundedPackage(ctx, p.from), 1);
      return withinBounds(ctx, p, CALM_ENFORCEMENT) && balanced(ctx.scenario, ctx.view, ctx.seat, p, BALANCE_TOLERANCE) ? ACCEPT : REJECT;
    });
    if (answers.length > 0) return answers;
    return pressed.flatMap((dest) => (openBetween(ctx.view, ctx.seat, dest) ? [] : proposeOnce(ctx, dest, boundedPackage(ctx, dest), 1)));
  },
  decide: (ctx) => {
    const pressed = pressing(ctx);
    if (pressed.length > 0) {
      const levels = defensiveLevels(ctx, pressed);
      boundedReturns(ctx, pressed, levels, false);
      return sealLevels(ctx, levels);
    }
    const plan = statusQuo(ctx.scenario, ctx.view, ctx.seat);
    for (const inst of holding(ctx.scenario, ctx.seat, 'enforcement')) plan[inst.id] = Math.max(plan[inst.id] ?? inst.param.min, share(inst, CALM_ENFORCEMENT));
    return sealLevels(ctx, plan);
  },
};

/**
 * As a destination: meet high arrivals with its own asylum capacity and a cooperative
 * bundle; threaten a tariff or sanction only after a round of very high arrivals with no deal.
 */
const defensiveDestination: Conduct = {
  talk: (ctx) => {
    const { scenario, view, seat } = ctx;
    const answers = answerProposals(ctx, (p) => (judgeBalance(ctx, p).kind === 'accept' ? ACCEPT : REJECT));
    if (answers.length > 0) return answers;
    const high = arrivalsRatio(scenario, expectedArrivals(scenario, view)) > HIGH_ARRIVALS;
    const last = lastArrivals(view);
    const veryHigh = last !== undefined && arrivalsRatio(scenario, last) > VERY_HIGH_ARRIVALS;
    return counterparts(scenario, seat).flatMap((transit) => {
      if (!high || agreementsWith(view, seat, transit).length > 0) return [];
      const offer = openBetween(view, seat, transit) ? [] : proposeOnce(ctx, transit, balancedBundle(scenario, view, seat, transit), 1);
      if (!veryHigh) return offer;
      const demands = trimToBudget(scenario, view, transit, commitShare(scenario, transit, 'enforcement', DEAL_ENFORCEMENT));
      const ultimatums = demands.flatMap((d) =>
        pressures(scenario, seat).map((inst) => ({ demand: { instrument: d.instrument, amount: d.amount }, consequence: { instrument: inst.id, amount: stepUp(inst, inForce(view, inst)) } })),
      );
      return [...offer, ...threatenOnce(ctx, transit, ultimatums)];
    });
  },
  decide: (ctx) => {
    const { scenario, view, seat } = ctx;
    const plan = statusQuo(scenario, view, seat);
    const excess = expectedArrivals(scenario, view) - HIGH_ARRIVALS * scenario.coefficients.arrivalsThreshold;
    if (excess > 0) {
      for (const inst of holding(scenario, seat, 'asylum')) {
        if (inst.strength > 0) plan[inst.id] = snap(inst, (plan[inst.id] ?? inst.param.min) + excess / inst.strength, 'up');
      }
    }
    return sealLevels(ctx, plan);
  },
};

export const defensive = byRole(defensiveDestination, defensiveTransit);
