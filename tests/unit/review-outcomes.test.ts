import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { playBotGame } from '../../shared/bots/play-bot-game.ts';
import { BotPolicyId } from '../../shared/framework.ts';
import { createGame, playerView, replay, stateHash } from '../../shared/rules/index.ts';
import { forkRecord } from '../../shared/review/fork.ts';
import { outcomeOf, paretoFrontier, referenceOutcomes, REFERENCE_SEED } from '../../shared/review/outcomes.ts';
import { OutcomePoint } from '../../shared/review/schemas.ts';
import { seriesOf } from '../../shared/review/series.ts';
import { Scenario } from '../../shared/scenario/schema.ts';
import { playRound } from './fixtures/play.ts';
import { commitmentsRecord } from './fixtures/review-record.ts';
import { tinyScenario } from './fixtures/tiny-scenario.ts';

const usMexico = Scenario.parse(JSON.parse(readFileSync(new URL('../../scenarios/us-mexico-2019.json', import.meta.url), 'utf8')));

describe('paretoFrontier', () => {
  const p = (id: string, scores: Record<string, number>) => ({ id, scores });

  it.each([
    ['a single point', [p('a', { x: 1, y: 1 })], ['a']],
    ['no points', [], []],
    ['a point beaten on one seat and equal on the other', [p('a', { x: 1, y: 1 }), p('b', { x: 2, y: 1 })], ['b']],
    ['two equal points: neither dominates', [p('a', { x: 1, y: 1 }), p('b', { x: 1, y: 1 })], ['a', 'b']],
    ['a trade-off and a point below both', [p('a', { x: 3, y: 1 }), p('b', { x: 1, y: 3 }), p('c', { x: 1, y: 1 })], ['a', 'b']],
    ['a point worse everywhere', [p('a', { x: 2, y: 2 }), p('b', { x: 1, y: 1.5 })], ['a']],
    ['a seat a point does not score counts as 0', [p('a', { x: 1 }), p('b', { x: 1, y: 0.5 })], ['b']],
  ] as const)('%s', (_name, points, frontier) => {
    expect([...paretoFrontier(points)].sort()).toEqual(frontier);
  });
});

describe('outcomeOf', () => {
  it('reads each seat\'s objective score', () => {
    const s = playRound(tinyScenario(), createGame(tinyScenario(), 7), {
      dest: { tariff: 10, returns: 1000, pathway: 2000, aid: 0 },
      trans: { guard: 10, accept: 500, loosen: 0 },
    });
    expect(outcomeOf(s)).toEqual({ dest: 47.95, trans: 45.75 });
  });
});

describe('referenceOutcomes', () => {
  const scenario = tinyScenario({ historicalPolicies: { dest: 'coercive', trans: 'defensive' } });
  const points = referenceOutcomes(scenario);

  it('plays the historical policies and every pairing of the six temperaments, with the same seed', () => {
    expect(points).toHaveLength(37);
    for (const point of points) expect(OutcomePoint.parse(point)).toEqual(point);
    const historical = playBotGame(scenario, REFERENCE_SEED, { dest: 'coercive', trans: 'defensive' }, REFERENCE_SEED);
    expect(points[0]).toEqual({ id: 'historical', kind: 'historical', gameId: null, label: 'historical', scores: outcomeOf(historical.state), policies: { dest: 'coercive', trans: 'defensive' }, frontier: false });
    expect(points[1]).toMatchObject({ id: 'bots:restraint/restraint', kind: 'bots', label: 'restraint / restraint', policies: { dest: 'restraint', trans: 'restraint' } });
    expect(points.find((q) => q.id === 'bots:coercive/defensive')?.scores).toEqual(points[0].scores);
    const pairs = points.slice(1).map((q) => q.id);
    expect(new Set(pairs).size).toBe(36);
    expect(pairs).toEqual(BotPolicyId.options.flatMap((d) => BotPolicyId.options.map((t) => `bots:${d}/${t}`)));
  });

  it('gives the same points every time', () => {
    expect(referenceOutcomes(scenario)).toEqual(points);
  });

  it('has no historical point for a scenario that names no historical policies', () => {
    const plain = referenceOutcomes(tinyScenario());
    expect(plain.map((q) => q.id)).toEqual(points.slice(1).map((q) => q.id));
  });
});

describe('seriesOf', () => {
  it('charts each resolved round from its own result: costs of that round, not running totals', () => {
    const scenario = tinyScenario();
    const levels = { dest: { tariff: 10, returns: 1000, pathway: 2000, aid: 0 }, trans: { guard: 10, accept: 500, loosen: 0 } };
    const two = playRound(scenario, playRound(scenario, createGame(scenario, 7), levels), levels);
    const series = seriesOf(scenario, two);
    expect(series.rounds).toEqual([1, 2]);
    expect(series.arrivals).toEqual([5600, 5600]);
    expect(series.historicalArrivals).toEqual([null, null]);
    // Round 1 worked by hand in resolve-round.test.ts.
    expect(series.costs.dest.implementation).toEqual([20, 20]);
    expect(series.costs.trans.reputational).toEqual([7.9, 7.9]);
    expect(series.costs.dest.political[0]).toBe(3.1);
    expect(series.scores.dest[0]).toBe(47.95);
    expect(series.indicators.trans.reputation[0]).toBe(42.1);
    expect(two.seats.trans.costs.reputational).toBe(15.8);
    for (const seat of ['dest', 'trans']) expect(series.indicators[seat].approval).toEqual(two.history.map((h) => h.seats[seat].indicators.approval));
  });

  it('draws the same series from a seat\'s view as from the whole state, with the sources\' arrivals beside', () => {
    const { state } = playBotGame(usMexico, 3, { us: 'coercive', mx: 'defensive' }, 3);
    const series = seriesOf(usMexico, state);
    expect(series.rounds).toEqual(usMexico.rounds.map((_, i) => i + 1));
    expect(seriesOf(usMexico, playerView(state, 'mx'))).toEqual(series);
    expect(series.historicalArrivals).toEqual(series.rounds.map((r) => usMexico.history.find((h) => h.round === r)?.arrivals ?? null));
    expect(series.historicalArrivals.some((a) => a !== null)).toBe(true);
  });

  it('is empty before the first round resolves', () => {
    const series = seriesOf(usMexico, createGame(usMexico, 1));
    expect(series).toEqual({ rounds: [], indicators: { us: { approval: [], economy: [], reputation: [], credibility: [], control: [] }, mx: { approval: [], economy: [], reputation: [], credibility: [], control: [] } }, costs: { us: { political: [], reputational: [], implementation: [] }, mx: { political: [], reputational: [], implementation: [] } }, scores: { us: [], mx: [] }, arrivals: [], historicalArrivals: [] });
  });
});

describe('forkRecord', () => {
  const { record: parent } = playBotGame(usMexico, 9, { us: 'punitive', mx: 'extractive' }, 9);

  it.each([0, 1, 40, parent.entries.length])('starts a game where the parent stood after %i entries', (step) => {
    const fork = forkRecord(parent, step, 'fork-1', 1234);
    expect(stateHash(replay(usMexico, fork))).toBe(stateHash(replay(usMexico, parent, step)));
    expect(fork.parent).toEqual({ gameId: parent.gameId, step });
    expect(fork.entries.map((e) => e.seq)).toEqual(Array.from({ length: step }, (_, i) => i + 1));
    expect(fork.entries).toEqual(parent.entries.slice(0, step));
    expect({ ...fork, entries: [], parent: null }).toEqual({ gameId: 'fork-1', scenarioId: parent.scenarioId, scenarioVersion: parent.scenarioVersion, seed: 9, createdAt: 1234, entries: [], parent: null });
  });

  it('shares nothing with the parent', () => {
    const fork = forkRecord(parent, 10, 'fork-2', 0);
    fork.entries[0].at = 999;
    expect(parent.entries[0].at).toBe(0);
  });

  it.each([-1, parent.entries.length + 1, 2.5])('refuses step %s', (step) => {
    expect(() => forkRecord(parent, step, 'fork-3', 0)).toThrow(RangeError);
  });

  it('forks a fork from its own record', () => {
    const { scenario, record } = commitmentsRecord();
    const child = forkRecord(forkRecord(record, 9, 'f1', 0), 5, 'f2', 0);
    expect(child.parent).toEqual({ gameId: 'f1', step: 5 });
    expect(stateHash(replay(scenario, child))).toBe(stateHash(replay(scenario, record, 5)));
  });
});
