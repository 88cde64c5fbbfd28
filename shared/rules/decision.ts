import type { Scenario } from '../scenario/schema.ts';
import type { GameEvent } from './events.ts';
import { decisionCost, findInstrument, instrumentsOf, isLegalLevel } from './instruments.ts';
import { seatOf } from './lookup.ts';
import { EPSILON, round2 } from './numbers.ts';
import { ok, refusal, reject, type Result } from './result.ts';
import type { GameState } from './state.ts';

/**
 * The levels a seat sets for its instruments this round, sealed until resolution.
 * Instruments left out keep the level in force. The total implementation cost must
 * fit the seat's capacity: that budget is what makes a choice a choice.
 */
export function fullLevels(scenario: Scenario, state: GameState, seat: string, levels: Record<string, number>): Result<Record<string, number>> {
  for (const [id, amount] of Object.entries(levels)) {
    const inst = findInstrument(scenario, id);
    if (!inst) return reject('instrument/unknown', `There is no instrument "${id}" in this scenario.`);
    if (inst.seat !== seat) return reject('instrument/not-yours', `"${inst.label.en}" belongs to another seat.`, { instrument: id });
    if (!isLegalLevel(inst, amount)) {
      return reject('param/out-of-range', `"${inst.label.en}" must be between ${inst.param.min} and ${inst.param.max} in steps of ${inst.param.step}.`, {
        instrument: id,
        min: inst.param.min,
        max: inst.param.max,
        step: inst.param.step,
      });
    }
  }
  const full: Record<string, number> = {};
  for (const inst of instrumentsOf(scenario, seat)) full[inst.id] = levels[inst.id] ?? seatOf(state, seat).policy[inst.id] ?? inst.param.min;
  return ok(full);
}

export function overBudget(scenario: Scenario, state: GameState, seat: string, levels: Record<string, number>): boolean {
  return decisionCost(scenario, seat, levels).implementation > seatOf(state, seat).capacity + EPSILON;
}

export function decide(scenario: Scenario, state: GameState, seat: string, levels: Record<string, number>): Result<GameEvent[]> {
  const seatState = seatOf(state, seat);
  if (seatState.submitted) return reject('decision/locked', 'Your decision for this round is already sealed.');
  const full = fullLevels(scenario, state, seat, levels);
  if (!full.ok) return refusal(full);
  if (overBudget(scenario, state, seat, full.value)) {
    const used = round2(decisionCost(scenario, seat, full.value).implementation);
    return reject('budget/exceeded', `This decision needs ${used} capacity; you have ${seatState.capacity}.`, { used, capacity: seatState.capacity });
  }
  seatState.decision = full.value;
  seatState.submitted = true;
  return ok([{ type: 'decided', seat }]);
}

/**
 * A seat that let the timer run out keeps the policy in force, or stands down
 * entirely if that policy no longer fits its capacity.
 */
export function defaultDecision(scenario: Scenario, state: GameState, seat: string): Record<string, number> {
  const policy = fullLevels(scenario, state, seat, {});
  if (policy.ok && !overBudget(scenario, state, seat, policy.value)) return policy.value;
  const minimum: Record<string, number> = {};
  for (const inst of instrumentsOf(scenario, seat)) minimum[inst.id] = inst.param.min;
  return minimum;
}
