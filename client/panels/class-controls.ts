import { SessionControl, type SessionView } from '../../shared/session.ts';
import { t } from '../i18n/index.ts';
import { h, uid } from '../ui/element.ts';
import { bindControl, eventOptions, setOptions, type DeskContext } from './desk-context.ts';
import { EXTEND_SECONDS } from './table-card.ts';

/** The longest announcement, from the shared schema. */
const announceSchema = SessionControl.options.find((option) => option.shape.type.value === 'announce');
export const MAX_ANNOUNCEMENT = announceSchema && 'text' in announceSchema.shape ? (announceSchema.shape.text.maxLength ?? 500) : 500;

/** Controls for every table at once: pause, resume, more time, an event, a message to the class. */
export function createClassControls(ctx: DeskContext): { el: HTMLElement; update(view: SessionView): void } {
  const status = h('p', { class: 'form-status', attrs: { role: 'alert' } });
  const pauseAll = h('button', { text: t('desk.pauseAll'), attrs: { type: 'button' } });
  const resumeAll = h('button', { text: t('desk.resumeAll'), attrs: { type: 'button' } });
  const extendAll = h('button', { text: t('desk.extendAll', { seconds: EXTEND_SECONDS }), attrs: { type: 'button' } });
  bindControl(pauseAll, status, () => ({ type: 'pause' }), ctx);
  bindControl(resumeAll, status, () => ({ type: 'resume' }), ctx);
  bindControl(extendAll, status, () => ({ type: 'extend', seconds: EXTEND_SECONDS }), ctx);

  const eventSelect = h('select', {});
  eventSelect.id = uid('event-all');
  setOptions(eventSelect, eventOptions(ctx.scenario));
  const injectAll = h('button', { text: t('desk.injectAll'), attrs: { type: 'button' } });
  bindControl(injectAll, status, () => (eventSelect.value === '' ? null : { type: 'inject', eventId: eventSelect.value }), ctx);

  const text = h('textarea', { attrs: { rows: 2, maxlength: MAX_ANNOUNCEMENT * 2 } });
  text.id = uid('announce');
  const counter = h('p', { class: 'hint counter', id: `${text.id}-count`, attrs: { 'aria-live': 'off' } });
  const textError = h('p', { class: 'field-error', id: `${text.id}-error` });
  text.setAttribute('aria-describedby', counter.id);
  const announce = h('button', { class: 'primary', text: t('desk.announce'), attrs: { type: 'button' } });
  const showCount = (): void => {
    const length = text.value.trim().length;
    counter.textContent = t('chat.counter', { count: length, max: MAX_ANNOUNCEMENT });
    counter.classList.toggle('over', length > MAX_ANNOUNCEMENT);
  };
  const setTextError = (message: string): void => {
    textError.textContent = message;
    if (message) {
      text.setAttribute('aria-invalid', 'true');
      text.setAttribute('aria-describedby', `${counter.id} ${textError.id}`);
    } else {
      text.removeAttribute('aria-invalid');
      text.setAttribute('aria-describedby', counter.id);
    }
  };
  text.addEventListener('input', () => {
    showCount();
    if (text.getAttribute('aria-invalid')) setTextError('');
  });
  bindControl(
    announce,
    status,
    () => {
      const message = text.value.trim();
      if (message === '') setTextError(t('desk.announceEmpty'));
      else if (message.length > MAX_ANNOUNCEMENT) setTextError(t('desk.announceTooLong', { max: MAX_ANNOUNCEMENT }));
      else return { type: 'announce', text: message };
      text.focus();
      return null;
    },
    ctx,
    () => {
      text.value = '';
      showCount();
    },
  );
  showCount();

  const notYet = h('p', { class: 'hint', text: t('desk.notStarted') });
  const el = h(
    'section',
    { class: 'card class-controls', attrs: { 'aria-labelledby': 'controls-h' } },
    h('h2', { id: 'controls-h', text: t('desk.allTables') }),
    notYet,
    h(
      'div',
      { class: 'controls-grid' },
      h(
        'div',
        { class: 'controls-steer' },
        h('div', { class: 'actions' }, pauseAll, resumeAll, extendAll),
        h('div', { class: 'actions inject' }, h('label', { attrs: { for: eventSelect.id }, text: t('desk.event') }), eventSelect, injectAll),
      ),
      h(
        'div',
        { class: 'controls-announce' },
        h('div', { class: 'field announce-field' }, h('label', { attrs: { for: text.id }, text: t('desk.announcement') }), text, counter, textError),
        h('div', { class: 'actions' }, announce),
      ),
    ),
    status,
  );

  return {
    el,
    update(view) {
      const running = view.phase === 'running';
      for (const button of [pauseAll, resumeAll, extendAll, injectAll]) button.disabled = !running || (button === injectAll && ctx.scenario.events.length === 0);
      notYet.hidden = view.phase !== 'lobby';
      // Once the class is over there is nothing left to steer.
      el.hidden = view.phase === 'ended';
    },
  };
}
