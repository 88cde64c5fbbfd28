// Why chart.js: it is well kept and widely used, draws on a canvas (fast even with fifty
// lines on one page, where an SVG chart would build thousands of nodes), prints as the
// picture on screen, and tree-shakes to the few parts registered below. A canvas says
// nothing to a screen reader, so every chart here comes with its numbers as a table.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
  type ChartDataset,
  type ChartType,
} from 'chart.js';
import type { GameSeries } from '../../shared/review/schemas.ts';
import type { Scenario } from '../../shared/scenario/schema.ts';
import { locale, t } from '../i18n/index.ts';
import { h } from '../ui/element.ts';
import { seatName } from '../ui/names.ts';
import '../styles/charts.css';
import {
  arrivalLines,
  chartTable,
  costBars,
  costSummary,
  lineSummary,
  MEASURES,
  measureLines,
  measureName,
  roundsOf,
  SEAT_MARKERS,
  type BarSet,
  type LineSet,
  type Measure,
} from './chart-data.ts';
import { createFigure, type ChartMaker, type Figure } from './chart-figure.ts';

Chart.register(LineController, BarController, LineElement, PointElement, BarElement, CategoryScale, LinearScale, Legend, Tooltip);
// Dark ink on white carries to paper; the page's own font keeps charts and text one voice.
Chart.defaults.color = '#1f2937';
Chart.defaults.borderColor = '#d8e0ea';
Chart.defaults.font.family = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

export type Charts = {
  el: HTMLElement;
  update(series: GameSeries, compare?: { label: string; series: GameSeries }): void;
  dispose(): void;
};

export type ChartsOptions = {
  /** False for a page that must be drawn at once (the printed debrief). */
  animate?: boolean;
};

/** Shapes beside seat names in the legend, matching the markers on the lines. */
const MARKER_GLYPH: Record<(typeof SEAT_MARKERS)[number], string> = { circle: '●', rect: '■', triangle: '▲', rectRot: '◆', star: '★' };

function media(query: string): MediaQueryList | null {
  return typeof window.matchMedia === 'function' ? window.matchMedia(query) : null;
}

function intlLocale(): string {
  return locale() === 'es' ? 'es-MX' : 'en-US';
}

function lineDatasets(sets: readonly LineSet[]): ChartDataset<'line', (number | null)[]>[] {
  return sets.map((set) => ({
    label: set.label,
    data: set.data,
    borderColor: set.color,
    // The legend box is the line's stroke alone, so a dashed line shows dashed there too.
    backgroundColor: 'transparent',
    pointBackgroundColor: set.color,
    pointStyle: set.marker,
    pointRadius: 3.5,
    borderWidth: 2,
    borderDash: set.dash,
    spanGaps: false,
    tension: 0,
  }));
}

function barDatasets(sets: readonly BarSet[]): ChartDataset<'bar', (number | null)[]>[] {
  return sets.map((set) => ({ label: set.label, data: set.data, backgroundColor: set.color, borderColor: '#1f2937', borderWidth: 0.5, stack: set.stack, maxBarThickness: 56 }));
}

/**
 * The review charts of one game: its score and indicators by round per seat, each seat's
 * costs by kind, and its arrivals beside history (and beside another game when compared).
 */
export function createCharts(scenario: Scenario, options: ChartsOptions = {}): Charts {
  const reducedMotion = media('(prefers-reduced-motion: reduce)');
  const print = media('print');
  const still = (): boolean => options.animate === false || reducedMotion?.matches === true || print?.matches === true;
  // Paper is printed far finer than a screen shows: draw at least twice the pixels.
  const pixelRatio = Math.max(2, window.devicePixelRatio || 1);
  const make: ChartMaker = (canvas, config) => new Chart(canvas, config);

  const multiples = new Map<Measure, Figure<'line'>>(MEASURES.map((measure) => [measure, createFigure<'line'>('measure', make)]));
  const costs = createFigure<'bar'>('costs', make);
  const arrivals = createFigure<'line'>('arrivals', make);
  const figures: Figure<ChartType>[] = [...multiples.values(), costs, arrivals] as Figure<ChartType>[];

  const legend = h('ul', { class: 'chart-legend' });
  const multiplesTitle = h('figcaption', { class: 'chart-group-title' });
  const empty = h('p', { class: 'chart-empty hint' });
  const group = h('figure', { class: 'chart-group' }, multiplesTitle, legend, h('div', { class: 'chart-grid' }, ...[...multiples.values()].map((f) => f.el)));
  const el = h('div', { class: 'charts' }, empty, group, costs.el, arrivals.el);
  let shown = '';

  function base(aspectRatio: number, legendShown: boolean): NonNullable<ChartConfiguration<'line'>['options']> {
    return {
      responsive: true,
      maintainAspectRatio: true,
      aspectRatio,
      animation: still() ? false : { duration: 250 },
      devicePixelRatio: pixelRatio,
      locale: intlLocale(),
      interaction: { mode: 'index', intersect: false },
      plugins: {
        legend: { display: legendShown, position: 'bottom', labels: { boxWidth: 26, boxHeight: 8, padding: 10 } },
        tooltip: { enabled: true },
      },
      scales: { x: { title: { display: true, text: t('chart.round') } } },
    };
  }

  function update(series: GameSeries, compare?: { label: string; series: GameSeries }): void {
    // The same series in the same language draws the same charts: nothing to redo.
    const key = JSON.stringify([locale(), series, compare ?? null]);
    if (key === shown) return;
    shown = key;
    const own = roundsOf(series);
    const labels = own.map(String);
    const rounds = roundsOf(series, compare?.series);
    empty.textContent = own.length === 0 ? t('chart.empty') : '';
    empty.hidden = own.length > 0;
    // Empty axes say nothing: before the first resolved round only the note shows.
    group.hidden = own.length === 0;
    costs.el.hidden = own.length === 0;
    arrivals.el.hidden = rounds.length === 0;

    multiplesTitle.textContent = t('chart.measuresTitle');
    legend.setAttribute('aria-label', t('chart.legend'));
    legend.replaceChildren(
      ...scenario.seats.map((seat, i) =>
        h(
          'li',
          {},
          h('span', { class: 'chart-swatch', text: MARKER_GLYPH[SEAT_MARKERS[i % SEAT_MARKERS.length] ?? 'circle'], attrs: { style: `color: ${seat.color}`, 'aria-hidden': 'true' } }),
          ' ',
          seatName(scenario, seat.id),
        ),
      ),
    );
    for (const [measure, figure] of multiples) {
      const sets = measureLines(scenario, series, measure);
      const title = measureName(measure);
      const options = base(1.6, false);
      // Indicators share one 0–100 scale so the small charts read against each other.
      options.scales = { ...options.scales, y: measure === 'score' ? { beginAtZero: true } : { min: 0, max: 100 } };
      figure.show({
        title,
        note: null,
        summary: lineSummary(t('chart.measureSummary', { measure: title }), own, sets, 1),
        table: chartTable(t('chart.measureTable', { measure: title }), own, sets),
        config: { type: 'line', data: { labels, datasets: lineDatasets(sets) }, options },
      });
    }

    const bars = costBars(scenario, series);
    const barOptions = base(2.8, true) as NonNullable<ChartConfiguration<'bar'>['options']>;
    barOptions.scales = { x: { stacked: true, title: { display: true, text: t('chart.round') } }, y: { stacked: true, beginAtZero: true, title: { display: true, text: t('chart.costPoints') } } };
    costs.show({
      title: t('chart.costsTitle'),
      note: t('chart.costsNote'),
      summary: costSummary(scenario, t('chart.costsTitle'), series),
      table: chartTable(t('chart.costsTitle'), own, bars),
      config: { type: 'bar', data: { labels, datasets: barDatasets(bars) }, options: barOptions },
    });

    const lines = arrivalLines(series, compare);
    const arrivalOptions = base(2.6, true);
    arrivalOptions.scales = { ...arrivalOptions.scales, y: { beginAtZero: true, title: { display: true, text: t('chart.people') } } };
    arrivals.show({
      title: t('chart.arrivalsTitle'),
      note: t(compare === undefined ? 'chart.arrivalsNote' : 'chart.arrivalsCompareNote', { other: compare?.label ?? '' }),
      summary: lineSummary(t('chart.arrivalsTitle'), rounds, lines),
      table: chartTable(t('chart.arrivalsTitle'), rounds, lines),
      config: { type: 'line', data: { labels: rounds.map(String), datasets: lineDatasets(lines) }, options: arrivalOptions },
    });
  }

  // A printed page is narrower than the screen: redraw for the paper's width, and back.
  const refit = (): void => {
    for (const figure of figures) figure.resize();
  };
  print?.addEventListener('change', refit);
  window.addEventListener('beforeprint', refit);
  window.addEventListener('afterprint', refit);

  return {
    el,
    update,
    dispose: () => {
      print?.removeEventListener('change', refit);
      window.removeEventListener('beforeprint', refit);
      window.removeEventListener('afterprint', refit);
      for (const figure of figures) figure.dispose();
    },
  };
}
