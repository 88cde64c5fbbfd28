import { describe, expect, it } from 'vitest';
import { playBotGame } from '../../shared/bots/play-bot-game.ts';
import type { BotPolicyId } from '../../shared/bots/policy.ts';
import type { GameState, Move } from '../../shared/rules/index.ts';
import type { Scenario } from '../../shared/scenario/schema.ts';
import { scoreDecision } from '../../shared/scoring/score-decision.ts';
import { play, policyMove, shipped, talks } from './fixtures/moments.ts';
import { advanceTo, playRound } from './fixtures/play.ts';

const SEEDS = [0, 1, 2];

function finals(scenario: Scenario, policies: Record<string, BotPolicyId>, g: number): Record<string, number> {
  const { state } = playBotGame(scenario, 500 + g, policies, 11 + g);
  return Object.fromEntries(scenario.seats.map((s) => [s.id, state.seats[s.id].score]));
}

const noDeal = (scenario: Scenario) => Object.fromEntries(scenario.seats.map((s) => [s.id, 'restraint' as const]));

describe('the shipped scenarios reproduce their history (FRAMEWORK §3)', () => {
  it('EU–Turkey 2016: the historical pairing strikes the deal, and Turkey\'s extractive demand pays against holding back', () => {
    const scenario = shipped('eu-turkey-2016');
    const policies = scenario.historicalPolicies as Record<string, BotPolicyId>;
    expect(policies).toEqual({ eu: 'dealmaker', tr: 'extractive' });
    for (const g of SEEDS) {
      const game = playBotGame(scenario, 500 + g, policies, 11 + g);
      expect(game.state.agreements.length, `seed ${g}`).toBeGreaterThan(0);
      expect(game.state.agreements[0].parties.sort()).toEqual(['eu', 'tr']);
      const restrained = finals(scenario, { eu: 'dealmaker', tr: 'restraint' }, g);
      expect(game.state.seats.tr.score, `seed ${g}`).toBeGreaterThan(restrained.tr + 5);
    }
  });

  it('Ethiopia 2018: the jobs compact leaves both sides better off than no deal', () => {
    const scenario = shipped('ethiopia-jobs-compact');
    const policies = scenario.historicalPolicies as Record<string, BotPolicyId>;
    for (const g of SEEDS) {
      const game = playBotGame(scenario, 500 + g, policies, 11 + g);
      const without = finals(scenario, noDeal(scenario), g);
      expect(game.state.agreements.length, `seed ${g}`).toBeGreaterThan(0);
      for (const seat of ['donors', 'et']) expect(game.state.seats[seat].score, `${seat} seed ${g}`).toBeGreaterThan(without[seat]);
    }
  });
});

describe('golden readings in later rounds of US–Mexico 2019', () => {
  const scenario = shipped('us-mexico-2019');

  /** Rounds 1 and 2 held at the status quo, then June's negotiation with a 5% tariff threat due that month. */
  function juneUnderThreat(): GameState {
    let s = talks(scenario);
    for (let round = 1; round <= 2; round++) s = playRound(scenario, s, { us: { ...s.seats.us.policy }, mx: { ...s.seats.mx.policy } });
    s = advanceTo(scenario, s, 'negotiation');
    expect(s.round).toBe(3);
    const threat: Move = { type: 'threaten', version: s.version, target: 'mx', demand: { instrument: 'mx_guard', amount: 15 }, consequence: { instrument: 'us_tariff', amount: 5 }, dueRound: 3 };
    return play(scenario, s, 'us', threat);
  }

  it('in June 2019 the defensive concession beats the extractive demand and the punitive answer, read as such', () => {
    const june = juneUnderThreat();
    const card = (policy: BotPolicyId) => scoreDecision(scenario, june, 40, 'mx', policyMove(scenario, june, 'mx', policy));
    const defensive = card('defensive');
    const extractive = card('extractive');
    const punitive = card('punitive');
    expect(defensive.round).toBe(3);
    expect(defensive.classification).toMatchObject({ instrument: 'cooperative', aim: 'defensive' });
    expect(extractive.classification.aim).toBe('extractive');
    expect(defensive.evaluation.score).toBeGreaterThan(extractive.evaluation.score);
    expect(defensive.evaluation.score).toBeGreaterThan(punitive.evaluation.score);
    expect(['best', 'good']).toContain(defensive.evaluation.label);
  });
});
