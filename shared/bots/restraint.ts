import type { BotContext } from './policy.ts';
import { share, statusQuo } from './levels.ts';
import { holding } from './reading.ts';
import { sealLevels } from './sealed-levels.ts';
import { ACCEPT, answerProposals, REJECT } from './talk.ts';
import { byRole, type Conduct } from './turn.ts';
import { MODEST_ENFORCEMENT, YIELD_TO_THREAT } from './tuning.ts';
import { asksNoMoreThan } from './value.ts';

/**
 * What a state that does not activate its leverage will still sign up to: the status
 * quo, plus modest enforcement (Mexico 2017–18: control kept out of the bargaining).
 */
export function restraintAllowance(ctx: BotContext): Record<string, number> {
  const allowance = statusQuo(ctx.scenario, ctx.view, ctx.seat);
  for (const inst of holding(ctx.scenario, ctx.seat, 'enforcement')) {
    allowance[inst.id] = Math.max(allowance[inst.id] ?? inst.param.min, share(inst, MODEST_ENFORCEMENT));
  }
  return allowance;
}

/** Restraint for either role: no threats, no proposals, the status quo; yes only to what costs it nothing new. */
export const restraintConduct: Conduct = {
  talk: (ctx) => answerProposals(ctx, (p) => (asksNoMoreThan(ctx.scenario, ctx.view, ctx.seat, p, restraintAllowance(ctx)) ? ACCEPT : REJECT)),
  decide: (ctx) => sealLevels(ctx, statusQuo(ctx.scenario, ctx.view, ctx.seat), { useReturns: false }),
};

export const restraint = byRole(restraintConduct, restraintConduct);
