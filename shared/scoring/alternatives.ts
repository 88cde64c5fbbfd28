import type { Scenario } from '../scenario/schema.ts';
import { canonicalJson } from '../rules/hash.ts';
import { instrumentsOf } from '../rules/instruments.ts';
import type { Move } from '../rules/moves.ts';
import { playerView } from '../rules/player-view.ts';
import type { GameState } from '../rules/state.ts';
import { BOT_POLICIES } from '../bots/policy.ts';
import { SCORED_MOVES } from './card.ts';
import { holdCourse } from './hold-course.ts';

/**
 * The legal options the seat had at that moment, discretised: holding its course, what
 * each bot policy would have done in its place, and for an offer on the table, accepting
 * or rejecting it. `null` stands for making no move in this phase.
 */
export function alternativesTo(scenario: Scenario, state: GameState, seat: string, actual: Move | null, random: () => number): (Move | null)[] {
  const version = state.version;
  const options: (Move | null)[] = [actual];
  const view = playerView(state, seat);
  if (state.phase === 'decision') {
    options.push({ type: 'decide', version, levels: holdCourse(scenario, state, seat) });
    options.push({ type: 'decide', version, levels: Object.fromEntries(instrumentsOf(scenario, seat).map((i) => [i.id, i.param.min])) });
  } else {
    options.push(null);
    for (const p of state.proposals) {
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
