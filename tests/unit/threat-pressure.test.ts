import { describe, expect, it } from 'vitest';
import { BOT_POLICIES } from '../../shared/bots/policy.ts';
import { threatPressure, threatsHanging } from '../../shared/bots/reading.ts';
import { createGame, playerView, type GameState, type Move } from '../../shared/rules/index.ts';
import { scoreDecision } from '../../shared/scoring/index.ts';
import { advanceTo, must } from './fixtures/play.ts';
import { usMexico2019 } from './fixtures/moments.ts';

const s = usMexico2019();
const tariff = (amount: number) => ({ type: 'threaten', target: 'mx', demand: { instrument: 'mx_guard', amount: 15 }, consequence: { instrument: 'us_tariff', amount }, dueRound: 1 }) as const;

/** Round 1's negotiation with the United States' credibility and the salience of migration set. */
function talks(credibility: number, salience: number): GameState {
  const g = advanceTo(s, createGame(s, 2019), 'negotiation');
  g.seats.us!.indicators.credibility = credibility;
  g.salience = salience;
  return g;
}

function threatened(g: GameState, amount: number): GameState {
  return must(s, g, 'us', { ...tariff(amount), version: g.version } as Move);
}

describe('how hard a threat presses (bots read it off their own view)', () => {
  it('is credibility, raised by salience, times the harm, weighted by the target’s trade exposure', () => {
    // likelihood = min(1, credibility/100 × (0.5 + salience/100)); harm = min(1, √(move/range) × 2 × exposure)
    const press = (credibility: number, salience: number, amount: number) => {
      const g = threatened(talks(credibility, salience), amount);
      return threatPressure(s, playerView(g, 'mx'), g.threats[0]!);
    };
    expect(press(55, 75, 5)).toBeCloseTo(0.55 * 1.25 * Math.sqrt(0.2) * 1.6, 6);
    expect(press(55, 75, 10)).toBeCloseTo(0.6875, 6);
    expect(press(30, 75, 5)).toBeCloseTo(0.375 * Math.sqrt(0.2) * 1.6, 6);
    expect(press(55, 20, 5)).toBeCloseTo(0.55 * 0.7 * Math.sqrt(0.2) * 1.6, 6);
    // A tariff already in force at the threatened level threatens nothing new.
    const g = talks(55, 75);
    g.seats.us!.policy.us_tariff = 5;
    const same = threatened(g, 5);
    expect(threatPressure(s, playerView(same, 'mx'), same.threats[0]!)).toBe(0);
  });

  it('an empty threat hangs over no one; a credible one does', () => {
    const credible = threatened(talks(55, 75), 5);
    expect(threatsHanging(s, playerView(credible, 'mx'), 'us', 'mx')).toHaveLength(1);
    const empty = threatened(talks(30, 75), 5);
    expect(threatsHanging(s, playerView(empty, 'mx'), 'us', 'mx')).toHaveLength(0);
  });

  it('a dealmaker meets the demand of a threat that presses hard, not of one that does not', () => {
    const sealed = (g: GameState) => {
      const decision = advanceTo(s, g, 'decision');
      const [move] = BOT_POLICIES.dealmaker({ scenario: s, view: playerView(decision, 'mx'), seat: 'mx', random: () => 0 });
      return move?.type === 'decide' ? move.levels.mx_guard : undefined;
    };
    expect(sealed(threatened(talks(55, 75), 10))).toBe(15);
    expect(sealed(threatened(talks(30, 40), 10))).toBe(6);
  });

  it('the same threat scores better on the card when it is credible and migration salient', () => {
    const card = (credibility: number, salience: number) => {
      const g = talks(credibility, salience);
      const c = scoreDecision(s, g, 1, 'us', { ...tariff(10), version: g.version } as Move);
      return c.evaluation.expected - c.evaluation.baseline;
    };
    expect(card(70, 80)).toBeGreaterThan(card(25, 30));
  });
});
