// chart.js draws the plot on a canvas (tree-shaken to the scatter parts registered below);
// a canvas says nothing to a screen reader or a keyboard, so the same points follow as a
// table with links (outcome-table.ts).
import { Chart, Legend, LinearScale, LineElement, PointElement, ScatterController, Tooltip, type ChartDataset, type Plugin } from 'chart.js';
import type { SessionReview } from '../../shared/review/schemas.ts';
import type { Scenario } from '../../shared/scenario/schema.ts';
import { locale, t } from '../i18n/index.ts';
import type { Place } from '../ui/address.ts';
import { h, uid } from '../ui/element.ts';
import { formatNumber } from '../ui/format.ts';
import { seatName } from '../ui/names.ts';
import { chosenAxes, forkLinks, frontierOf, frontierSteps, plotted, type Axes, type Plotted } from './outcome-data.ts';
import { pointName } from './outcome-names.ts';
import { replayPlace } from './replay-link.ts';

Chart.register(ScatterController, LineElement, PointElement, LinearScale, Legend, Tooltip);

/** Dataset positions; later ones are drawn on top. */
const FRONTIER = 0;
const BOTS = 1;
const HISTORICAL = 2;
const FORKS = 3;
const TABLES = 4;

const INK = {
  frontier: '#15803d',
  bots: '#94a3b8',
  historical: '#b45309',
  fork: '#c2410c',
  table: '#1d4ed8',
  tag: '#0f172a',
} as const;

type Point = { x: number; y: number };
const TAG_HEIGHT = 14;
const TAG_GAP = 11;
/** Room kept around a drawn tag so two never touch. */
const TAG_MARGIN = 3;

/** Where a dot's tag may go, most readable first: above right, below right, above left, below left. */
function tagSpots(x: number, y: number, w: number): { x: number; y: number; w: number; h: number }[] {
  const right = x + TAG_GAP;
  const left = x - TAG_GAP - w;
  const above = y - TAG_GAP - TAG_HEIGHT / 2;
  const below = y + TAG_GAP - TAG_HEIGHT / 2;
  return [
    { x: right, y: above, w, h: TAG_HEIGHT },
    { x: right, y: below, w, h: TAG_HEIGHT },
    { x: left, y: above, w, h: TAG_HEIGHT },
    { x: left, y: below, w, h: TAG_HEIGHT },
  ];
}

export type OutcomePlot = { el: HTMLElement; update(review: SessionReview): void; dispose(): void };

/**
 * The class's outcomes on one plot: each table and fork at two seats' objective scores,
 * with the historical path and every pairing of bot policies for scale, and the Pareto
 * frontier of what the class reached. A table or fork point opens its replay.
 */
export function createOutcomePlot(scenario: Scenario, go: (place: Place) => void): OutcomePlot {
  let review: SessionReview | null = null;
  let axes: Axes | null = chosenAxes(scenario.seats, {});
  let refs: Plotted[][] = [[], [], [], [], []];
  let links: { fork: Plotted; table: Plotted }[] = [];
  let frontier: Plotted[] = [];
  let chart: Chart<'scatter', Point[]> | null = null;

  // Axis choices only when there is a choice to make (three seats or more).
  const xSelect = h('select', {});
  xSelect.id = uid('axis-x');
  const ySelect = h('select', {});
  ySelect.id = uid('axis-y');
  for (const select of [xSelect, ySelect]) {
    select.append(...scenario.seats.map((seat) => h('option', { text: seatName(scenario, seat.id), attrs: { value: seat.id } })));
    select.addEventListener('change', () => {
      axes = chosenAxes(scenario.seats, { x: xSelect.value, y: ySelect.value });
      draw();
    });
  }
  const axisPicker = h(
    'div',
    { class: 'axis-picker', attrs: { hidden: scenario.seats.length < 3 } },
    h('div', { class: 'field' }, h('label', { attrs: { for: xSelect.id }, text: t('compare.plot.x') }), xSelect),
    h('div', { class: 'field' }, h('label', { attrs: { for: ySelect.id }, text: t('compare.plot.y') }), ySelect),
  );

  const canvas = h('canvas', { attrs: { role: 'img' } });
  const frame = h('div', { class: 'outcome-canvas' }, canvas);
  const el = h('figure', { class: 'outcome-figure' }, axisPicker, frame, h('figcaption', { class: 'hint', text: t('compare.plot.caption') }));

  const name = (p: Plotted): string => (review === null ? p.point.label : pointName(scenario, review, p.point));
  const scores = (p: Plotted): string => {
    if (axes === null) return '';
    return `${seatName(scenario, axes.x)} ${formatNumber(locale(), p.x, 1)} · ${seatName(scenario, axes.y)} ${formatNumber(locale(), p.y, 1)}`;
  };

  // Tags beside the tables' dots and the dashed ties from each fork to its table.
  const marks: Plugin<'scatter'> = {
    id: 'outcomeMarks',
    beforeDatasetsDraw(c) {
      const { ctx, scales } = c;
      ctx.save();
      ctx.strokeStyle = INK.fork;
      ctx.lineWidth = 1.5;
      ctx.setLineDash([4, 4]);
      for (const link of links) {
        ctx.beginPath();
        ctx.moveTo(scales.x.getPixelForValue(link.table.x), scales.y.getPixelForValue(link.table.y));
        ctx.lineTo(scales.x.getPixelForValue(link.fork.x), scales.y.getPixelForValue(link.fork.y));
        ctx.stroke();
      }
      ctx.restore();
    },
    afterDatasetsDraw(c) {
      if (review === null) return;
      const { ctx, scales } = c;
      const at = (p: Plotted): Point => ({ x: scales.x.getPixelForValue(p.x), y: scales.y.getPixelForValue(p.y) });
      ctx.save();
      // A ring marks the frontier's games: one alone draws no line.
      ctx.strokeStyle = INK.frontier;
      ctx.lineWidth = 2.5;
      for (const p of frontier) {
        const { x, y } = at(p);
        ctx.beginPath();
        ctx.arc(x, y, 14, 0, 2 * Math.PI);
        ctx.stroke();
      }
      ctx.fillStyle = INK.tag;
      ctx.font = `700 12px ${c.options.font?.family ?? 'system-ui'}`;
      ctx.textBaseline = 'middle';
      const taken: { x: number; y: number; w: number; h: number }[] = [];
      for (const p of refs[TABLES] ?? []) {
        const table = review.tables.find((x) => x.gameId === p.point.gameId);
        if (table === undefined) continue;
        const text = t('compare.plot.tableTag', { table: table.table });
        const w = ctx.measureText(text).width;
        const { x, y } = at(p);
        // The first free corner beside the dot; a tag with none is left to the tooltip and the table.
        const m = TAG_MARGIN;
        const spot = tagSpots(x, y, w).find((box) => !taken.some((o) => box.x < o.x + o.w + m && o.x < box.x + box.w + m && box.y < o.y + o.h + m && o.y < box.y + box.h + m));
        if (spot === undefined) continue;
        taken.push(spot);
        ctx.fillText(text, spot.x, spot.y + spot.h / 2);
      }
      ctx.restore();
    },
  };

  const datasets = (): ChartDataset<'scatter', Point[]>[] => {
    const xy = (group: Plotted[] | undefined): Point[] => (group ?? []).map((p) => ({ x: p.x, y: p.y }));
    return [
      { label: t('compare.plot.frontier'), data: frontierSteps(frontier), showLine: true, borderColor: INK.frontier, backgroundColor: INK.frontier, borderWidth: 2, pointRadius: 0, pointHitRadius: 0, pointHoverRadius: 0, pointStyle: 'line' },
      { label: t('compare.kind.bots'), data: xy(refs[BOTS]), backgroundColor: INK.bots, borderColor: INK.bots, pointRadius: 3, pointHoverRadius: 5 },
      { label: t('compare.kind.historical'), data: xy(refs[HISTORICAL]), backgroundColor: INK.historical, borderColor: INK.historical, pointStyle: 'star', pointRadius: 11, pointHoverRadius: 13, borderWidth: 2 },
      { label: t('compare.kind.fork'), data: xy(refs[FORKS]), backgroundColor: INK.fork, borderColor: '#fff', pointStyle: 'triangle', pointRadius: 8, pointHoverRadius: 10, borderWidth: 1 },
      { label: t('compare.kind.table'), data: xy(refs[TABLES]), backgroundColor: INK.table, borderColor: '#fff', pointRadius: 9, pointHoverRadius: 11, borderWidth: 2 },
    ];
  };

  const openAt = (event: { native: Event | null }): void => {
    if (chart === null || event.native === null || review === null) return;
    const hit = chart.getElementsAtEventForMode(event.native, 'nearest', { intersect: true }, true).find((e) => e.datasetIndex === TABLES || e.datasetIndex === FORKS);
    const point = hit === undefined ? undefined : refs[hit.datasetIndex]?.[hit.index];
    if (point?.point.gameId) go(replayPlace(point.point.gameId, review.sessionId));
  };

  const build = (): Chart<'scatter', Point[]> =>
    new Chart<'scatter', Point[]>(canvas, {
      type: 'scatter',
      data: { datasets: datasets() },
      plugins: [marks],
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        interaction: { mode: 'nearest', intersect: true },
        onClick: openAt,
        onHover(event, elements) {
          const opens = elements.some((e) => e.datasetIndex === TABLES || e.datasetIndex === FORKS);
          if (event.native?.target instanceof HTMLElement) event.native.target.style.cursor = opens ? 'pointer' : 'default';
        },
        scales: {
          x: { type: 'linear', title: { display: true, text: '' } },
          y: { type: 'linear', title: { display: true, text: '' } },
        },
        plugins: {
          legend: { position: 'bottom', labels: { usePointStyle: true, boxHeight: 8 } },
          tooltip: {
            filter: (item) => item.datasetIndex !== FRONTIER,
            callbacks: {
              title: () => '',
              label: (item) => {
                const p = refs[item.datasetIndex]?.[item.dataIndex];
                return p === undefined ? '' : `${name(p)}: ${scores(p)}`;
              },
            },
          },
        },
      },
    });

  function draw(): void {
    if (review === null || axes === null) return;
    if (xSelect.value !== axes.x) xSelect.value = axes.x;
    if (ySelect.value !== axes.y) ySelect.value = axes.y;
    const all = plotted(review.points, axes);
    const of = (kind: Plotted['point']['kind']): Plotted[] => all.filter((p) => p.point.kind === kind);
    refs = [[], of('bots'), of('historical'), of('fork'), of('table')];
    links = forkLinks(review, all);
    frontier = frontierOf(all);
    chart ??= build();
    chart.data.datasets = datasets();
    const xTitle = chart.options.scales?.x?.title;
    const yTitle = chart.options.scales?.y?.title;
    if (xTitle) xTitle.text = t('compare.scoreOf', { seat: seatName(scenario, axes.x) });
    if (yTitle) yTitle.text = t('compare.scoreOf', { seat: seatName(scenario, axes.y) });
    chart.update('none');
    canvas.setAttribute(
      'aria-label',
      t('compare.plot.label', {
        x: seatName(scenario, axes.x),
        y: seatName(scenario, axes.y),
        tables: refs[TABLES]?.length ?? 0,
        forks: refs[FORKS]?.length ?? 0,
        refs: (refs[BOTS]?.length ?? 0) + (refs[HISTORICAL]?.length ?? 0),
      }),
    );
  }

  return {
    el,
    update(next) {
      review = next;
      draw();
    },
    dispose() {
      chart?.destroy();
      chart = null;
    },
  };
}
