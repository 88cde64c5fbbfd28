import type { SessionReview, TableReview } from '../../shared/review/schemas.ts';
import type { Scenario } from '../../shared/scenario/schema.ts';
import { local, locale, t } from '../i18n/index.ts';
import { HttpError } from '../net/connection.ts';
import { fetchSessionReview } from '../net/compare-api.ts';
import { bearerFor } from '../net/review-api.ts';
import { loadDebrief, scenarioCache, type DebriefSource } from '../review/debrief-source.ts';
import type { TableDebrief } from '../review/table-debrief.ts';
import { addressOf, type Place } from '../ui/address.ts';
import { h, scrollable, type Child } from '../ui/element.ts';
import { formatNumber } from '../ui/format.ts';
import { occupantList, seatWithRole } from '../ui/names.ts';
import '../styles/debrief.css';
import { secretOf } from './classroom.ts';
import type { Screen } from './screen.ts';

/**
 * The printable debriefs: a whole class session's, and one table's. `body[data-debrief-ready]`
 * tells a headless browser printing the page (`npm run debrief`) when everything is drawn:
 * 'true', or 'error' when the page could not be built.
 */

type DebriefPlace = Extract<Place, { kind: 'debrief' }>;
type TableDebriefPlace = Extract<Place, { kind: 'review' }>;

/** The table blocks and their charts (chart.js) load with the first debrief opened, not with every page. */
const drawing = (): Promise<typeof import('../review/table-debrief.ts')> => import('../review/table-debrief.ts');

function setReady(state: 'true' | 'error' | null): void {
  if (state === null) delete document.body.dataset.debriefReady;
  else document.body.dataset.debriefReady = state;
}

function problem(error: unknown): string {
  if (error instanceof HttpError && (error.status === 401 || error.status === 403)) return t('debrief.forbidden');
  if (error instanceof HttpError && error.status === 404) return t('debrief.notFound');
  return t('debrief.failed', { message: error instanceof Error ? error.message : String(error) });
}

function longDate(at: number): string {
  return new Intl.DateTimeFormat(locale() === 'es' ? 'es-MX' : 'en-US', { dateStyle: 'long' }).format(new Date(at));
}

/** The date the class played: its earliest table's creation (a record carries it), else today. */
function dateOf(sources: readonly DebriefSource[]): string {
  const created = sources.flatMap((s) => (s.data.record === null ? [] : [s.data.record.createdAt]));
  return longDate(created.length === 0 ? Date.now() : Math.min(...created));
}

type Page = {
  el: HTMLElement;
  head: HTMLElement;
  body: HTMLElement;
  /** Show the built page, draw what needs the page (charts), then say it is ready. */
  finish(children: Child[], blocks: readonly TableDebrief[]): void;
  fail(message: string): void;
  disposed(): boolean;
  dispose(): void;
};

/** The frame both debriefs share: tools that do not print, a status line, then the content. */
function debriefPage(back: { text: string; place: Place }, go: (place: Place) => void): Page {
  setReady(null);
  let gone = false;
  let shown: readonly TableDebrief[] = [];
  const status = h('p', { class: 'debrief-loading', attrs: { role: 'status' }, text: t('common.loading') });
  const alert = h('p', { class: 'error', attrs: { role: 'alert' } });
  alert.hidden = true;
  const printButton = h('button', { class: 'primary', text: t('debrief.print'), attrs: { type: 'button', disabled: true }, on: { click: () => window.print() } });
  const backLink = h('a', {
    text: back.text,
    attrs: { href: addressOf(back.place) },
    on: {
      click: (event) => {
        event.preventDefault();
        go(back.place);
      },
    },
  });
  const head = h('header', { class: 'debrief-head' });
  const body = h('div', { class: 'debrief-body' });
  const el = h('div', { class: 'debrief-page' }, h('nav', { class: 'debrief-tools', attrs: { 'aria-label': t('debrief.tools') } }, printButton, backLink), head, status, alert, body);

  return {
    el,
    head,
    body,
    finish(children, blocks) {
      if (gone) return;
      shown = blocks;
      status.remove();
      body.replaceChildren(...children.filter((c): c is Node => c instanceof Node));
      for (const block of blocks) block.draw();
      printButton.disabled = false;
      setReady('true');
    },
    fail(message) {
      if (gone) return;
      status.remove();
      alert.textContent = message;
      alert.hidden = false;
      setReady('error');
    },
    disposed: () => gone,
    dispose() {
      gone = true;
      for (const block of shown) block.dispose();
      setReady(null);
    },
  };
}

function tableLabel(source: DebriefSource): string {
  return source.data.session === null ? t('debrief.game', { game: source.data.gameId }) : t('board.table', { table: source.data.session.table });
}

/** One line per table and seat: who played it, the score, and the mean score of its decisions. */
function summaryTable(scenario: Scenario, review: SessionReview): HTMLElement {
  const loc = locale();
  const row = (table: TableReview, seat: string, first: boolean): HTMLTableRowElement => {
    const profile = table.profiles.find((p) => p.seat === seat);
    const names = table.holders[seat] ?? [];
    const label = `${t('board.table', { table: table.table })}${table.finished ? '' : ` ${t('debrief.stillPlaying')}`}`;
    return h(
      'tr',
      { class: first ? 'group-start' : '' },
      first ? h('th', { text: label, attrs: { scope: 'rowgroup', rowspan: scenario.seats.length } }) : null,
      h('th', { text: seatWithRole(scenario, seat), attrs: { scope: 'row' } }),
      h('td', {}, ...occupantList(names, t('debrief.nobody'))),
      h('td', { class: 'num', text: formatNumber(loc, table.scores[seat] ?? 0, 1) }),
      h('td', { class: 'num', text: profile === undefined || profile.decisions === 0 ? t('end.unknown') : formatNumber(loc, profile.meanScore, 0) }),
    );
  };
  const table = h(
    'table',
    { class: 'data debrief-summary' },
    h('caption', { text: t('debrief.summaryCaption') }),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ...[t('debrief.table'), t('end.seat'), t('debrief.players'), t('end.score'), t('debrief.meanDecision')].map((text, i) => h('th', { class: i >= 3 ? 'num' : '', text, attrs: { scope: 'col' } })),
      ),
    ),
    ...review.tables.map((table) => h('tbody', {}, ...scenario.seats.map((seat, i) => row(table, seat.id, i === 0)))),
  );
  return scrollable(t('debrief.summaryCaption'), table);
}

/** The whole class on paper: every table side by side, then each table's own debrief. */
export function debriefScreen(place: DebriefPlace, go: (place: Place) => void): Screen {
  const page = debriefPage({ text: t('debrief.backToDesk'), place: { kind: 'instructor', sessionId: place.sessionId, secret: null } }, go);
  page.head.append(h('h1', { text: t('debrief.sessionTitle') }));
  const secret = secretOf(place);
  if (secret === null) {
    page.fail(t('desk.noSecret'));
    return page;
  }
  void (async () => {
    try {
      const review = await fetchSessionReview(place.sessionId, secret);
      const scenarioOf = scenarioCache();
      const scenario = await scenarioOf(review.scenarioId);
      const [sources, { tableDebrief }] = await Promise.all([Promise.all(review.tables.map((table) => loadDebrief(table.gameId, secret, scenarioOf))), drawing()]);
      if (page.disposed()) return;
      page.head.append(
        h('p', { class: 'debrief-scenario', text: local(scenario.title) }),
        h('p', { class: 'debrief-meta', text: t('debrief.sessionMeta', { code: review.code, date: dateOf(sources), tables: review.tables.length }) }),
      );
      const blocks = sources.map((source, i) => tableDebrief(source, { label: tableLabel(source), holders: review.tables[i]?.holders }));
      const summary = h('section', { class: 'debrief-section debrief-overview', attrs: { 'aria-labelledby': 'debrief-summary-h' } }, h('h2', { id: 'debrief-summary-h', text: t('debrief.summary') }), summaryTable(scenario, review));
      page.finish([summary, ...blocks.map((b) => b.el)], blocks);
    } catch (error) {
      page.fail(problem(error));
    }
  })();
  return page;
}

/** One table's debrief, for printing (`/?review=GAME&debrief`). */
export function tableDebriefScreen(place: TableDebriefPlace, go: (place: Place) => void): Screen {
  const sessionId = place.sessionId;
  const secret = sessionId === null ? null : secretOf({ ...place, sessionId });
  const page = debriefPage({ text: t('debrief.backToReview'), place: { ...place, secret: null, debrief: false } }, go);
  const title = h('h1', { text: t('debrief.tableTitle') });
  page.head.append(title);
  void (async () => {
    try {
      const [source, { tableDebrief }] = await Promise.all([loadDebrief(place.gameId, secret ?? bearerFor(place.gameId, sessionId)), drawing()]);
      if (page.disposed()) return;
      title.textContent = local(source.scenario.title);
      page.head.append(h('p', { class: 'debrief-meta', text: t('debrief.tableMeta', { table: tableLabel(source), date: dateOf([source]) }) }));
      const block = tableDebrief(source, { label: tableLabel(source) });
      page.finish([block.el], [block]);
    } catch (error) {
      page.fail(problem(error));
    }
  })();
  return page;
}
