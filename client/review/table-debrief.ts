import { Aim, InstrumentClass } from '../../shared/framework.ts';
import { seriesOf } from '../../shared/review/series.ts';
import { COST_KINDS, type Scenario } from '../../shared/scenario/schema.ts';
import type { FrameworkCard, Label } from '../../shared/scoring/card.ts';
import { profileOf, type Profile } from '../../shared/scoring/profile.ts';
import { locale, t } from '../i18n/index.ts';
import { cardView, costScale } from '../panels/card-view.ts';
import { describeMove } from '../panels/card-words.ts';
import { h, scrollable, uid, type Child } from '../ui/element.ts';
import { formatNumber, formatPercent } from '../ui/format.ts';
import { occupantList, seatName, seatWithRole } from '../ui/names.ts';
import { createCharts } from './charts.ts';
import type { DebriefSource } from './debrief-source.ts';
import { createLedgerPanel } from './ledger-panel.ts';
import { historyTable } from '../ui/history-table.ts';

export type TableDebrief = {
  el: HTMLElement;
  /** Draw the charts: call once `el` is in the document (with animation off, chart.js draws at once). */
  draw(): void;
  dispose(): void;
};

export type TableDebriefOptions = {
  /** "Table 2", or the game's own name when it sat at no class table. */
  label: string;
  /** Students' names per seat, when the class knows them (several may share a seat). */
  holders?: Record<string, string[]>;
};

const LABEL_MARK: Record<Label, string> = { best: '★', good: '✓', inaccuracy: '?!', mistake: '?', blunder: '??' };

function section(title: string, ...children: (Node | null)[]): HTMLElement {
  const id = uid('debrief-s');
  return h('section', { class: 'debrief-section', attrs: { 'aria-labelledby': id } }, h('h3', { id, text: title }), ...children);
}

function headRow(...cells: { text: string; num?: boolean }[]): HTMLTableRowElement {
  return h('tr', {}, ...cells.map((cell) => h('th', { class: cell.num ? 'num' : '', text: cell.text, attrs: { scope: 'col' } })));
}

function players(source: DebriefSource, options: TableDebriefOptions, seat: string): Child[] {
  const names = options.holders?.[seat] ?? (source.data.occupants[seat] === undefined ? [] : [source.data.occupants[seat]]);
  return occupantList(names, t('debrief.nobody'));
}

/** Who sat where, their score now, and how the framework scored their decisions on average. */
function scoresTable(source: DebriefSource, options: TableDebriefOptions, profiles: Map<string, Profile>): HTMLElement {
  const { scenario, state, data } = source;
  const loc = locale();
  const caption = data.finished ? t('debrief.finalScores') : t('debrief.scoresNow');
  const table = h(
    'table',
    { class: 'data debrief-scores' },
    h('caption', { text: caption }),
    h('thead', {}, headRow({ text: t('end.seat') }, { text: t('debrief.players') }, { text: t('end.score'), num: true }, { text: t('debrief.meanDecision'), num: true })),
    h(
      'tbody',
      {},
      ...scenario.seats.map((seat) => {
        const profile = profiles.get(seat.id);
        return h(
          'tr',
          {},
          h('th', { text: seatWithRole(scenario, seat.id), attrs: { scope: 'row' } }),
          h('td', {}, ...players(source, options, seat.id)),
          h('td', { class: 'num', text: formatNumber(loc, state.seats[seat.id]?.score ?? 0, 1) }),
          h('td', { class: 'num', text: profile === undefined || profile.decisions === 0 ? t('end.unknown') : formatNumber(loc, profile.meanScore, 0) }),
        );
      }),
    ),
  );
  return scrollable(caption, table);
}

/** Each seat's way of playing, one column per seat so a page holds three seats and more. */
function profileTable(scenario: Scenario, profiles: readonly Profile[]): HTMLElement {
  const loc = locale();
  const row = (head: string, cell: (p: Profile) => string, group = false): HTMLTableRowElement =>
    h('tr', { class: group ? 'group-start' : '' }, h('th', { text: head, attrs: { scope: 'row' } }), ...profiles.map((p) => h('td', { class: 'num', text: cell(p) })));
  const table = h(
    'table',
    { class: 'data debrief-profiles' },
    h('caption', { text: t('debrief.profiles') }),
    h('thead', {}, headRow({ text: t('debrief.measure') }, ...profiles.map((p) => ({ text: seatName(scenario, p.seat), num: true })))),
    h(
      'tbody',
      {},
      row(t('debrief.decisions'), (p) => formatNumber(loc, p.decisions)),
      row(t('debrief.meanDecision'), (p) => (p.decisions === 0 ? t('end.unknown') : formatNumber(loc, p.meanScore, 0))),
      ...InstrumentClass.options.map((k, i) => row(t('debrief.instrumentShare', { instrument: t(`framework.instrument.${k}`) }), (p) => formatPercent(loc, p.instruments[k] ?? 0), i === 0)),
      ...Aim.options.map((k, i) => row(t('debrief.aimShare', { aim: t(`framework.aim.${k}`) }), (p) => formatPercent(loc, p.aims[k] ?? 0), i === 0)),
      ...COST_KINDS.map((k, i) => row(t('debrief.costTotal', { kind: t(`cost.${k}`) }), (p) => formatNumber(loc, p.costs[k], 1), i === 0)),
    ),
  );
  return h('div', {}, scrollable(t('debrief.profiles'), table), h('p', { class: 'hint', text: t('debrief.profilesHint') }));
}

/** The decisions that moved each seat's outcome most, with their whole cards open. */
function turningPoints(source: DebriefSource, profiles: readonly Profile[]): HTMLElement {
  const { scenario, data } = source;
  const scale = costScale(data.cards);
  const groups = profiles
    .filter((p) => p.turningPoints.length > 0)
    .map((p) => {
      const cards = p.turningPoints.flatMap((point) => data.cards.filter((card) => card.seq === point.seq));
      return h(
        'div',
        { class: 'debrief-turning' },
        h('h4', { text: seatWithRole(scenario, p.seat) }),
        h(
          'ol',
          { class: 'fw-list' },
          ...cards.map((card) => {
            const view = cardView(scenario, source.before?.(card.seq) ?? source.state, card, scale);
            view.details.open = true;
            return h('li', {}, view.el);
          }),
        ),
      );
    });
  return groups.length === 0 ? h('p', { class: 'muted', text: t('debrief.noTurning') }) : h('div', {}, h('p', { class: 'hint', text: t('debrief.turningHint') }), ...groups);
}

/** Every scored decision in the order it was made, one line each. */
function decisionsTable(source: DebriefSource, cards: readonly FrameworkCard[]): HTMLElement {
  const { scenario } = source;
  if (cards.length === 0) return h('p', { class: 'muted', text: t('debrief.noDecisions') });
  const loc = locale();
  const table = h(
    'table',
    { class: 'data debrief-decisions' },
    h('caption', { text: t('debrief.decisionsCaption') }),
    h(
      'thead',
      {},
      headRow({ text: t('end.round') }, { text: t('end.seat') }, { text: t('debrief.decision') }, { text: t('cards.instrument') }, { text: t('cards.aim') }, { text: t('cards.score'), num: true }, { text: t('debrief.verdict') }),
    ),
    h(
      'tbody',
      {},
      ...cards.map((card) => {
        const c = card.classification;
        const label = card.evaluation.label;
        return h(
          'tr',
          { class: `label-${label}` },
          h('td', { class: 'num', text: String(card.round) }),
          h('th', { text: seatName(scenario, card.seat), attrs: { scope: 'row' } }),
          h('td', { text: describeMove(scenario, source.before?.(card.seq) ?? null, card.move) }),
          h('td', { text: t(`framework.instrument.${c.instrument}`) }),
          h('td', { text: c.aim === null ? t('cards.noAim') : t(`framework.aim.${c.aim}`) }),
          h('td', { class: 'num', text: formatNumber(loc, card.evaluation.score, 0) }),
          h('td', { class: 'verdict' }, h('span', { class: 'fw-mark', text: LABEL_MARK[label], attrs: { 'aria-hidden': 'true' } }), ` ${t(`label.${label}`)}`),
        );
      }),
    ),
  );
  return scrollable(t('debrief.decisionsCaption'), table);
}

const ID_REFERENCES = ['aria-labelledby', 'aria-describedby', 'aria-controls', 'for'] as const;

/**
 * Panels and cards name their parts after a seat or a record seq, which two tables of one
 * class share: a page with every table gives each id a new one and points references at it.
 */
function uniqueIds(root: HTMLElement): void {
  const renamed = new Map<string, string>();
  for (const node of root.querySelectorAll<HTMLElement>('[id]')) {
    const fresh = uid(node.id);
    renamed.set(node.id, fresh);
    node.id = fresh;
  }
  for (const node of [root, ...root.querySelectorAll<HTMLElement>(ID_REFERENCES.map((name) => `[${name}]`).join(','))]) {
    for (const name of ID_REFERENCES) {
      const value = node.getAttribute(name);
      if (value !== null) node.setAttribute(name, value.split(/\s+/).map((id) => renamed.get(id) ?? id).join(' '));
    }
  }
}

function statusLine(source: DebriefSource): string {
  const { state, data, scenario } = source;
  const played = state.history.length;
  if (data.finished) return t('debrief.finished', { rounds: played, total: scenario.rounds.length });
  return t('debrief.inPlay', { round: state.round, total: scenario.rounds.length, phase: t(`phase.${state.phase}`) });
}

/**
 * One table's debrief on paper: who sat where and how it ended, the path beside history,
 * the charts, every commitment and what became of it, each seat's profile, the turning
 * points with their cards, and every decision in order. A seat reading during play sees
 * only what its own view holds, and is told so.
 */
export function tableDebrief(source: DebriefSource, options: TableDebriefOptions): TableDebrief {
  const { scenario, data, state } = source;
  const cards = [...data.cards].sort((a, b) => a.seq - b.seq);
  const seats = data.access === 'seat' && data.seat !== null ? [data.seat] : scenario.seats.map((s) => s.id);
  const profiles = seats.map((seat) => profileOf(seat, cards));
  const bySeat = new Map(profiles.map((p) => [p.seat, p]));

  const charts = createCharts(scenario, { animate: false });
  const ledger = createLedgerPanel(scenario);
  // On its own page the ledger is a top section; here it is one section of a table's debrief.
  const ledgerHeading = ledger.el.querySelector('h2');
  if (ledgerHeading !== null) ledgerHeading.replaceWith(h('h3', { id: ledgerHeading.id, text: ledgerHeading.textContent ?? '' }));

  const headingId = uid('debrief-table');
  const origin = data.parent === null ? null : h('p', { class: 'debrief-origin', text: t('debrief.forkOf', { game: data.parent.gameId, step: data.parent.step }) });
  const seatNote = data.access === 'seat' ? h('p', { class: 'notice debrief-seat-note', attrs: { role: 'note' }, text: t('debrief.seatOnly') }) : null;
  const el = h(
    'article',
    { class: 'debrief-table', attrs: { 'aria-labelledby': headingId, 'data-game': data.gameId } },
    h('header', { class: 'debrief-table-head' }, h('h2', { id: headingId, text: options.label }), h('p', { class: 'debrief-status', text: statusLine(source) }), origin, seatNote),
    section(t('debrief.whoAndScores'), scoresTable(source, options, bySeat)),
    section(t('debrief.path'), historyTable(scenario, state, { className: 'debrief-history', hereHeading: 'debrief.arrivalsHere' })),
    section(t('debrief.charts'), charts.el),
    ledger.el,
    section(t('debrief.profilesHeading'), profileTable(scenario, profiles)),
    section(t('debrief.turningHeading'), turningPoints(source, profiles)),
    section(t('debrief.decisionsHeading'), decisionsTable(source, cards)),
  );
  ledger.update(data.ledger, null);
  uniqueIds(el);
  return {
    el,
    // Charts size themselves from their box, so they are drawn once the block is on the page.
    draw: () => charts.update(seriesOf(scenario, state)),
    dispose: () => charts.dispose(),
  };
}
