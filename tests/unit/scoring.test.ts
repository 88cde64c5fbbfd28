import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { advancePhase, createGame, type GameState, type Move } from '../../shared/rules/index.ts';
import { playBotGame } from '../../shared/bots/play-bot-game.ts';
import { BotPolicyId } from '../../shared/bots/policy.ts';
import { cardsOfRecord, FrameworkCard, profileOf, renderExplanation, scoreDecision } from '../../shared/scoring/index.ts';
import { euTurkeyShape, play, policyMove, talks, usMexico2019 } from './fixtures/moments.ts';
import { advanceTo } from './fixtures/play.ts';

const mexico2019 = usMexico2019();

/** June 2019: the United States threatens a 5% tariff unless Mexico deploys 15,000 guards, due this month. */
function underTariffThreat(): GameState {
  return play(mexico2019, talks(mexico2019), 'us', { type: 'threaten', version: 0, target: 'mx', demand: { instrument: 'mx_guard', amount: 15 }, consequence: { instrument: 'us_tariff', amount: 5 }, dueRound: 1 });
}

describe('golden readings of the framework (FRAMEWORK §3)', () => {
  it('under a credible tariff threat, Mexico\'s defensive package scores above an extractive demand and a punitive loosening', () => {
    const moment = underTariffThreat();
    const score = (policy: BotPolicyId) => scoreDecision(mexico2019, moment, 10, 'mx', policyMove(mexico2019, moment, 'mx', policy));
    const defensive = score('defensive');
    const extractive = score('extractive');
    const punitive = score('punitive');
    expect(defensive.move).toMatchObject({ type: 'propose', to: 'us' });
    expect(defensive.classification).toMatchObject({ instrument: 'cooperative', aim: 'defensive' });
    expect(extractive.classification.aim).toBe('extractive');
    expect(punitive.move).toMatchObject({ type: 'threaten', consequence: { instrument: 'mx_loosen' } });
    expect(defensive.evaluation.score).toBeGreaterThan(extractive.evaluation.score);
    expect(defensive.evaluation.score).toBeGreaterThan(punitive.evaluation.score);
    expect(['best', 'good']).toContain(defensive.evaluation.label);
  });

  it('in a calm round with low salience and no threat, Mexico\'s restraint scores at least good and reads as restraint', () => {
    const calm = { ...mexico2019, salience: 20, events: [] };
    const decision = advanceTo(calm, advancePhase(calm, createGame(calm, 7)).state, 'decision');
    const hold: Move = { type: 'decide', version: decision.version, levels: { ...decision.seats.mx.policy } };
    const card = scoreDecision(calm, decision, 3, 'mx', hold);
    expect(card.classification).toMatchObject({ instrument: 'restraint', aim: null, leverage: [] });
    expect(['best', 'good']).toContain(card.evaluation.label);
  });

  it('the same extractive demand pays for a Turkey-shaped transit state and not for Mexico under a tariff threat', () => {
    const turkey = euTurkeyShape();
    const calmTalks = talks(turkey);
    const turkeyCard = scoreDecision(turkey, calmTalks, 2, 'mx', policyMove(turkey, calmTalks, 'mx', 'extractive'));
    const mexico = underTariffThreat();
    const mexicoCard = scoreDecision(mexico2019, mexico, 10, 'mx', policyMove(mexico2019, mexico, 'mx', 'extractive'));
    expect(turkeyCard.classification).toMatchObject({ instrument: 'cooperative', aim: 'extractive' });
    expect(mexicoCard.classification.aim).toBe('extractive');
    expect(['best', 'good']).toContain(turkeyCard.evaluation.label);
    expect(turkeyCard.evaluation.score).toBeGreaterThanOrEqual(mexicoCard.evaluation.score + 20);
  });

  it('flags an agreement beyond the seat\'s capacity with a high implementation cost (the CHNV shape)', () => {
    let s = talks(mexico2019);
    s = play(mexico2019, s, 'us', {
      type: 'propose', version: 0, to: 'mx', rounds: 3,
      commitments: [{ seat: 'mx', instrument: 'mx_returns', amount: 30000 }, { seat: 'mx', instrument: 'mx_guard', amount: 25 }, { seat: 'us', instrument: 'us_tariff', amount: 0 }],
    });
    const card = scoreDecision(mexico2019, s, 5, 'mx', { type: 'accept', version: s.version, proposalId: s.proposals[0].id });
    expect(card.flags).toContain('over-capacity');
    // 25 guard × 2 + 30,000 returns × 0.001 = 80 capacity a round against 60, for 3 rounds.
    expect(card.ledger.costs.implementation).toBeGreaterThanOrEqual(240);
    expect(card.explanation.at(-1)?.key).toBe('flag.over-capacity');
  });

  it('a threat left unexecuted costs credibility, and the next threat is flagged with that record', () => {
    const threat: Move = { type: 'threaten', version: 0, target: 'mx', demand: { instrument: 'mx_guard', amount: 15 }, consequence: { instrument: 'us_tariff', amount: 5 }, dueRound: 1 };
    const fresh = talks(mexico2019);
    const first = scoreDecision(mexico2019, fresh, 1, 'us', { ...threat, version: fresh.version });
    // The threat falls due in round 1; Mexico holds course and the United States does not impose the tariff.
    let s = play(mexico2019, fresh, 'us', threat);
    s = advanceTo(mexico2019, s, 'decision');
    s = play(mexico2019, s, 'us', { type: 'decide', version: 0, levels: { us_tariff: 0 } });
    s = play(mexico2019, s, 'mx', { type: 'decide', version: 0, levels: {} });
    s = advanceTo(mexico2019, s, 'negotiation');
    expect(s.threats[0].status).toBe('not_carried_out');
    expect(s.seats.us.indicators.credibility).toBeLessThan(fresh.seats.us.indicators.credibility - 10);
    const second = scoreDecision(mexico2019, s, 30, 'us', { ...threat, version: s.version, dueRound: 2 });
    expect(second.flags).toContain('empty-threat-record');
    // Carrying out the tariff is part of the threat's projection: it costs the United States by its own exposure.
    expect(first.evaluation.expected).toBeLessThan(first.evaluation.baseline);
  });
});

describe('scoring is total and deterministic', () => {
  const pairs = BotPolicyId.options.flatMap((us) => BotPolicyId.options.map((mx) => [us, mx] as const));

  it('gives every decision exactly one instrument, and an aim exactly when leverage is activated (property)', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(fc.constantFrom(...pairs), fc.integer({ min: 0, max: 1000 }), ([us, mx], seed) => {
        const game = playBotGame(mexico2019, seed, { us, mx }, seed + 1);
        const cards = cardsOfRecord(mexico2019, game.record);
        const decisions = game.record.entries.filter((e) => e.kind === 'move' && !['chat', 'ready', 'withdraw'].includes(e.move.type));
        expect(cards.map((c) => c.seq)).toEqual(decisions.map((d) => d.seq));
        for (const card of cards) {
          FrameworkCard.parse(card);
          // Restraint has no aim; neither has a positive-sum exchange, which is cooperative.
          if (card.classification.instrument === 'restraint') expect(card.classification.aim).toBeNull();
          else if (card.classification.aim === null) expect(card.classification.instrument).toBe('cooperative');
          expect(renderExplanation(mexico2019, card, 'en').length).toBeGreaterThanOrEqual(2);
          expect(renderExplanation(mexico2019, card, 'es').join(' ')).not.toMatch(/\{\w+\}|@/);
        }
      }),
      { numRuns: 4 },
    );
  });

  it('gives the same cards for the same record (property)', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(fc.constantFrom(...pairs), fc.integer({ min: 0, max: 1000 }), ([us, mx], seed) => {
        const game = playBotGame(mexico2019, seed, { us, mx }, seed);
        expect(cardsOfRecord(mexico2019, game.record)).toEqual(cardsOfRecord(mexico2019, structuredClone(game.record)));
      }),
      { numRuns: 2 },
    );
  });

  it('aggregates a seat\'s cards into a profile whose shares add up', () => {
    const game = playBotGame(mexico2019, 5, { us: 'coercive', mx: 'defensive' }, 5);
    const cards = cardsOfRecord(mexico2019, game.record);
    const profile = profileOf('mx', cards);
    const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
    expect(profile.decisions).toBe(cards.filter((c) => c.seat === 'mx').length);
    expect(sum(profile.instruments)).toBeCloseTo(1, 1);
    expect(profile.aims.defensive).toBeGreaterThan(0.5);
    expect(profile.turningPoints.length).toBeGreaterThan(0);
    expect(profile.turningPoints.length).toBeLessThanOrEqual(3);
  });
});
