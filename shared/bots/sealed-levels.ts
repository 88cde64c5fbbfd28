import { findInstrument, instrumentsOf } from '../rules/index.ts';
import type { BotContext } from './policy.ts';
import { bind, carry, fitBudget, snap, statusQuo } from './levels.ts';
import { counterparts, holding, owedBy, roleOf, threatsFaced, threatsToCarryOut } from './reading.ts';

export type Sealing = {
  /** Honour this seat's obligations under agreements in force (false: a breach the framework will score). */
  keepAgreements?: boolean;
  /** A destination requests the returns its partners agreed to receive, so the scheme is used. */
  useReturns?: boolean;
  /** The pressure (`threatPressure`) at which the seat meets a threat's demand falling due; none when unset. */
  yieldAt?: number;
};

/**
 * Turn a plan into the levels a seat seals: its own threats falling due are carried out,
 * the demands of threats against it that press hard enough are met, agreements honoured
 * (they win over a threat they settle), everything snapped to a legal level and cut to fit
 * capacity, obligations last.
 */
export function sealLevels(ctx: BotContext, plan: Record<string, number>, sealing: Sealing = {}): Record<string, number> {
  const { scenario, view, seat } = ctx;
  const levels: Record<string, number> = { ...statusQuo(scenario, view, seat), ...plan };
  for (const threat of threatsToCarryOut(view, seat)) {
    const inst = findInstrument(scenario, threat.consequence.instrument);
    if (inst) carry(levels, inst, threat.consequence.amount);
  }
  for (const { threat, pressure } of threatsFaced(scenario, view, seat)) {
    const inst = findInstrument(scenario, threat.demand.instrument);
    if (inst && sealing.yieldAt !== undefined && pressure >= sealing.yieldAt) bind(levels, inst, threat.demand.amount);
  }
  if ((sealing.useReturns ?? true) && roleOf(scenario, seat) === 'destination') requestAgreedReturns(ctx, levels);
  const keep = new Set<string>();
  if (sealing.keepAgreements ?? true) {
    for (const c of owedBy(view, seat, seat)) {
      const inst = findInstrument(scenario, c.instrument);
      if (!inst) continue;
      bind(levels, inst, c.amount);
      keep.add(inst.id);
    }
  }
  for (const inst of instrumentsOf(scenario, seat)) levels[inst.id] = snap(inst, levels[inst.id] ?? inst.param.min);
  return fitBudget(scenario, view, seat, levels, keep);
}

function requestAgreedReturns(ctx: BotContext, levels: Record<string, number>): void {
  const { scenario, view, seat } = ctx;
  let agreed = 0;
  for (const transit of counterparts(scenario, seat)) {
    const byInstrument = new Map<string, number>();
    for (const c of owedBy(view, seat, transit)) {
      const inst = findInstrument(scenario, c.instrument);
      if (inst?.effect === 'accept_returns') byInstrument.set(inst.id, Math.max(byInstrument.get(inst.id) ?? 0, c.amount * inst.strength));
    }
    for (const people of byInstrument.values()) agreed += people;
  }
  const request = holding(scenario, seat, 'request_returns')[0];
  if (agreed <= 0 || !request || request.strength <= 0) return;
  levels[request.id] = Math.max(levels[request.id] ?? request.param.min, snap(request, agreed / request.strength, 'up'));
}
