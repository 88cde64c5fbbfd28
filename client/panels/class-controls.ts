import { SessionControl, type SessionView } from '../../shared/session.ts';
import { t } from '../i18n/index.ts';
import { h, uid } from '../ui/element.ts';
import { bindControl, eventOptions, setOptions, situationIs, type DeskContext } from './desk-context.ts';
import { EXTEND_SECONDS } from '../ui/timer-length.ts';

/** The longest announcement, from the shared schema. */
const announceSchema = SessionControl.options.find((option) => option.shape.type.value === 'announce');
export const MAX_ANNOUNCEMENT = announceSchema && 'text' in announceSchema.shape ? (announceSchema.shape.text.maxLength ?? 500) : 500;

/**
 * Start the class. When some seats would have no student, the instructor is first told how
 * many and what happens to them (the class's bot plays them, or the tables wait), and
 * confirms; otherwise the class starts at once.
 */
export function createStart(ctx: DeskContext, status: HTMLElement): { el: HTMLElement; update(view: SessionView): void } {
  const start = h('button', { class: 'primary start', text: t('desk.start'), attrs: { type: 'button' } });
  const yes = h('button', { class: 'primary', text: t('start.yes'), attrs: { type: 'button' } });
  const cancel = h('button', { class: 'ghost', text: t('desk.cancel'), attrs: { type: 'button' } });
  const question = h('p', { class: 'confirm-q' });
  const ask = h('div', { class: 'confirm start-confirm', attrs: { hidden: true, role: 'group', 'aria-label': t('desk.start') } }, question, h('div', { class: 'actions' }, yes, cancel));
  let plan: SessionView['startPlan'] = null;
  const close = (): void => {
    ask.hidden = true;
    start.hidden = false;
  };
  start.addEventListener('click', (event) => {
    if (plan === null || plan.emptySeats === 0) return;
    // Seats would stay empty: say what comes of them before anything starts.
    event.stopImmediatePropagation();
    const bots = plan.bots === null ? t('start.noBots') : t('start.bots', { policy: t(`bot.${plan.bots}`), does: t(`botDoes.${plan.bots}`) });
    question.textContent = `${t('start.empty', { tables: plan.tables, count: plan.emptySeats })} ${bots}`;
    ask.hidden = false;
    start.hidden = true;
    cancel.focus();
  });
  cancel.addEventListener('click', () => {
    close();
    start.focus();
  });
  bindControl(start, status, () => ({ type: 'start' }), ctx);
  bindControl(yes, status, () => ({ type: 'start' }), ctx, close);
  return {
    el: h('span', { class: 'confirmable' }, start, ask),
    update(view) {
      plan = view.startPlan;
      if (view.phase !== 'lobby') {
        ask.hidden = true;
        start.hidden = true;
      } else if (ask.hidden) {
        start.hidden = false;
      }
    },
  };
}

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
      const playing = view.tables.filter((table) => table.phase !== 'ended');
      // An event already in play at every table is listed but not offered.
      setOptions(eventSelect, eventOptions(ctx.scenario, playing));
      for (const button of [pauseAll, resumeAll, extendAll]) button.disabled = !running;
      injectAll.disabled = !running || eventSelect.value === '';
      // A refusal describes the tables as they were: once any has moved on, it is gone.
      situationIs(status, `${view.phase}|${playing.map((x) => `${x.table}:${x.round}:${x.phase}:${x.paused}:${x.events.join(',')}`).join('|')}`);
      notYet.hidden = view.phase !== 'lobby';
      // Once the class is over there is nothing left to steer.
      el.hidden = view.phase === 'ended';
    },
  };
}
