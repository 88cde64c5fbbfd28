import { CHAT_MAX } from '../../shared/rules/moves.ts';
import { t } from '../i18n/index.ts';
import { field, fill, h, setDisabled, uid } from '../ui/element.ts';
import { buildChat, chatLength } from '../ui/move-drafts.ts';
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
  const fieldset = h('fieldset', { class: 'plain' }, field(t('chat.to'), to), field(t('chat.message'), text), counter, h('div', { class: 'actions' }, send));
  const form = h('form', { class: 'chat-form', attrs: { novalidate: true, 'aria-labelledby': headingId } }, fieldset);
  const el = h('section', { class: 'card chat' }, h('h2', { id: headingId, text: t('chat.heading') }), log, form);

  const count = (): void => {
    const length = chatLength(text.value);
    counter.textContent = t('chat.counter', { count: length, max: CHAT_MAX });
    counter.classList.toggle('over', length > CHAT_MAX);
  };
  text.addEventListener('input', count);
  count();

  const submit = (): void => {
    const built = buildChat(to.value, text.value, ctx.version());
    if (!built.ok) return ctx.notify(built.problem);
    ctx.notify(null);
    ctx.send(built.move);
    text.value = '';
    count();
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
    const others = otherSeats(state, ctx.seat);
    if (to.options.length !== others.length) fill(to, ...others.map((id) => h('option', { text: seatName(scenario, id), attrs: { value: id } })));
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
