import { describe, expect, it } from 'vitest';
import { createGame } from '../../shared/rules/index.ts';
import { tinyScenario } from './fixtures/tiny-scenario.ts';
import { must, playRound } from './fixtures/play.ts';

const scenario = tinyScenario();
const calm = { dest: { tariff: 0, returns: 0, pathway: 0, aid: 0 }, trans: { guard: 0, accept: 0, loosen: 0 } };

describe('resolveRound, worked by hand on the tiny scenario', () => {
  it('moves 10,000 people through pathways, interdiction and returns to the exact arrivals', () => {
    // 2,000 pathway places divert 2,000 of the 5,000 eligible; 10 guard units stop 0.1 + 10 × 0.02 = 30% of
    // the remaining 8,000 (2,400); 5,600 arrive; 1,000 returns are requested but only 500 accepted.
    const s = playRound(scenario, createGame(scenario, 7), {
      dest: { tariff: 10, returns: 1000, pathway: 2000, aid: 0 },
      trans: { guard: 10, accept: 500, loosen: 0 },
    });
    const r = s.history[0];
    expect(r.flows[0]).toEqual({ flow: 'families', setOut: 10000, diverted: 2000, interdicted: 2400, arrived: 5600 });
    expect(r.returned).toBe(500);
    expect(r.stranded).toBe(2900);
    expect(r.salience).toBe(50.1);
  });

  it('charges every cost to the right seat and turns it into indicators and scores', () => {
    const s = playRound(scenario, createGame(scenario, 7), {
      dest: { tariff: 10, returns: 1000, pathway: 2000, aid: 0 },
      trans: { guard: 10, accept: 500, loosen: 0 },
    });
    const { dest, trans } = s.history[0].seats;
    // dest: tariff 10 × 0.2 political + tariff damage 10 × 0.5 × 0.2 = 1 + arrivals 0.1k over threshold × 2 × 0.501
    expect(dest.costs).toEqual({ political: 3.1, reputational: 0, implementation: 20 });
    expect(dest.indicators).toEqual({ approval: 46.9, economy: 49, reputation: 50, credibility: 50, control: 49 });
    expect(dest.score).toBe(47.95);
    // trans: 500 returns × 0.001 + tariff damage 10 × 0.5 × 0.8 = 4 political; guard 5 + stranded 2.9 reputational
    expect(trans.costs).toEqual({ political: 4.5, reputational: 7.9, implementation: 20 });
    expect(trans.indicators).toEqual({ approval: 45.5, economy: 46, reputation: 42.1, credibility: 50, control: 71 });
    expect(trans.score).toBe(45.75);
  });

  it('hurts the transit state four times as much as the destination with one tariff (trade exposure 0.8 vs 0.2)', () => {
    const s = playRound(scenario, createGame(scenario, 7), { ...calm, dest: { ...calm.dest, tariff: 20 } });
    const { dest, trans } = s.history[0].seats;
    expect(50 - trans.indicators.economy).toBe(8);
    expect(50 - dest.indicators.economy).toBe(2);
  });

  it('returns nobody when the transit state does not consent, however many the destination requests', () => {
    const s = playRound(scenario, createGame(scenario, 7), { ...calm, dest: { ...calm.dest, returns: 5000 } });
    expect(s.history[0].returned).toBe(0);
  });

  it('receives no more returns than the transit state can absorb, and counts the shortfall against capacity', () => {
    const tight = tinyScenario({ coefficients: { ...scenario.coefficients, returnsPerCapacity: 10 } });
    const s = playRound(tight, createGame(tight, 7), { dest: { ...calm.dest, returns: 5000 }, trans: { ...calm.trans, accept: 5000 } }, (n) => {
      const proposed = must(tight, n, 'dest', { type: 'propose', version: n.version, to: 'trans', commitments: [{ seat: 'trans', instrument: 'accept', amount: 5000 }], rounds: 2 });
      return must(tight, proposed, 'trans', { type: 'accept', version: proposed.version, proposalId: 'p1' });
    });
    // Reception: capacity 30 × 10 people per capacity point.
    expect(s.history[0].returned).toBe(300);
    expect(s.history[0].compliance).toEqual([
      { agreementId: 'a2', seat: 'trans', instrument: 'accept', committed: 5000, actual: 300, ratio: 0.06, limitedBy: 'capacity' },
    ]);
    // Capacity, not choice: reputation pays (10 × 0.94), credibility does not.
    expect(s.history[0].seats.trans.indicators.credibility).toBe(50);
  });

  it('diverts no more than the eligible share of a flow, however many pathway places are opened', () => {
    const s = playRound(scenario, createGame(scenario, 7), { ...calm, dest: { ...calm.dest, pathway: 4000, aid: 100 } });
    expect(s.history[0].flows[0].diverted).toBe(4000);
    const wide = playRound(tinyScenario({ flows: [{ ...scenario.flows[0], pathwayEligible: 0.3 }] }), createGame(tinyScenario({ flows: [{ ...scenario.flows[0], pathwayEligible: 0.3 }] }), 7), { ...calm, dest: { ...calm.dest, pathway: 4000 } });
    expect(wide.history[0].flows[0].diverted).toBe(3000);
  });

  it('raises the transit state\'s capacity with aid: 100 × 0.1 on top of 30', () => {
    const s = playRound(scenario, createGame(scenario, 7), { ...calm, dest: { ...calm.dest, aid: 100 } });
    expect(s.seats.trans.capacity).toBe(40);
  });

  it('lets loosened controls through: interdiction falls below its base', () => {
    const s = playRound(scenario, createGame(scenario, 7), { ...calm, trans: { ...calm.trans, loosen: 5 } });
    expect(s.history[0].flows[0].interdicted).toBe(0);
  });
});

describe('threats and promises falling due', () => {
  const threaten = (s: Parameters<typeof must>[1]) =>
    must(scenario, s, 'dest', { type: 'threaten', version: s.version, target: 'trans', demand: { instrument: 'guard', amount: 10 }, consequence: { instrument: 'tariff', amount: 10 }, dueRound: 1 });

  it('costs the threatener credibility when the demand is refused and the threat is not carried out', () => {
    const s = playRound(scenario, createGame(scenario, 7), calm, threaten);
    expect(s.threats[0].status).toBe('not_carried_out');
    expect(s.seats.dest.indicators.credibility).toBe(35);
  });

  it('adds credibility when a refused threat is carried out', () => {
    const s = playRound(scenario, createGame(scenario, 7), { ...calm, dest: { ...calm.dest, tariff: 10 } }, threaten);
    expect(s.threats[0].status).toBe('carried_out');
    expect(s.seats.dest.indicators.credibility).toBe(55);
  });

  it('charges the target the political cost of visibly caving when it complies', () => {
    const s = playRound(scenario, createGame(scenario, 7), { ...calm, trans: { ...calm.trans, guard: 10 } }, threaten);
    expect(s.threats[0].status).toBe('complied');
    // caving 3 + tariff-free round: approval 50 − 3
    expect(s.seats.trans.indicators.approval).toBe(47);
  });

  it('marks a promise kept, broken or lapsed', () => {
    const promise = (s: Parameters<typeof must>[1]) =>
      must(scenario, s, 'dest', { type: 'promise', version: s.version, target: 'trans', condition: { instrument: 'guard', amount: 5 }, reward: { instrument: 'aid', amount: 50 }, dueRound: 1 });
    const kept = playRound(scenario, createGame(scenario, 7), { dest: { ...calm.dest, aid: 50 }, trans: { ...calm.trans, guard: 5 } }, promise);
    const broken = playRound(scenario, createGame(scenario, 7), { dest: calm.dest, trans: { ...calm.trans, guard: 5 } }, promise);
    const lapsed = playRound(scenario, createGame(scenario, 7), calm, promise);
    expect([kept.promises[0].status, broken.promises[0].status, lapsed.promises[0].status]).toEqual(['kept', 'broken', 'lapsed']);
    expect(broken.seats.dest.indicators.credibility).toBe(35);
    expect(broken.seats.dest.indicators.reputation).toBe(40);
  });
});
