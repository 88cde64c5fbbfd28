import type { ClassList } from '../../shared/class-list.ts';
import { SchoolIdBody } from '../../shared/session.ts';
import type { SessionView } from '../../shared/session.ts';
import { t } from '../i18n/index.ts';
import { fetchClassList, saveSchoolId } from '../net/school-ids.ts';
import { fill, h, uid } from '../ui/element.ts';
import { typed } from '../ui/names.ts';

type Row = { el: HTMLElement; input: HTMLInputElement };

/**
 * Each student's id at the school (an SIS or matriculation number), entered by the
 * instructor for the gradebook export. Checked with the shared schema before it is sent;
 * a refused id keeps the field as typed, says why beside it, and changes nothing.
 */
export function createSchoolIds(sessionId: string, secret: string): { el: HTMLElement; update(view: SessionView): void } {
  const headingId = uid('school-ids-h');
  const body = h('tbody', {});
  const empty = h('p', { class: 'muted', text: t('schoolIds.empty') });
  const table = h(
    'table',
    { class: 'school-ids-table', attrs: { hidden: true } },
    h('thead', {}, h('tr', {}, h('th', { text: t('schoolIds.student'), attrs: { scope: 'col' } }), h('th', { text: t('schoolIds.id'), attrs: { scope: 'col' } }))),
    body,
  );
  const problem = h('p', { class: 'form-status', attrs: { role: 'alert' } });
  const el = h(
    'section',
    { class: 'card school-ids', attrs: { 'aria-labelledby': headingId } },
    h('h2', { id: headingId, text: t('schoolIds.heading') }),
    h('p', { class: 'hint', text: t('schoolIds.hint') }),
    empty,
    table,
    problem,
  );
  const rows = new Map<string, Row>();
  let known = '';

  const rowFor = (student: ClassList[number]): Row => {
    const input = h('input', { class: 'school-id', attrs: { type: 'text', autocomplete: 'off', spellcheck: 'false', maxlength: 80, size: 14, value: student.schoolId ?? '' } });
    input.id = uid('school-id');
    input.setAttribute('aria-label', t('schoolIds.idOf', { name: student.name }));
    const error = h('p', { class: 'field-error', id: uid('school-id-err') });
    const saved = h('span', { class: 'hint school-id-saved', attrs: { role: 'status' } });
    const save = h('button', { class: 'secondary', text: t('schoolIds.save'), attrs: { type: 'button', 'aria-label': t('schoolIds.saveOf', { name: student.name }) } });
    const showError = (message: string): void => {
      error.textContent = message;
      saved.textContent = '';
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', error.id);
      input.focus();
    };
    const submit = (): void => {
      const parsed = SchoolIdBody.safeParse({ schoolId: input.value });
      if (!parsed.success) return showError(t('schoolIds.invalid'));
      error.textContent = '';
      input.removeAttribute('aria-invalid');
      input.removeAttribute('aria-describedby');
      save.disabled = true;
      saved.textContent = t('schoolIds.saving');
      saveSchoolId(sessionId, secret, student.studentId, parsed.data)
        .then((stored) => {
          input.value = stored.schoolId ?? '';
          input.dataset.saved = input.value;
          saved.textContent = stored.schoolId === null ? t('schoolIds.cleared') : t('schoolIds.saved');
        })
        .catch((failure: unknown) => showError(t('schoolIds.failed', { message: failure instanceof Error ? failure.message : String(failure) })))
        .finally(() => {
          save.disabled = false;
        });
    };
    save.addEventListener('click', submit);
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') submit();
    });
    input.addEventListener('input', () => (saved.textContent = ''));
    input.dataset.saved = input.value;
    const el = h('tr', {}, h('th', { attrs: { scope: 'row' } }, typed(student.name)), h('td', {}, h('div', { class: 'school-id-row' }, input, save, saved), error));
    return { el, input };
  };

  const load = (): void => {
    fetchClassList(sessionId, secret)
      .then((list) => {
        problem.textContent = '';
        const sorted = [...list].sort((a, b) => a.name.localeCompare(b.name));
        for (const student of sorted) {
          const row = rows.get(student.studentId);
          // An id being typed is kept; one saved elsewhere (at join) shows.
          if (row === undefined) rows.set(student.studentId, rowFor(student));
          else if (row.input.value === row.input.dataset.saved) row.input.value = row.input.dataset.saved = student.schoolId ?? '';
        }
        fill(body, ...sorted.flatMap((student) => rows.get(student.studentId)?.el ?? []));
        table.hidden = sorted.length === 0;
        empty.hidden = sorted.length > 0;
      })
      .catch((failure: unknown) => {
        problem.textContent = t('schoolIds.loadFailed', { message: failure instanceof Error ? failure.message : String(failure) });
      });
  };

  return {
    el,
    update(view) {
      // Asked again only when someone joins (or leaves the list): the ids live in the store, not the live view.
      const ids = view.roster.map((entry) => entry.studentId).sort().join(' ');
      if (ids === known) return;
      known = ids;
      load();
    },
  };
}
