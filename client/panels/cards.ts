import type { FrameworkCard } from '../../shared/scoring/card.ts';
import { profileOf } from '../../shared/scoring/profile.ts';
import { locale, t } from '../i18n/index.ts';
import { fill, h } from '../ui/element.ts';
import { formatNumber } from '../ui/format.ts';
import { whatIs } from '../ui/what-is.ts';
import { cardView, costScale } from './card-view.ts';
import type { Panel, TableContext, TableFrame } from './table-context.ts';

/** "7 decisions scored · mean score 64 of 100", or null before the first card. */
export function cardsSummary(seat: string, cards: readonly FrameworkCard[]): string | null {
  const profile = profileOf(seat, [...cards]);
  if (profile.decisions === 0) return null;
  const mean = formatNumber(locale(), profile.meanScore, 0);
  return t('cards.summary', { count: profile.decisions, mean });
}

/**
 * The framework cards on this seat's decisions, newest first. The latest round's cards
 * open by themselves; a card the player opened or closed stays that way.
 */
export function createCards(ctx: TableContext, cards: () => readonly FrameworkCard[]): Panel {
  const { scenario } = ctx;
  const summary = h('p', { class: 'fw-summary', attrs: { 'aria-live': 'polite' } });
  // The two numbers on each card, explained on first sight: shown only once there is a card to read them on.
  const terms = h('div', { class: 'what-is-group' }, whatIs('rating'), whatIs('projection'));
  terms.hidden = true;
  const list = h('ol', { class: 'fw-list', attrs: { reversed: true } });
  const el = h(
    'section',
    { class: 'card fw-cards', attrs: { 'aria-labelledby': 'fw-cards-h' } },
    h('h2', { id: 'fw-cards-h', text: t('cards.heading') }),
    h('p', { class: 'hint', text: t('cards.intro') }),
    terms,
    summary,
    list,
  );
  // A spectator has no decisions: the server sends it no cards.
  el.hidden = ctx.seat === null;
  const chosen = new Map<number, boolean>();
  let shown = '';

  function update(frame: TableFrame): void {
    const seat = ctx.seat;
    if (seat === null) return;
    const mine = cards().filter((card) => card.seat === seat);
    const key = mine.map((card) => card.seq).join(',');
    if (key === shown) return;
    shown = key;
    summary.textContent = cardsSummary(seat, mine) ?? '';
    terms.hidden = mine.length === 0;
    if (mine.length === 0) {
      fill(list, h('li', { class: 'empty', text: t('cards.none') }));
      return;
    }
    const latestRound = Math.max(...mine.map((card) => card.round));
    const scale = costScale(mine);
    const items = [...mine].reverse().map((card) => {
      const { el: article, details } = cardView(scenario, frame.state, card, scale);
      const openByDefault = card.round === latestRound;
      details.open = chosen.get(card.seq) ?? openByDefault;
      // Setting `open` fires 'toggle' too: only a departure from the default is the player's choice.
      details.addEventListener('toggle', () => (details.open === openByDefault ? chosen.delete(card.seq) : chosen.set(card.seq, details.open)));
      return h('li', {}, article);
    });
    fill(list, ...items);
  }

  return { el, update };
}
