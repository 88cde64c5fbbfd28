import { describe, expect, it } from 'vitest';
import { agreementsInForce, breaches, obligationsOf } from '../../shared/rules/agreements.ts';
import { createGame, type GameState, type Move } from '../../shared/rules/index.ts';
import { enforcementCut } from '../../shared/rules/resolve-round.ts';
import { Scenario } from '../../shared/scenario/schema.ts';
import { advanceTo, must } from './fixtures/play.ts';
import { usMexico2019 } from './fixtures/moments.ts';

/** US–Mexico 2019 with the threat coefficients set to round numbers the examples can check. */
function scenario(coefficients: Partial<Scenario['coefficients']> = {}): Scenario {
  const base = usMexico2019();
  return Scenario.parse({ ...base, coefficients: { ...base.coefficients, cavingPoliticalCost: 3, audienceCost: 4, enforcementCutCost: 2, ...coefficients } });
}

const TARIFF_THREAT = { demand: { instrument: 'mx_guard', amount: 15 }, consequence: { instrument: 'us_tariff', amount: 10 }, dueRound: 1 };

function talks(s: Scenario): GameState {
  return advanceTo(s, createGame(s, 2019), 'negotiation');
}

function move(state: GameState, body: Record<string, unknown>): Move {
  return { ...body, version: state.version } as Move;
}

/** Round 1 resolved with these levels, after `talk` in negotiation. */
function resolve(s: Scenario, levels: { us: Record<string, number>; mx: Record<string, number> }, talk: (g: GameState) => GameState = (g) => g): GameState {
  let g = talk(talks(s));
  g = advanceTo(s, g, 'decision');
  g = must(s, g, 'us', move(g, { type: 'decide', levels: levels.us }));
  g = must(s, g, 'mx', move(g, { type: 'decide', levels: levels.mx }));
  return advanceTo(s, g, 'resolution');
}

const threatened = (s: Scenario) => (g: GameState) => must(s, g, 'us', move(g, { type: 'threaten', target: 'mx', ...TARIFF_THREAT }));
const round1 = (g: GameState) => g.history[0]!;

describe('threats resolve by what happens on the ground', () => {
  const s = scenario();

  it('is averted when the target meets the demand, agreement or not: the sealed tariff goes back to the level in force', () => {
    const g = resolve(s, { us: { us_tariff: 10 }, mx: { mx_guard: 15 } }, threatened(s));
    expect(g.threats[0]?.status).toBe('complied');
    expect(round1(g).seats.us?.levels.us_tariff).toBe(0);
    const calm = resolve(s, { us: { us_tariff: 0 }, mx: { mx_guard: 15 } });
    // The threatener earns exactly its kept-threat credibility; the target pays exactly the price of caving.
    expect(round1(g).seats.us!.indicators.credibility - round1(calm).seats.us!.indicators.credibility).toBeCloseTo(s.coefficients.credibilityKept, 6);
    expect(round1(g).seats.mx!.costs.political - round1(calm).seats.mx!.costs.political).toBeCloseTo(3, 6);
  });

  it('is carried out when the demand is not met: the tariff stands and costs both sides by their exposure', () => {
    const g = resolve(s, { us: { us_tariff: 10 }, mx: { mx_guard: 6 } }, threatened(s));
    expect(g.threats[0]?.status).toBe('carried_out');
    expect(round1(g).seats.us?.levels.us_tariff).toBe(10);
    const untouched = resolve(s, { us: { us_tariff: 0 }, mx: { mx_guard: 6 } });
    const loss = (seat: 'us' | 'mx') => round1(untouched).seats[seat]!.indicators.economy - round1(g).seats[seat]!.indicators.economy;
    const damage = 10 * s.coefficients.tariffEconomyDamage;
    expect(loss('mx')).toBeCloseTo(damage * 0.8, 1);
    expect(loss('us')).toBeCloseTo(damage * 0.16, 1);
  });

  it('left empty costs credibility and, in public, the audience cost', () => {
    const g = resolve(s, { us: { us_tariff: 0 }, mx: { mx_guard: 6 } }, threatened(s));
    expect(g.threats[0]?.status).toBe('not_carried_out');
    const untouched = resolve(s, { us: { us_tariff: 0 }, mx: { mx_guard: 6 } });
    expect(round1(g).seats.us!.indicators.credibility - round1(untouched).seats.us!.indicators.credibility).toBeCloseTo(-s.coefficients.credibilityBroken, 6);
    expect(round1(g).seats.us!.costs.political - round1(untouched).seats.us!.costs.political).toBeCloseTo(4, 6);
  });

  it('asks nothing new when an agreement already binds the demand: complying earns no credibility and costs no face', () => {
    const agreed = (g: GameState) => {
      let t = must(s, g, 'mx', move(g, { type: 'propose', to: 'us', commitments: [{ seat: 'mx', instrument: 'mx_guard', amount: 15 }], rounds: 2 }));
      const id = t.proposals.at(-1)!.id;
      t = must(s, t, 'us', move(t, { type: 'accept', proposalId: id }));
      return t;
    };
    const g = resolve(s, { us: { us_tariff: 0 }, mx: { mx_guard: 15 } }, (t) => threatened(s)(agreed(t)));
    expect(g.threats[0]?.bound).toBe(true);
    expect(g.threats[0]?.status).toBe('complied');
    const dealOnly = resolve(s, { us: { us_tariff: 0 }, mx: { mx_guard: 15 } }, agreed);
    expect(round1(g).seats.us!.indicators.credibility).toBeCloseTo(round1(dealOnly).seats.us!.indicators.credibility, 6);
    expect(round1(g).seats.mx!.costs.political).toBeCloseTo(round1(dealOnly).seats.mx!.costs.political, 6);
  });

  it('a threat the agreement does not cover is not bound', () => {
    const g = talks(s);
    const t = threatened(s)(g);
    expect(t.threats[0]?.bound).toBeUndefined();
  });
});

describe('standing down enforcement', () => {
  it('costs reputation per unit cut below the level in force, by the scenario coefficient', () => {
    const cuts = scenario({ enforcementCutCost: 2 });
    const none = scenario({ enforcementCutCost: 0 });
    const levels = { us: {}, mx: { mx_guard: 2 } };
    const g = resolve(cuts, levels);
    expect(round1(g).seats.mx!.costs.reputational - round1(resolve(none, levels)).seats.mx!.costs.reputational).toBeCloseTo((6 - 2) * 2, 6);
    const held = resolve(cuts, { us: {}, mx: { mx_guard: 6 } });
    expect(round1(held).seats.mx!.costs.reputational).toBeCloseTo(round1(resolve(none, { us: {}, mx: { mx_guard: 6 } })).seats.mx!.costs.reputational, 6);
  });

  it('counts only the cut, not a raise', () => {
    const s = scenario();
    const g = advanceTo(s, createGame(s, 1), 'decision');
    const cut = must(s, g, 'mx', move(g, { type: 'decide', levels: { mx_guard: 3 } }));
    expect(enforcementCut(s, cut, 'mx')).toBe(3);
    const raised = must(s, g, 'mx', move(g, { type: 'decide', levels: { mx_guard: 9 } }));
    expect(enforcementCut(s, raised, 'mx')).toBe(0);
  });
});

describe('agreements in force', () => {
  it('binds its parties from its first round to its last, and names the levels that break it', () => {
    const s = scenario();
    let g = talks(s);
    g = must(s, g, 'mx', move(g, { type: 'propose', to: 'us', commitments: [{ seat: 'mx', instrument: 'mx_guard', amount: 12 }, { seat: 'us', instrument: 'us_tariff', amount: 0 }], rounds: 2 }));
    g = must(s, g, 'us', move(g, { type: 'accept', proposalId: g.proposals.at(-1)!.id }));
    expect(agreementsInForce(g)).toHaveLength(1);
    expect(agreementsInForce(g, 3)).toHaveLength(0);
    expect(obligationsOf(g, 'mx')).toEqual([{ seat: 'mx', instrument: 'mx_guard', amount: 12 }]);
    expect(breaches(s, g, 'mx', { mx_guard: 11 }).map((c) => c.instrument)).toEqual(['mx_guard']);
    expect(breaches(s, g, 'mx', { mx_guard: 12 })).toEqual([]);
    expect(breaches(s, g, 'us', { us_tariff: 5 }).map((c) => c.instrument)).toEqual(['us_tariff']);
  });
});
