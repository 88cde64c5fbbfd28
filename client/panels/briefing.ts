import { local, locale, t } from '../i18n/index.ts';
import { fill, h } from '../ui/element.ts';
import { formatNumber } from '../ui/format.ts';
import type { Panel, TableContext, TableFrame } from './table-context.ts';

/** My seat's private briefing and hidden parameters: only the owner's view carries them. */
export function createBriefing(ctx: TableContext): Panel {
  const seat = ctx.scenario.seats.find((s) => s.id === ctx.seat);
  const hidden = h('ul', { class: 'hidden-params' });
  const paragraphs = seat ? local(seat.briefing).split(/\n{2,}/).map((p) => h('p', { text: p })) : [];
  const details = h(
    'details',
    { class: 'briefing', attrs: { open: true } },
    h('summary', {}, h('h2', { text: t('briefing.heading') })),
    h('div', { class: 'briefing-text' }, ...paragraphs),
    hidden,
  );
  const el = h('section', { class: 'card briefing-card' }, details);
  if (!seat) el.hidden = true;

  function update(frame: TableFrame): void {
    if (!seat) return;
    const values = frame.state.seats[seat.id]?.hidden ?? {};
    fill(
      hidden,
      ...seat.hidden.map((param) => {
        const value = values[param.key];
        if (value === undefined) return null;
        return h('li', { class: 'secret', text: t('briefing.hidden', { label: local(param.label), value: formatNumber(locale(), value, 2) }) });
      }),
    );
  }

  return { el, update };
}
