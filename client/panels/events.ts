import { local, t } from '../i18n/index.ts';
import { fill, h } from '../ui/element.ts';
import type { Panel, TableContext, TableFrame } from './table-context.ts';

/** The news revealed this round (scripted or drawn from the seed). */
export function createEvents(ctx: TableContext): Panel {
  const list = h('ul', { class: 'event-list' });
  const el = h('section', { class: 'card events', attrs: { 'aria-labelledby': 'events-h' } }, h('h2', { id: 'events-h', text: t('events.heading') }), list);
  let shown = '';

  function update(frame: TableFrame): void {
    const key = `${frame.state.round}:${frame.state.events.join(',')}`;
    if (key === shown) return;
    shown = key;
    const events = frame.state.events.map((id) => ctx.scenario.events.find((e) => e.id === id)).filter((e) => e !== undefined);
    if (events.length === 0) {
      fill(list, h('li', { class: 'empty', text: t('events.none') }));
      return;
    }
    fill(list, ...events.map((e) => h('li', { class: 'event' }, h('h3', { text: local(e.title) }), h('p', { text: local(e.text) }))));
  }

  return { el, update };
}
