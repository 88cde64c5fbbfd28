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

describe('flags at the moment of decision', () => {
  const mexico = Scenario.parse(JSON.parse(readFileSync(new URL('../../scenarios/us-mexico-2019.json', import.meta.url), 'utf8')));
  const talks = () => advanceTo(mexico, createGame(mexico, 2019), 'negotiation');

  it('flags an offer that asks the partner for more than its capacity (receiving 30,000 returns takes 100 capacity points against 60)', () => {
    const s = talks();
    const card = scoreDecision(mexico, s, 3, 'us', {
      type: 'propose',
      version: s.version,
      to: 'mx',
      commitments: [
        { seat: 'mx', instrument: 'mx_guard', amount: 25 },
        { seat: 'mx', instrument: 'mx_returns', amount: 30000 },
      ],
      rounds: 2,
    });
    expect(card.flags).toContain('partner-over-capacity');
    expect(card.explanation.at(-1)).toEqual({ key: 'flag.partner-over-capacity', params: { needed: 100, capacity: 60 } });
  });

  it('flags a tariff threat by the less exposed side as sound, and by the more exposed side as self-harming', () => {
    const s = talks();
    const usThreat = scoreDecision(mexico, s, 3, 'us', { type: 'threaten', version: s.version, target: 'mx', demand: { instrument: 'mx_guard', amount: 15 }, consequence: { instrument: 'us_tariff', amount: 10 }, dueRound: 1 });
    expect(usThreat.flags).not.toContain('self-harming-threat');
    const weak = structuredClone(s);
    weak.seats.us!.indicators.credibility = 20;
    const card = scoreDecision(mexico, weak, 3, 'us', { type: 'threaten', version: s.version, target: 'mx', demand: { instrument: 'mx_guard', amount: 15 }, consequence: { instrument: 'us_tariff', amount: 10 }, dueRound: 1 });
    expect(card.flags).toContain('weak-threat');
    expect(card.explanation.at(-1)).toEqual({ key: 'flag.weak-threat', params: { credibility: 20 } });
  });

  it('flags a promise whose reward, on top of the levels held, is beyond the seat\'s capacity', () => {
    const s = talks();
    const promise = (amount: number) => ({ type: 'promise' as const, version: s.version, target: 'us', condition: { instrument: 'us_aid', amount: 200 }, reward: { instrument: 'mx_guard', amount }, dueRound: 1 });
    expect(scoreDecision(mexico, s, 3, 'mx', promise(15)).flags).not.toContain('unaffordable-promise');
    const stretched = structuredClone(s);
    stretched.seats.mx!.policy.mx_returns = 20000;
    const card = scoreDecision(mexico, stretched, 3, 'mx', promise(25));
    expect(card.flags).toContain('unaffordable-promise');
    const needed = card.explanation.at(-1)?.params.needed;
    expect(card.explanation.at(-1)).toEqual({ key: 'flag.unaffordable-promise', params: { needed, capacity: 60 } });
    expect(needed).toBeGreaterThan(60);
  });
});
