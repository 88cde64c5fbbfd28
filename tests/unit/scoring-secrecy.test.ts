import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createGame, type GameState, type Move } from '../../shared/rules/index.ts';
import { Scenario } from '../../shared/scenario/schema.ts';
import { scoreDecision } from '../../shared/scoring/score-decision.ts';
import { advanceTo, must } from './fixtures/play.ts';

const hemisphere = Scenario.parse(JSON.parse(readFileSync(new URL('../../scenarios/hemisphere-2023.json', import.meta.url), 'utf8')));

/** Round 2's decision phase of a three-seat table, with Panama's decision already sealed. */
function decisionWithPanamaSealed(panama: Record<string, number>, hidden: (state: GameState) => void): GameState {
  let s = advanceTo(hemisphere, createGame(hemisphere, 2023), 'decision');
  for (const seat of ['us', 'pa', 'mx']) s = must(hemisphere, s, seat, { type: 'decide', version: s.version, levels: {} });
  s = advanceTo(hemisphere, advanceTo(hemisphere, s, 'resolution'), 'decision');
  s = must(hemisphere, s, 'pa', { type: 'decide', version: s.version, levels: panama });
  const changed = structuredClone(s);
  hidden(changed);
  return changed;
}

describe('a card knows only what its seat knows', () => {
  it('is identical whatever another seat sealed and whatever its hidden parameters are', () => {
    const variants = [
      decisionWithPanamaSealed({ pa_darien: 1 }, () => {}),
      decisionWithPanamaSealed({ pa_darien: 8, pa_buses: 5 }, () => {}),
      decisionWithPanamaSealed({ pa_darien: 0, pa_buses: 0 }, (s) => {
        for (const seat of hemisphere.seats) {
          if (seat.id === 'mx') continue;
          for (const param of seat.hidden) s.seats[seat.id]!.hidden[param.key] = param.max;
        }
      }),
    ];
    expect(hemisphere.seats.some((s) => s.id !== 'mx' && s.hidden.length > 0)).toBe(true);
    const cards = variants.map((s) => {
      const move: Move = { type: 'decide', version: s.version, levels: { mx_guard: 15 } };
      return scoreDecision(hemisphere, s, 12, 'mx', move);
    });
    expect(cards[1]).toEqual(cards[0]);
    expect(cards[2]).toEqual(cards[0]);
  });

  it('is round 2 judged on round 2: last round\'s sealed decisions are cleared in the projection', () => {
    const s = decisionWithPanamaSealed({ pa_darien: 1 }, () => {});
    expect(s.round).toBe(2);
    const hold = scoreDecision(hemisphere, s, 12, 'mx', { type: 'decide', version: s.version, levels: {} });
    const surge = scoreDecision(hemisphere, s, 12, 'mx', { type: 'decide', version: s.version, levels: { mx_guard: 0, mx_loosen: 10 } });
    expect(surge.evaluation.expected).toBeLessThan(hold.evaluation.expected);
  });
});
