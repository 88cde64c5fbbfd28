import type { Scenario } from '../scenario/schema.ts';
import { findInstrument, isLegalLevel } from './instruments.ts';
import type { Commitment, InstrumentUse } from './moves.ts';
import { ok, refusal, reject, type Result } from './result.ts';

/** A commitment names an instrument its own seat holds, at a legal level. */
export function checkCommitment(scenario: Scenario, c: Commitment, parties: readonly string[]): Result<Commitment> {
  if (!parties.includes(c.seat)) return reject('target/invalid', `Seat "${c.seat}" is not a party to this proposal.`);
  const use = checkUse(scenario, c, c.seat);
  return use.ok ? ok(c) : refusal(use);
}

/** An instrument used by `seat`: it must exist, belong to that seat, and be set within its range. */
export function checkUse(scenario: Scenario, use: InstrumentUse, seat: string): Result<InstrumentUse> {
  const inst = findInstrument(scenario, use.instrument);
  if (!inst) return reject('instrument/unknown', `There is no instrument "${use.instrument}" in this scenario.`);
  if (inst.seat !== seat) return reject('instrument/not-yours', `"${inst.label.en}" belongs to another seat.`, { instrument: use.instrument });
  if (!isLegalLevel(inst, use.amount)) {
    return reject('param/out-of-range', `"${inst.label.en}" must be between ${inst.param.min} and ${inst.param.max} in steps of ${inst.param.step}.`, {
      instrument: use.instrument,
      min: inst.param.min,
      max: inst.param.max,
      step: inst.param.step,
    });
  }
  return ok(use);
}
