import type { RosterEntry, SessionView } from '../../shared/session.ts';
import { t } from '../i18n/index.ts';
import { fill, h, uid } from '../ui/element.ts';
import { seatName } from '../ui/names.ts';
import { bindControl, situationIs, setOptions, type DeskContext } from './desk-context.ts';

/** Where a student is, in words: "Table 2 · Mexico" or "In the lobby". */
export function placeOfStudent(ctx: DeskContext, entry: RosterEntry): string {
  if (entry.table === null) return t('roster.lobby');
  const table = t('board.table', { table: entry.table });
  return entry.seat === null ? table : `${table} · ${seatName(ctx.scenario, entry.seat)}`;
}

/** How many of the class are here now. */
export function rosterCounts(roster: readonly RosterEntry[]): { connected: number; total: number } {
  return { connected: roster.filter((entry) => entry.connected).length, total: roster.length };
}

/** Tables never go past this label, as on the server. */
const MAX_TABLE_LABEL = 100;

/**
 * Where a student can be sent. Once the class runs: its tables, and one more to open. Before
 * the start the tables do not exist yet: enough for the class so far, and one more.
 */
export function moveTargets(view: Pick<SessionView, 'phase' | 'roster' | 'tables'>, seatsPerTable: number): { table: string; fresh: boolean }[] {
  if (view.phase === 'running') {
    const labels = view.tables.map((summary) => ({ table: summary.table, fresh: false }));
    return labels.length < MAX_TABLE_LABEL ? [...labels, { table: String(labels.length + 1), fresh: true }] : labels;
  }
  const chosen = view.roster.map((entry) => Number(entry.table ?? '')).filter((n) => Number.isInteger(n) && n > 0);
  const needed = Math.ceil(view.roster.length / Math.max(1, seatsPerTable));
  const count = Math.min(MAX_TABLE_LABEL, Math.max(needed, ...chosen) + 1);
  return Array.from({ length: count }, (_v, i) => ({ table: String(i + 1), fresh: false }));
}

/**
 * The class list, live: each student's name (always as text: a name is never markup),
 * where they sit and whether they are connected; and moving one student elsewhere.
 */
export function createRoster(ctx: DeskContext): { el: HTMLElement; update(view: SessionView): void } {
  const count = h('p', { class: 'roster-count', attrs: { role: 'status' } });
  const list = h('ul', { class: 'roster-list', attrs: { 'aria-label': t('roster.list') } });

  const student = h('select', {});
  student.id = uid('move-student');
  const table = h('select', {});
  table.id = uid('move-table');
  const seat = h('select', {});
  seat.id = uid('move-seat');
  const move = h('button', { class: 'secondary', text: t('roster.move'), attrs: { type: 'button' } });
  const status = h('p', { class: 'form-status', attrs: { role: 'alert' } });
  setOptions(seat, [{ value: '', label: t('roster.anySeat') }, ...ctx.scenario.seats.map((s) => ({ value: s.id, label: seatName(ctx.scenario, s.id) }))]);
  bindControl(move, status, () => {
    if (student.value === '' || table.value === '') {
      status.textContent = t('roster.pickFirst');
      return null;
    }
    return { type: 'move-student', studentId: student.value, table: table.value, ...(seat.value === '' ? {} : { seat: seat.value }) };
  }, ctx);

  const labelled = (label: string, select: HTMLSelectElement): HTMLElement =>
    h('div', { class: 'field' }, h('label', { attrs: { for: select.id }, text: label }), select);
  const moveForm = h(
    'div',
    { class: 'move-student', attrs: { role: 'group', 'aria-labelledby': 'move-h' } },
    h('h3', { id: 'move-h', text: t('roster.moveHeading') }),
    h('div', { class: 'move-fields' }, labelled(t('roster.student'), student), labelled(t('roster.table'), table), labelled(t('roster.seat'), seat)),
    h('div', { class: 'actions' }, move),
    status,
  );

  const el = h(
    'section',
    { class: 'card roster', attrs: { 'aria-labelledby': 'roster-h' } },
    h('h2', { id: 'roster-h', text: t('roster.heading') }),
    count,
    list,
    moveForm,
  );

  return {
    el,
    update(view) {
      // A failed move described a roster that has since changed (a student moved, the class ended): it no longer applies.
      situationIs(status, `${view.phase}|${view.roster.map((entry) => `${entry.studentId}@${placeOfStudent(ctx, entry)}`).join(',')}`);
      const { connected, total } = rosterCounts(view.roster);
      count.textContent = t('roster.count', { connected, total });
      const sorted = [...view.roster].sort((a, b) => a.name.localeCompare(b.name));
      fill(
        list,
        ...(sorted.length === 0
          ? [h('li', { class: 'empty', text: t('roster.empty') })]
          : sorted.map((entry) =>
              h(
                'li',
                { class: `roster-entry ${entry.connected ? 'online' : 'away'}` },
                h('span', { class: 'presence-dot', attrs: { 'aria-hidden': 'true' } }),
                h('span', { class: 'roster-name', text: entry.name, attrs: { dir: 'auto' } }),
                h('span', { class: 'roster-place', text: placeOfStudent(ctx, entry) }),
                h('span', { class: 'presence', text: t(entry.connected ? 'header.connected' : 'header.disconnected') }),
              ),
            )),
      );
      setOptions(student, [{ value: '', label: t('roster.pickStudent') }, ...sorted.map((entry) => ({ value: entry.studentId, label: entry.name }))]);
      setOptions(table, [
        { value: '', label: t('roster.pickTable') },
        ...moveTargets(view, ctx.scenario.seats.length).map((target) => ({ value: target.table, label: t(target.fresh ? 'roster.newTable' : 'board.table', { table: target.table }) })),
      ]);
      move.disabled = view.roster.length === 0;
      moveForm.hidden = view.phase === 'ended';
    },
  };
}
