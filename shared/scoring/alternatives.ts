import type { Scenario } from '../scenario/schema.ts';
import { canonicalJson } from '../rules/hash.ts';
import { instrumentsOf } from '../rules/instruments.ts';
import type { Move } from '../rules/moves.ts';
import type { GameState } from '../rules/state.ts';
import { share, snap } from '../bots/levels.ts';
import { BOT_POLICIES } from '../bots/policy.ts';
import { SCORED_MOVES } from './card.ts';
import { holdCourse } from './hold-course.ts';

/** Decisions sampled around holding course, beyond the fixed ones: enough to find a better level, few enough to stay fast. */
export const SAMPLED_DECISIONS = 6;

/** Points of each instrument's range a sampled decision may move one instrument to. */
const SAMPLE_SHARES = [0, 0.25, 0.5, 0.75, 1];

/**
 * The legal options the seat had at that moment, discretised: holding its course, every
 * instrument at its minimum, each instrument alone dropped to its minimum (so a cost kept
 * out of habit, aid that buys nothing any more, is always weighed), what each bot policy would have done in its place, for an
 * offer on the table accepting or rejecting it, and in a decision a sample of levels
 * around holding course (one or two instruments moved a step or to a point of their
 * range). `view` is the seat's own view; `null` stands for making no move in this phase.
 */
export function alternativesTo(scenario: Scenario, view: GameState, seat: string, actual: Move | null, random: () => number): (Move | null)[] {
  const version = view.version;
  const options: (Move | null)[] = [actual];
  if (view.phase === 'decision') {
    const held = holdCourse(scenario, view, seat);
    options.push({ type: 'decide', version, levels: held });
    options.push({ type: 'decide', version, levels: Object.fromEntries(instrumentsOf(scenario, seat).map((i) => [i.id, i.param.min])) });
    const instruments = instrumentsOf(scenario, seat);
    for (const inst of instruments) {
      const here = held[inst.id] ?? inst.param.min;
      if (here > inst.param.min) options.push({ type: 'decide', version, levels: { ...held, [inst.id]: inst.param.min } });
    }
    for (let i = 0; i < SAMPLED_DECISIONS && instruments.length > 0; i++) {
      const levels = { ...held };
      const moved = i % 2 === 0 ? 1 : 2;
      for (let k = 0; k < moved; k++) {
        const inst = instruments[Math.floor(random() * instruments.length)];
        if (inst === undefined) continue;
        const here = levels[inst.id] ?? inst.param.min;
        const pick = random();
        levels[inst.id] = pick < 0.5 ? snap(inst, here + (pick < 0.25 ? -1 : 1) * inst.param.step) : share(inst, SAMPLE_SHARES[Math.floor(random() * SAMPLE_SHARES.length)] ?? 0.5, 'nearest');
      }
      options.push({ type: 'decide', version, levels });
    }
  } else {
    options.push(null);
    for (const p of view.proposals) {
      if (p.status !== 'open' || p.to !== seat) continue;
      options.push({ type: 'accept', version, proposalId: p.id }, { type: 'reject', version, proposalId: p.id });
    }
  }
  for (const policy of Object.values(BOT_POLICIES)) {
    const first = policy({ scenario, view, seat, random }).find((m) => SCORED_MOVES.has(m.type));
    if (first) options.push({ ...first, version } as Move);
  }
  const seen = new Set<string>();
  return options.filter((o) => {
    const key = o === null ? 'pass' : canonicalJson({ ...o, version: 0 });
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
