import { JoinSessionBody, SchoolId } from '../../shared/session.ts';
import { t, type MessageKey } from '../i18n/index.ts';
import { HttpError } from '../net/connection.ts';
import { joinSession } from '../net/session.ts';
import { rememberStudent, type StudentIdentity } from '../net/session-store.ts';
import { addressOf, cleanCode, codeProblem, type CodeProblem } from '../ui/address.ts';
import { displayNameProblem } from '../ui/class-form.ts';
import { h, uid } from '../ui/element.ts';
import type { Screen } from './screen.ts';

const CODE_MESSAGES: Record<CodeProblem, MessageKey> = {
  empty: 'classJoin.codeRequired',
  length: 'classJoin.codeLength',
  letters: 'classJoin.codeLetters',
};

/**
 * A student joins a class with the code on the instructor's screen and a display name.
 * The token the server returns is kept in this browser: coming back needs no typing.
 */
export function joinCodeScreen(initialCode: string, onJoined: (identity: StudentIdentity) => void, after?: { notice: string; lastGame: string | undefined }): Screen {
  let disposed = false;

  const input = (name: string, attrs: Record<string, string | number | boolean>): { input: HTMLInputElement; hint: HTMLElement; error: HTMLElement } => {
    const el = h('input', { attrs: { type: 'text', name, ...attrs } });
    el.id = uid(name);
    const hint = h('p', { class: 'hint', id: `${el.id}-hint` });
    const error = h('p', { class: 'field-error', id: `${el.id}-error` });
    el.setAttribute('aria-describedby', hint.id);
    return { input: el, hint, error };
  };

  const code = input('code', { autocomplete: 'off', autocapitalize: 'characters', spellcheck: 'false', maxlength: 12, value: initialCode });
  code.input.classList.add('code-input');
  code.hint.textContent = t('classJoin.codeHint');
  const name = input('name', { autocomplete: 'nickname', maxlength: 60 });
  name.hint.textContent = t('classJoin.nameHint');
  // Optional: the id the school knows the student by, for the instructor's gradebook.
  const schoolId = input('school-id', { autocomplete: 'off', spellcheck: 'false', maxlength: 80 });
  schoolId.hint.textContent = t('classJoin.schoolIdHint');
  const schoolIdProblem = (): MessageKey | null => (SchoolId.safeParse(schoolId.input.value).success ? null : 'classJoin.schoolIdInvalid');
  const formStatus = h('p', { class: 'form-status', attrs: { role: 'alert' }, text: after?.notice ?? '' });
  // A class that has closed still keeps its games: the student can read how theirs ended.
  const lastGame = after?.lastGame;
  const results = lastGame === undefined ? null : h('p', {}, h('a', { text: t('classJoin.lastGame'), attrs: { href: addressOf({ kind: 'game', gameId: lastGame }) } }));
  const busy = h('p', { class: 'hint', attrs: { role: 'status' } });
  const submit = h('button', { class: 'primary', text: t('classJoin.button'), attrs: { type: 'submit' } });

  const setError = (field: typeof code, key: MessageKey | null, text?: string): void => {
    field.error.textContent = text ?? (key ? t(key) : '');
    if (field.error.textContent !== '') {
      field.input.setAttribute('aria-invalid', 'true');
      field.input.setAttribute('aria-describedby', `${field.hint.id} ${field.error.id}`);
    } else {
      field.input.removeAttribute('aria-invalid');
      field.input.setAttribute('aria-describedby', field.hint.id);
    }
  };

  const checkCode = (): MessageKey | null => {
    const problem = codeProblem(code.input.value);
    return problem === null ? null : CODE_MESSAGES[problem];
  };

  // Upper case as the student types, keeping the caret where it was.
  code.input.addEventListener('input', () => {
    const { selectionStart, selectionEnd, value } = code.input;
    const upper = value.toUpperCase();
    if (upper !== value) {
      code.input.value = upper;
      code.input.setSelectionRange(selectionStart, selectionEnd);
    }
    if (code.input.getAttribute('aria-invalid')) setError(code, checkCode());
  });
  name.input.addEventListener('input', () => {
    if (name.input.getAttribute('aria-invalid')) setError(name, displayNameProblem(name.input.value));
  });

  const form = h(
    'form',
    { attrs: { novalidate: true } },
    h('div', { class: 'field' }, h('label', { attrs: { for: code.input.id }, text: t('classJoin.code') }), code.input, code.hint, code.error),
    h('div', { class: 'field' }, h('label', { attrs: { for: name.input.id }, text: t('classJoin.name') }), name.input, name.hint, name.error),
    h('div', { class: 'field' }, h('label', { attrs: { for: schoolId.input.id }, text: t('classJoin.schoolId') }), schoolId.input, schoolId.hint, schoolId.error),
    formStatus,
    results,
    busy,
    h('div', { class: 'actions' }, submit, h('a', { class: 'back-link', text: t('join.back'), attrs: { href: '/' } })),
  );

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const codeKey = checkCode();
    const nameKey = displayNameProblem(name.input.value);
    const schoolIdKey = schoolIdProblem();
    setError(code, codeKey);
    setError(name, nameKey);
    setError(schoolId, schoolIdKey);
    formStatus.textContent = '';
    if (codeKey) return code.input.focus();
    if (nameKey) return name.input.focus();
    if (schoolIdKey) return schoolId.input.focus();
    const typedId = schoolId.input.value.trim();
    const body = JoinSessionBody.safeParse({ code: cleanCode(code.input.value), name: name.input.value, ...(typedId === '' ? {} : { schoolId: typedId }) });
    if (!body.success) return setError(code, 'classJoin.codeLetters');
    submit.disabled = true;
    busy.textContent = t('classJoin.joining');
    joinSession(body.data)
      .then((joined) => {
        const identity: StudentIdentity = { ...joined, name: body.data.name, code: body.data.code };
        rememberStudent(identity);
        if (!disposed) onJoined(identity);
      })
      .catch((error: unknown) => {
        if (disposed) return;
        submit.disabled = false;
        busy.textContent = '';
        showRefusal(error);
      });
  });

  /** The server's answer, next to the field it is about. */
  const showRefusal = (error: unknown): void => {
    const status = error instanceof HttpError ? error.status : 0;
    if (status === 404) {
      setError(code, 'classJoin.unknownCode');
      code.input.focus();
    } else if (status === 409) {
      setError(name, 'classJoin.nameTaken');
      name.input.focus();
    } else if (status === 429) {
      formStatus.textContent = t('classJoin.rateLimited');
    } else {
      formStatus.textContent = t('classJoin.failed', { message: error instanceof Error ? error.message : String(error) });
    }
  };

  const el = h(
    'div',
    { class: 'join' },
    h('section', { class: 'card join-card narrow' }, h('h1', { text: t('classJoin.heading') }), h('p', { class: 'muted', text: t('classJoin.intro') }), form),
  );
  // A code from the link is already there: the name is what is left to type.
  queueMicrotask(() => (checkCode() === null ? name.input : code.input).focus());

  return {
    el,
    dispose: () => {
      disposed = true;
    },
  };
}
