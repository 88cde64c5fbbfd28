import { readFileSync } from 'node:fs';
import { describe, expect, test, vi } from 'vitest';

// The chart words are English here whatever language the machine running the tests speaks.
vi.hoisted(() => {
  vi.stubGlobal('localStorage', { getItem: (key: string) => (key === 'border-bargain:locale' ? 'en' : null), setItem: () => undefined });
});

import {
  alignTo,
  arrivalLines,
  chartTable,
  COMPARE_DASH,
  costBars,
  costSummary,
  HISTORY_DASH,
  lineSummary,
  MEASURES,
  measureLines,
  roundsOf,
  tint,
} from '../../client/review/chart-data.ts';
import type { GameSeries } from '../../shared/review/schemas.ts';
import { parseScenario } from '../../shared/scenario/parse.ts';
import type { Scenario } from '../../shared/scenario/schema.ts';

const parsed = parseScenario(JSON.parse(readFileSync(new URL('../../scenarios/us-mexico-2019.json', import.meta.url), 'utf8')));
if (!parsed.ok) throw new Error('scenario does not parse');
const scenario: Scenario = parsed.scenario;

const indicators = (approval: number[], credibility: number[]) => ({ approval, economy: [50, 49, 48], reputation: [60, 61, 62], credibility, control: [40, 45, 50] });

/** Three resolved rounds of a United States–Mexico game; the sources give no arrivals for round 2 here. */
const series: GameSeries = {
  rounds: [1, 2, 3],
  indicators: { us: indicators([55, 52.5, 49], [60, 58, 58]), mx: indicators([48, 50, 51.25], [50, 50, 44]) },
  costs: {
    us: { political: [2, 0, 1.5], reputational: [0, 1, 0], implementation: [10, 12, 8] },
    mx: { political: [1, 3, 2], reputational: [0.5, 0.5, 0], implementation: [20, 25, 30] },
  },
  scores: { us: [51.2, 50.4, 49.9], mx: [47, 48.5, 50] },
  arrivals: [120000, 90000, 60500],
  historicalArrivals: [99000, null, 95000],
};

/** A fork of it that ran one round further. */
const fork: GameSeries = { ...series, rounds: [1, 2, 3, 4], arrivals: [120000, 80000, 70000, 65000], historicalArrivals: [99000, null, 95000, 72000] };

const empty: GameSeries = {
  rounds: [],
  indicators: { us: indicators([], []), mx: indicators([], []) },
  costs: { us: { political: [], reputational: [], implementation: [] }, mx: { political: [], reputational: [], implementation: [] } },
  scores: { us: [], mx: [] },
  arrivals: [],
  historicalArrivals: [],
};

describe('chart rounds', () => {
  test('a comparison spans every round either game resolved, in order', () => {
    expect(roundsOf(series)).toEqual([1, 2, 3]);
    expect(roundsOf(series, fork)).toEqual([1, 2, 3, 4]);
    expect(roundsOf({ ...series, rounds: [3, 1, 2] }, { ...fork, rounds: [2, 5] })).toEqual([1, 2, 3, 5]);
  });

  test('a round a series lacks is a gap, not a zero', () => {
    expect(alignTo([1, 2, 3, 4], [1, 3], [10, 30])).toEqual([10, null, 30, null]);
    expect(alignTo([1, 2], [1, 2], [0, null])).toEqual([0, null]);
  });
});

describe('score and indicator lines', () => {
  test('the small multiples are the objective score then the five indicators', () => {
    expect(MEASURES).toEqual(['score', 'approval', 'economy', 'reputation', 'credibility', 'control']);
  });

  test('one line per seat in scenario order, in the seat colour, with a marker of its own', () => {
    expect(measureLines(scenario, series, 'score')).toEqual([
      { key: 'score:us', label: 'United States', color: '#1f4e8c', dash: [], marker: 'circle', data: [51.2, 50.4, 49.9] },
      { key: 'score:mx', label: 'Mexico', color: '#1b7f4b', dash: [], marker: 'rect', data: [47, 48.5, 50] },
    ]);
    expect(measureLines(scenario, series, 'approval').map((set) => set.data)).toEqual([
      [55, 52.5, 49],
      [48, 50, 51.25],
    ]);
    expect(measureLines(scenario, series, 'credibility').map((set) => set.data)).toEqual([
      [60, 58, 58],
      [50, 50, 44],
    ]);
  });
});

describe('cost bars', () => {
  test('a seat colour is lightened towards white by the given strength', () => {
    expect(tint('#1f4e8c', 1)).toBe('#1f4e8c');
    expect(tint('#1f4e8c', 0)).toBe('#ffffff');
    expect(tint('#000000', 0.5)).toBe('#808080');
    expect(tint('#1f4e8c', 0.62)).toBe('#7491b8');
  });

  test('three sets per seat, piled into that seat’s bar, each round’s own costs', () => {
    const bars = costBars(scenario, series);
    expect(bars.map((b) => [b.key, b.stack, b.label, b.data])).toEqual([
      ['cost:us:political', 'us', 'United States · Political', [2, 0, 1.5]],
      ['cost:us:reputational', 'us', 'United States · Reputational', [0, 1, 0]],
      ['cost:us:implementation', 'us', 'United States · Implementation', [10, 12, 8]],
      ['cost:mx:political', 'mx', 'Mexico · Political', [1, 3, 2]],
      ['cost:mx:reputational', 'mx', 'Mexico · Reputational', [0.5, 0.5, 0]],
      ['cost:mx:implementation', 'mx', 'Mexico · Implementation', [20, 25, 30]],
    ]);
    expect(bars.map((b) => b.color)).toEqual(['#1f4e8c', '#7491b8', '#b7c6da', '#1b7f4b', '#72b08f', '#b6d6c5']);
  });
});

describe('arrivals', () => {
  test('the table’s arrivals, and history as a dashed reference with its gaps left open', () => {
    expect(arrivalLines(series)).toEqual([
      { key: 'arrivals', label: 'This game', color: '#1d4ed8', dash: [], marker: 'circle', data: [120000, 90000, 60500] },
      { key: 'history', label: 'What really happened', color: '#374151', dash: HISTORY_DASH, marker: 'rect', data: [99000, null, 95000] },
    ]);
  });

  test('beside a longer game, this one stops where it stopped and history runs on', () => {
    const lines = arrivalLines(series, { label: 'Original game', series: fork });
    expect(lines.map((l) => [l.key, l.label, l.data])).toEqual([
      ['arrivals', 'This game', [120000, 90000, 60500, null]],
      ['history', 'What really happened', [99000, null, 95000, 72000]],
      ['compare', 'Original game', [120000, 80000, 70000, 65000]],
    ]);
    expect(lines[2]?.dash).toEqual(COMPARE_DASH);
  });
});

describe('text alternatives', () => {
  test('the table holds the same numbers as the chart, a gap as null', () => {
    const lines = arrivalLines(series);
    expect(chartTable('Arrivals per round', roundsOf(series), lines)).toEqual({
      caption: 'Arrivals per round',
      columns: ['This game', 'What really happened'],
      rows: [
        { head: 'Round 1', cells: [120000, 99000] },
        { head: 'Round 2', cells: [90000, null] },
        { head: 'Round 3', cells: [60500, 95000] },
      ],
    });
  });

  test('the spoken summary names each line’s first and last figures, skipping gaps', () => {
    expect(lineSummary('Arrivals per round', [1, 2, 3], arrivalLines({ ...series, historicalArrivals: [null, 133000, null] }))).toBe(
      'Arrivals per round. This game: from 120,000 in round 1 to 60,500 in round 3; What really happened: 133,000 in round 2.',
    );
    expect(lineSummary('Approval by round', [1, 2, 3], measureLines(scenario, series, 'approval'), 1)).toBe(
      'Approval by round. United States: from 55 in round 1 to 49 in round 3; Mexico: from 48 in round 1 to 51.3 in round 3.',
    );
    expect(lineSummary('Arrivals per round', [1, 2, 3], arrivalLines({ ...series, historicalArrivals: [null, null, null] }))).toBe(
      'Arrivals per round. This game: from 120,000 in round 1 to 60,500 in round 3; What really happened: no figures.',
    );
  });

  test('the costs summary adds each seat’s costs over the rounds, by kind', () => {
    expect(costSummary(scenario, 'Costs', series)).toBe(
      'Costs. United States: 34.5 in all (Political 3.5, Reputational 1, Implementation 30); Mexico: 82 in all (Political 6, Reputational 1, Implementation 75).',
    );
  });

  test('before the first round resolves, the summaries say there is nothing yet', () => {
    expect(lineSummary('Arrivals per round', roundsOf(empty), arrivalLines(empty))).toBe('Arrivals per round. No round has been resolved yet.');
    expect(costSummary(scenario, 'Costs', empty)).toBe('Costs. No round has been resolved yet.');
    expect(measureLines(scenario, empty, 'score').map((set) => set.data)).toEqual([[], []]);
  });
});
