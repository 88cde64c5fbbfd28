import type { LedgerLine } from '../../shared/review/schemas.ts';
import type { Scenario } from '../../shared/scenario/schema.ts';
import { locale, t } from '../i18n/index.ts';
import { fill, h, scrollable } from '../ui/element.ts';
import { amountWithUnit, describeUse, seatColor, seatName } from '../ui/names.ts';
import { credibilityText, outcomeKey, shortfallText, statusAt, type LedgerStatus } from './ledger-words.ts';

export type LedgerPanel = { el: HTMLElement; update(lines: readonly LedgerLine[], step: number | null): void };

type Row = { line: LedgerLine; tr: HTMLTableRowElement; actual: HTMLElement; outcome: HTMLElement; credibility: HTMLElement; shown: LedgerStatus | null };

const KIND_KEYS = { promise: 'ledger.kind.promise', threat: 'ledger.kind.threat', agreement: 'ledger.kind.agreement' } as const;

/** Badge colours reuse the table's pledge badges: kept and complied green, broken red, the rest neutral. */
const BADGE: Record<LedgerStatus, string> = {
  kept: 'badge-kept',
  complied: 'badge-complied',
  broken: 'badge-broken',
  'partly-kept': 'badge-countered',
  lapsed: 'badge-lapsed',
  pending: 'badge-pending',
  'not-yet': 'badge-pending',
};

/**
 * Every promise, threat and agreement obligation of a game in one table: who gave their
 * word to whom, what it was, how it turned out and what that did to their credibility.
 * Read at a step of the replay, lines not yet settled say so. With `onStep`, each line's
 * steps are buttons that move the replay there (the debrief prints them as plain numbers).
 */
export function createLedgerPanel(scenario: Scenario, onStep?: (step: number) => void): LedgerPanel {
  const summary = h('p', { class: 'ledger-summary' });
  const body = h('tbody');
  const headers = [t('ledger.col.kind'), t('ledger.col.who'), t('ledger.col.what'), t('ledger.col.outcome'), t('ledger.col.credibility'), t('ledger.col.when')];
  const table = h(
    'table',
    { class: 'data ledger-table' },
    h('caption', { text: t('ledger.caption') }),
    h('thead', {}, h('tr', {}, ...headers.map((text, i) => h('th', { text, attrs: { scope: 'col', class: i === 4 ? 'num' : undefined } })))),
    body,
  );
  const empty = h('p', { class: 'muted', text: t('ledger.none') });
  const wrap = scrollable(t('ledger.caption'), table);
  // A long game's ledger runs to dozens of lines: the replay lets the reader narrow it; the debrief prints it whole.
  const kindFilter = h('select', { attrs: { 'aria-label': t('ledger.filterKind') } });
  for (const [value, key] of [['', 'ledger.allKinds'], ['promise', 'ledger.kind.promise'], ['threat', 'ledger.kind.threat'], ['agreement', 'ledger.kind.agreement']] as const) {
    kindFilter.append(h('option', { text: t(key), attrs: { value } }));
  }
  const seatFilter = h('select', { attrs: { 'aria-label': t('ledger.filterSeat') } }, h('option', { text: t('ledger.allSeats'), attrs: { value: '' } }), ...scenario.seats.map((seat) => h('option', { text: seatName(scenario, seat.id), attrs: { value: seat.id } })));
  const madeOnly = h('input', { attrs: { type: 'checkbox' } });
  const filters = h(
    'div',
    { class: 'ledger-filters', attrs: { role: 'group', 'aria-label': t('ledger.filters') } },
    kindFilter,
    seatFilter,
    h('label', { class: 'check' }, madeOnly, ` ${t('ledger.madeOnly')}`),
  );
  filters.hidden = onStep === undefined;
  let lastStep: number | null = null;
  const el = h(
    'section',
    { class: 'card ledger', attrs: { 'aria-labelledby': 'ledger-h' } },
    h('h2', { id: 'ledger-h', text: t('ledger.heading') }),
    h('p', { class: 'hint', text: t('ledger.intro') }),
    summary,
    filters,
    empty,
    wrap,
  );
  let rows: Row[] = [];
  let shownLines: readonly LedgerLine[] | null = null;

  /** "Made in round 1 (step 5)": with `onStep`, the step is a button that moves the replay there. */
  const when = (key: 'ledger.made' | 'ledger.settled', round: number, step: number): HTMLElement => {
    const stepText = t('ledger.step', { step });
    const target =
      onStep === undefined
        ? h('span', { text: stepText })
        : h('button', { class: 'link-button', text: stepText, attrs: { type: 'button', 'aria-label': t('ledger.goTo', { step }) }, on: { click: () => onStep(step) } });
    return h('span', { class: 'ledger-when' }, `${t(key, { round })} `, target);
  };


  const build = (lines: readonly LedgerLine[]): void => {
    rows = lines.map((line) => {
      // What the seat then set is shown once the round that settles the line is over, like its outcome.
      const actual = h('span', { class: 'ledger-actual', text: line.actual === null ? '' : ` · ${t('ledger.actual', { amount: amountWithUnit(scenario, line.instrument, line.actual) })}` });
      const outcome = h('td', { class: 'ledger-outcome' });
      const credibility = h('td', { class: 'num ledger-cred' });
      const steps = h(
        'td',
        { class: 'ledger-steps' },
        line.madeSeq === null ? h('span', { class: 'ledger-when', text: t('ledger.madeRound', { round: line.madeRound }) }) : when('ledger.made', line.madeRound, line.madeSeq),
        line.settledStep === null || line.settledRound === null ? null : when('ledger.settled', line.settledRound, line.settledStep),
      );
      const tr = h(
        'tr',
        { class: `ledger-${line.kind}`, attrs: { style: `--seat:${seatColor(scenario, line.seat)}` } },
        h('th', { text: t(KIND_KEYS[line.kind]), attrs: { scope: 'row' } }),
        h('td', { class: 'ledger-who', text: t('ledger.who', { seat: seatName(scenario, line.seat), counterpart: seatName(scenario, line.counterpart) }) }),
        h('td', { class: 'ledger-what' }, describeUse(scenario, { instrument: line.instrument, amount: line.committed }, line.kind === 'threat'), actual),
        outcome,
        credibility,
        steps,
      );
      return { line, tr, actual, outcome, credibility, shown: null };
    });
    fill(body, ...rows.map((r) => r.tr));
  };

  function update(lines: readonly LedgerLine[], step: number | null): void {
    lastStep = step;
    if (lines !== shownLines) {
      shownLines = lines;
      build(lines);
    }
    empty.hidden = lines.length > 0;
    wrap.hidden = lines.length === 0;
    const loc = locale();
    const counts = new Map<LedgerStatus, number>();
    for (const row of rows) {
      const status = statusAt(row.line, step);
      counts.set(status, (counts.get(status) ?? 0) + 1);
      const line = row.line;
      row.tr.hidden =
        (kindFilter.value !== '' && line.kind !== kindFilter.value) ||
        (seatFilter.value !== '' && line.seat !== seatFilter.value && line.counterpart !== seatFilter.value) ||
        (madeOnly.checked && status === 'not-yet');
      // Scrubbing redraws only the lines whose status the step changed.
      if (status === row.shown) continue;
      row.shown = status;
      row.tr.classList.toggle('not-yet', status === 'not-yet');
      row.actual.hidden = status === 'pending' || status === 'not-yet';
      const shortfall = shortfallText(loc, row.line, step);
      fill(row.outcome, h('span', { class: `badge ${BADGE[status]}`, text: t(outcomeKey(row.line.kind, status)) }), shortfall === null ? null : h('span', { class: 'ledger-why', text: ` ${shortfall}` }));
      const cred = credibilityText(loc, row.line, step);
      row.credibility.textContent = cred;
      row.credibility.className = `num ledger-cred${cred.startsWith('+') ? ' up' : cred.startsWith('−') ? ' down' : ''}`;
    }
    const given = rows.length - (counts.get('not-yet') ?? 0);
    summary.textContent =
      rows.length === 0
        ? ''
        : t('ledger.summary', {
            given,
            kept: (counts.get('kept') ?? 0) + (counts.get('complied') ?? 0),
            broken: (counts.get('broken') ?? 0) + (counts.get('partly-kept') ?? 0),
            pending: counts.get('pending') ?? 0,
          });
  }

  for (const control of [kindFilter, seatFilter, madeOnly]) control.addEventListener('change', () => shownLines !== null && update(shownLines, lastStep));

  return { el, update };
}
