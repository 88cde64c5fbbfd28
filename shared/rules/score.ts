import { INDICATORS, type Indicators, type Objectives } from '../scenario/schema.ts';
import { round2 } from './numbers.ts';

/** A role's objective score: its indicators weighted by what that role cares about, on 0..100. */
export function scoreOf(objectives: Objectives, indicators: Indicators): number {
  let weighted = 0;
  let weights = 0;
  for (const name of INDICATORS) {
    weighted += objectives[name] * indicators[name];
    weights += objectives[name];
  }
  return weights === 0 ? 0 : round2(weighted / weights);
}
