import type { GameSeries } from '../../shared/review/schemas.ts';
import { COST_KINDS, INDICATORS, type CostKind, type Scenario } from '../../shared/scenario/schema.ts';
import { locale, t } from '../i18n/index.ts';
import { formatNumber } from '../ui/format.ts';
import { seatColor, seatName } from '../ui/names.ts';

/**
 * What the review charts draw, built from a game's series as plain data: the same sets
 * feed the canvas, its spoken summary and the table a screen reader reads instead.
 */

/** The small multiples: the objective score first, then every indicator. */
export const MEASURES = ['score', ...INDICATORS] as const;
export type Measure = (typeof MEASURES)[number];

/**
 * A marker shape per seat so lines stay apart in grayscale print and for readers who
 * cannot tell the seat colours apart.
 */
export const SEAT_MARKERS = ['circle', 'rect', 'triangle', 'rectRot', 'star'] as const;
export type SeatMarker = (typeof SEAT_MARKERS)[number];

export type LineSet = {
  key: string;
  label: string;
  color: string;
  /** Dash pattern in pixels; empty for a solid line. */
  dash: number[];
  marker: SeatMarker;
  /** Aligned with the chart's rounds; null where there is no figure (drawn as a gap). */
  data: (number | null)[];
};

export type BarSet = {
  key: string;
  label: string;
  color: string;
  /** Bars with the same stack pile up: one pile per seat and round. */
  stack: string;
  data: (number | null)[];
};

/** The text alternative of a chart: a caption, column heads and one row per round. */
export type ChartTable = { caption: string; columns: string[]; rows: { head: string; cells: (number | null)[] }[] };

export const HISTORY_DASH = [6, 4];
export const COMPARE_DASH = [2, 3];

/** How much of the seat's colour each cost kind keeps: political darkest, implementation lightest. */
const KIND_STRENGTH: Record<CostKind, number> = { political: 1, reputational: 0.62, implementation: 0.32 };

const HISTORY_COLOR = '#374151';
const COMPARE_COLOR = '#b45309';
const ARRIVALS_COLOR = '#1d4ed8';

/** The rounds a chart spans: every round either series resolved, in order. */
export function roundsOf(series: GameSeries, compare?: GameSeries): number[] {
  return [...new Set([...series.rounds, ...(compare?.rounds ?? [])])].sort((a, b) => a - b);
}

/** Values put on the chart's rounds: a round the series lacks is a gap, never a zero. */
export function alignTo(rounds: readonly number[], seriesRounds: readonly number[], values: readonly (number | null)[]): (number | null)[] {
  return rounds.map((round) => {
    const i = seriesRounds.indexOf(round);
    return i === -1 ? null : (values[i] ?? null);
  });
}

function markerOf(index: number): SeatMarker {
  return SEAT_MARKERS[index % SEAT_MARKERS.length] ?? 'circle';
}

function measureValues(series: GameSeries, seat: string, measure: Measure): readonly number[] {
  if (measure === 'score') return series.scores[seat] ?? [];
  return series.indicators[seat]?.[measure] ?? [];
}

export function measureName(measure: Measure): string {
  return measure === 'score' ? t('chart.score') : t(`indicator.${measure}`);
}

/** One line per seat, in the scenario's seat order, in the seat's own colour. */
export function measureLines(scenario: Scenario, series: GameSeries, measure: Measure): LineSet[] {
  const rounds = roundsOf(series);
  return scenario.seats.map((seat, i) => ({
    key: `${measure}:${seat.id}`,
    label: seatName(scenario, seat.id),
    color: seat.color,
    dash: [],
    marker: markerOf(i),
    data: alignTo(rounds, series.rounds, measureValues(series, seat.id, measure)),
  }));
}

/** `#rrggbb` mixed with white: `strength` 1 keeps the colour, 0 is white. */
export function tint(hex: string, strength: number): string {
  const channel = (at: number): string => {
    const value = Number.parseInt(hex.slice(at, at + 2), 16);
    return Math.round(255 - (255 - value) * strength)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${channel(1)}${channel(3)}${channel(5)}`;
}

/** Each seat's costs of each kind in each round: three sets per seat, piled into the seat's bar. */
export function costBars(scenario: Scenario, series: GameSeries): BarSet[] {
  const rounds = roundsOf(series);
  return scenario.seats.flatMap((seat) =>
    COST_KINDS.map((kind) => ({
      key: `cost:${seat.id}:${kind}`,
      label: t('chart.seatKind', { seat: seatName(scenario, seat.id), kind: t(`cost.${kind}`) }),
      color: tint(seatColor(scenario, seat.id), KIND_STRENGTH[kind]),
      stack: seat.id,
      data: alignTo(rounds, series.rounds, series.costs[seat.id]?.[kind] ?? []),
    })),
  );
}

/**
 * Arrivals at this table, the scenario's history as a dashed reference (its gaps left
 * open), and another game's arrivals when compared (a fork beside its original).
 */
export function arrivalLines(series: GameSeries, compare?: { label: string; series: GameSeries }): LineSet[] {
  const rounds = roundsOf(series, compare?.series);
  // History is the same for both games of a comparison: the longer one carries more of it.
  const longer = compare !== undefined && compare.series.rounds.length > series.rounds.length ? compare.series : series;
  const sets: LineSet[] = [
    { key: 'arrivals', label: t('chart.thisGame'), color: ARRIVALS_COLOR, dash: [], marker: 'circle', data: alignTo(rounds, series.rounds, series.arrivals) },
    { key: 'history', label: t('chart.history'), color: HISTORY_COLOR, dash: HISTORY_DASH, marker: 'rect', data: alignTo(rounds, longer.rounds, longer.historicalArrivals) },
  ];
  if (compare !== undefined) {
    sets.push({ key: 'compare', label: compare.label, color: COMPARE_COLOR, dash: COMPARE_DASH, marker: 'triangle', data: alignTo(rounds, compare.series.rounds, compare.series.arrivals) });
  }
  return sets;
}

function show(value: number, digits: number): string {
  return formatNumber(locale(), value, digits);
}

/** "Mexico: from 50 in round 1 to 62 in round 6", skipping the rounds without a figure. */
function lineSentence(set: { label: string; data: readonly (number | null)[] }, rounds: readonly number[], digits: number): string {
  const known = set.data.flatMap((value, i) => (value === null ? [] : [{ value, round: rounds[i] ?? i + 1 }]));
  const first = known[0];
  const last = known[known.length - 1];
  if (first === undefined || last === undefined) return t('chart.sayNone', { label: set.label });
  if (known.length === 1) return t('chart.sayOne', { label: set.label, value: show(first.value, digits), round: first.round });
  return t('chart.sayLine', { label: set.label, first: show(first.value, digits), from: first.round, last: show(last.value, digits), to: last.round });
}

/** What a line chart shows, in one paragraph for the canvas's accessible name. */
export function lineSummary(title: string, rounds: readonly number[], sets: readonly LineSet[], digits = 0): string {
  if (rounds.length === 0) return `${title}. ${t('chart.empty')}`;
  return `${title}. ${sets.map((set) => lineSentence(set, rounds, digits)).join('; ')}.`;
}

/** The costs chart in words: each seat's total over the rounds shown, by kind. */
export function costSummary(scenario: Scenario, title: string, series: GameSeries): string {
  if (series.rounds.length === 0) return `${title}. ${t('chart.empty')}`;
  const sum = (values: readonly number[] | undefined): number => (values ?? []).reduce((a, b) => a + b, 0);
  const parts = scenario.seats.map((seat) => {
    const costs = series.costs[seat.id];
    const kinds = COST_KINDS.map((kind) => t('chart.kindAmount', { kind: t(`cost.${kind}`), amount: show(sum(costs?.[kind]), 1) }));
    const total = COST_KINDS.reduce((a, kind) => a + sum(costs?.[kind]), 0);
    return t('chart.sayCosts', { label: seatName(scenario, seat.id), total: show(total, 1), kinds: kinds.join(', ') });
  });
  return `${title}. ${parts.join('; ')}.`;
}

/** The same numbers as the chart, one row per round and one column per set. */
export function chartTable(caption: string, rounds: readonly number[], sets: readonly { label: string; data: readonly (number | null)[] }[]): ChartTable {
  return {
    caption,
    columns: sets.map((set) => set.label),
    rows: rounds.map((round, i) => ({ head: t('common.round', { round }), cells: sets.map((set) => set.data[i] ?? null) })),
  };
}
