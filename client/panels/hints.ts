import { hintsFor } from '../../shared/scenario/hints.ts';
import { local, t } from '../i18n/index.ts';
import { fill, h } from '../ui/element.ts';
import type { Panel, TableContext, TableFrame } from './table-context.ts';

/**
 * A first game's guide: the scenario's tips for the phase on screen (the tutorial has them,
 * most scenarios none, and then the banner stays hidden). It speaks politely when the tips change.
 */
export function createHints(ctx: TableContext): Panel {
  const list = h('ul', { class: 'hint-list' });
  const el = h('aside', { class: 'card hints', attrs: { 'aria-labelledby': 'hints-h', 'aria-live': 'polite' } }, h('h2', { id: 'hints-h', text: t('hints.heading') }), list);
  el.hidden = true;
  let shown = '';

  function update(frame: TableFrame): void {
    const { round, phase } = frame.state;
    const key = `${round}:${phase}`;
    if (key === shown) return;
    shown = key;
    const hints = hintsFor(ctx.scenario, round, phase);
    el.hidden = hints.length === 0;
    fill(list, ...hints.map((hint) => h('li', { text: local(hint.text) })));
  }

  return { el, update };
}
