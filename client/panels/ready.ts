import { t } from '../i18n/index.ts';
import { h, setDisabled } from '../ui/element.ts';
import { seatName } from '../ui/names.ts';
import { waitingFor } from '../ui/phase-controls.ts';
import type { Panel, TableContext, TableFrame } from './table-context.ts';

/** "I am done with this phase": the table moves on when every seat is ready or the timer runs out. */
export function createReady(ctx: TableContext): Panel {
  const button = h('button', {
    class: 'primary ready-button',
    text: t('ready.button'),
    attrs: { type: 'button' },
    on: { click: () => ctx.send({ type: 'ready', version: ctx.version() }) },
  });
  const state = h('p', { class: 'ready-state', attrs: { role: 'status' } });
  const help = h('p', { class: 'hint' });
  const el = h('section', { class: 'card ready-card', attrs: { 'aria-label': t('ready.button') } }, button, h('div', { class: 'ready-text' }, state, help));

  function update(frame: TableFrame): void {
    setDisabled(button, !frame.controls.ready);
    const phase = frame.state.phase;
    const waiting = waitingFor(frame.state);
    const mine = ctx.seat === null ? undefined : frame.state.seats[ctx.seat];
    const done = phase === 'decision' ? mine?.submitted : mine?.ready;
    let text = '';
    if (phase !== 'ended' && done) {
      const others = waiting.filter((id) => id !== ctx.seat).map((id) => seatName(ctx.scenario, id));
      text = others.length > 0 ? t('ready.done', { seats: others.join(', ') }) : t('ready.all');
    }
    if (state.textContent !== text) state.textContent = text;
    help.textContent = phase === 'decision' ? t('ready.decisionHelp') : t('ready.help');
    el.hidden = phase === 'ended';
  }

  return { el, update };
}
