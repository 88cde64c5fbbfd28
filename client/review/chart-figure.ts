import type { Chart, ChartConfiguration, ChartType } from 'chart.js';
import { locale, t } from '../i18n/index.ts';
import { h } from '../ui/element.ts';
import { formatNumber } from '../ui/format.ts';
import type { ChartTable } from './chart-data.ts';

/**
 * One chart as a figure: a caption people read, a canvas whose accessible name says what
 * it shows, and the same numbers as a table for screen readers (a canvas has no text).
 */
export type FigureContent<T extends ChartType> = {
  title: string;
  note: string | null;
  summary: string;
  table: ChartTable;
  config: ChartConfiguration<T, (number | null)[], string>;
};

export type Figure<T extends ChartType> = {
  el: HTMLElement;
  show(content: FigureContent<T>): void;
  /** Fit the drawing to its box again (the page switched to or from print layout). */
  resize(): void;
  dispose(): void;
};

export type ChartMaker = <T extends ChartType>(canvas: HTMLCanvasElement, config: ChartConfiguration<T, (number | null)[], string>) => Chart<T, (number | null)[], string>;

function tableOf(table: ChartTable): HTMLTableElement {
  const loc = locale();
  return h(
    'table',
    { class: 'chart-data' },
    h('caption', { text: table.caption }),
    h('thead', {}, h('tr', {}, h('th', { text: t('chart.round'), attrs: { scope: 'col' } }), ...table.columns.map((column) => h('th', { text: column, attrs: { scope: 'col' } })))),
    h(
      'tbody',
      {},
      ...table.rows.map((row) =>
        h(
          'tr',
          {},
          h('th', { text: row.head, attrs: { scope: 'row' } }),
          ...row.cells.map((cell) => h('td', { text: cell === null ? t('chart.noFigure') : formatNumber(loc, cell, 2) })),
        ),
      ),
    ),
  );
}

export function createFigure<T extends ChartType>(kind: string, make: ChartMaker): Figure<T> {
  const title = h('span', { class: 'chart-title' });
  const note = h('span', { class: 'chart-note' });
  const canvas = h('canvas', { attrs: { role: 'img' } });
  const table = h('div', { class: 'chart-table visually-hidden' });
  const el = h('figure', { class: `chart-figure chart-${kind}` }, h('figcaption', {}, title, note), h('div', { class: 'chart-box' }, canvas), table);
  let chart: Chart<T, (number | null)[], string> | null = null;

  function show(content: FigureContent<T>): void {
    title.textContent = content.title;
    note.textContent = content.note ?? '';
    note.hidden = content.note === null;
    canvas.setAttribute('aria-label', content.summary);
    table.replaceChildren(tableOf(content.table));
    if (chart === null) {
      chart = make(canvas, content.config);
      return;
    }
    // In place, so a scrubbed replay redraws without a new canvas each step.
    chart.data = content.config.data;
    if (content.config.options) chart.options = content.config.options;
    chart.update('none');
  }

  return {
    el,
    show,
    resize: () => chart?.resize(),
    dispose: () => {
      chart?.destroy();
      chart = null;
    },
  };
}
