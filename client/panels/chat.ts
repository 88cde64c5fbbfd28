import { CHAT_MAX } from '../../shared/rules/moves.ts';
import { locale, t } from '../i18n/index.ts';
import { browserStorage, draftStore, type DraftStore } from '../net/draft-store.ts';
import { field, fill, h, setDisabled, uid } from '../ui/element.ts';
import { inlineError, refusalsFor } from '../ui/inline-error.ts';
import { buildChat, chatLength, type Problem } from '../ui/move-drafts.ts';
import { refusalProblem } from '../ui/refusal-text.ts';
import { seatColor, seatName } from '../ui/names.ts';
import { otherSeats } from '../ui/phase-controls.ts';
import type { Panel, TableContext, TableFrame } from './table-context.ts';

/** Private talk between seats. Messages are shown as text, never as markup. */
export function createChat(ctx: TableContext): Panel {
  const { scenario } = ctx;
  const headingId = uid('chat');
  const log = h('div', { class: 'chat-log', attrs: { role: 'log', 'aria-live': 'polite', 'aria-labelledby': headingId, tabindex: 0 } });
  const to = h('select', { attrs: { name: 'to' } });
  const text = h('textarea', { attrs: { name: 'message', rows: 3, maxlength: CHAT_MAX * 2 } });
  const counter = h('p', { class: 'hint counter' });
  counter.id = uid('chat-count');
  text.setAttribute('aria-describedby', counter.id);
  const send = h('button', { class: 'primary', text: t('chat.send'), attrs: { type: 'submit' } });
  const textError = inlineError(text);
  const sendError = inlineError(send);
  const refused = refusalsFor(['chat']);
  const fieldset = h(
    'fieldset',
    { class: 'plain' },
    field(t('chat.to'), to),
    field(t('chat.message'), text),
    textError.el,
    counter,
    h('div', { class: 'actions' }, send),
    sendError.el,
  );
  const form = h('form', { class: 'chat-form', attrs: { novalidate: true, 'aria-labelledby': headingId } }, fieldset);
  const el = h('section', { class: 'card chat' }, h('h2', { id: headingId, text: t('chat.heading') }), log, form);

  const count = (): void => {
    const length = chatLength(text.value);
    counter.textContent = t('chat.counter', { count: length, max: CHAT_MAX });
    counter.classList.toggle('over', length > CHAT_MAX);
  };
  let drafts: DraftStore | null = null;
  const keep = (): void => drafts?.write('chat', text.value === '' ? undefined : { to: to.value, text: text.value });
  const clearErrors = (): void => {
    textError.clear();
    sendError.clear();
  };
  /** Beside the message when the text is at fault, beside the button otherwise. */
  const showProblem = (problem: Problem): void => {
    clearErrors();
    (problem.field === 'text' || problem.key.startsWith('refused.chat/') || problem.key.startsWith('refusedWith.chat/') ? textError : sendError).show(t(problem.key, problem.params));
  };
  /** The line last sent: a refusal puts it back, so nothing typed is lost. */
  let sentLine: { to: string; text: string } | null = null;
  text.addEventListener('input', () => {
    count();
    keep();
    clearErrors();
  });
  to.addEventListener('change', keep);
  count();

  const submit = (): void => {
    const built = buildChat(to.value, text.value, ctx.version());
    if (!built.ok) {
      showProblem(built.problem);
      return ctx.notify(built.problem);
    }
    clearErrors();
    ctx.notify(null);
    sentLine = { to: to.value, text: text.value };
    ctx.send(built.move);
    text.value = '';
    count();
    keep();
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit();
  });
  text.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      submit();
    }
  });

  let shownCount = -1;
  function update(frame: TableFrame): void {
    const { state } = frame;
    const refusal = refused(frame.refusal);
    if (refusal) {
      if (sentLine && text.value === '') {
        to.value = sentLine.to;
        text.value = sentLine.text;
        count();
        keep();
      }
      showProblem(refusalProblem(scenario, locale(), refusal));
    }
    const others = otherSeats(state, ctx.seat);
    if (to.options.length !== others.length) fill(to, ...others.map((id) => h('option', { text: seatName(scenario, id), attrs: { value: id } })));
    if (drafts === null && ctx.seat !== null) {
      // The line typed and not sent before a reload or a rejoin.
      drafts = draftStore(browserStorage(), frame.view.gameId, ctx.seat);
      const draft = drafts.read().chat;
      if (draft && text.value === '') {
        if (others.includes(draft.to)) to.value = draft.to;
        text.value = draft.text;
        count();
      }
    }
    setDisabled(fieldset, !frame.controls.chat);
    if (state.chat.length === shownCount) return;
    shownCount = state.chat.length;
    if (state.chat.length === 0) {
      fill(log, h('p', { class: 'empty', text: t('chat.none') }));
      return;
    }
    fill(
      log,
      ...state.chat.map((m) =>
        h(
          'p',
          { class: `chat-line${m.from === ctx.seat ? ' mine' : ''}`, attrs: { style: `--seat:${seatColor(scenario, m.from)}` } },
          h('span', { class: 'chat-meta', text: `${t('chat.line', { from: seatName(scenario, m.from), to: seatName(scenario, m.to) })} · ${t('common.round', { round: m.round })}` }),
          h('span', { class: 'chat-text', text: m.text, attrs: { dir: 'auto' } }),
        ),
      ),
    );
    log.scrollTop = log.scrollHeight;
  }

  return { el, update };
}
