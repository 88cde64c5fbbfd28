import type { GameState } from '../../shared/rules/state.ts';
import { COST_KINDS, type Scenario } from '../../shared/scenario/schema.ts';
import type { FrameworkCard, Label } from '../../shared/scoring/card.ts';
import { findCase, renderExplanation } from '../../shared/scoring/explain.ts';
import { local, locale, t } from '../i18n/index.ts';
import { h } from '../ui/element.ts';
import { formatNumber } from '../ui/format.ts';
import { describeBetter, describeMove } from './card-words.ts';

/**
 * A mark beside each label, as a chess engine annotates moves, so the verdict never
 * rests on colour alone.
 */
const LABEL_MARK: Record<Label, string> = { best: '★', good: '✓', inaccuracy: '?!', mistake: '?', blunder: '??' };

const num = (n: number): string => formatNumber(locale(), n, 2);

function chip(name: string, value: string): HTMLLIElement {
  return h('li', { class: 'chip' }, h('span', { class: 'chip-name', text: `${name}: ` }), h('span', { class: 'chip-value', text: value }));
}

function classification(card: FrameworkCard): HTMLUListElement {
  const c = card.classification;
  const leverage = c.leverage.length === 0 ? t('cards.noLeverage') : c.leverage.map((l) => t(`framework.leverage.${l}`)).join(', ');
  return h(
    'ul',
    { class: 'chips', attrs: { 'aria-label': t('cards.classification') } },
    chip(t('cards.instrument'), t(`framework.instrument.${c.instrument}`)),
    chip(t('cards.aim'), c.aim === null ? t('cards.noAim') : t(`framework.aim.${c.aim}`)),
    chip(t('cards.leverage'), leverage),
    chip(t('cards.bargaining'), t(`framework.bargaining.${c.bargaining}`)),
  );
}

/** Three bars on one scale shared by every card on the list, so their lengths compare across decisions. */
function costBars(card: FrameworkCard, scale: number, headingId: string): HTMLElement {
  const rows = COST_KINDS.map((kind) => {
    const value = card.ledger.costs[kind];
    // A cost too small to draw still shows a sliver; a zero shows none.
    const width = value === 0 ? 0 : Math.min(100, Math.max(1.5, (Math.abs(value) / scale) * 100));
    return h(
      'li',
      { class: `cost-bar${value < 0 ? ' saving' : ''}` },
      h('span', { class: 'cost-name', text: t(`cost.${kind}`) }),
      h('span', { class: 'bar', attrs: { 'aria-hidden': 'true' } }, h('span', { class: 'bar-fill', attrs: { style: `width: ${width.toFixed(1)}%` } })),
      h('span', { class: 'cost-value', text: num(value) }),
    );
  });
  return h('ul', { class: 'cost-bars', attrs: { 'aria-labelledby': headingId } }, ...rows);
}

function ledger(card: FrameworkCard, scale: number, id: string): HTMLElement {
  const headingId = `${id}-costs`;
  return h(
    'div',
    { class: 'fw-ledger' },
    h('h4', { id: headingId, text: t('cards.costs') }),
    costBars(card, scale, headingId),
    h('p', { class: 'hint', text: t('cards.costsHint') }),
    h(
      'dl',
      { class: 'fw-gains' },
      h('div', {}, h('dt', { text: t('cards.concessions') }), h('dd', { text: num(card.ledger.concessions) })),
      h('div', {}, h('dt', { text: t('cards.harmsAverted') }), h('dd', { text: num(card.ledger.harmsAverted) })),
    ),
  );
}

function scoreBadge(card: FrameworkCard): HTMLElement {
  const { score, label } = card.evaluation;
  return h(
    'span',
    { class: `fw-score label-${label}` },
    h('span', { class: 'visually-hidden', text: `${t('cards.score')}: ` }),
    h('span', { class: 'fw-score-num', text: t('cards.scoreValue', { score: formatNumber(locale(), score, 0) }) }),
    h('span', { class: 'fw-label' }, h('span', { class: 'fw-mark', text: LABEL_MARK[label], attrs: { 'aria-hidden': 'true' } }), ' ', h('span', { text: t(`label.${label}`) })),
  );
}

export type CardView = { el: HTMLElement; details: HTMLDetailsElement };

/**
 * One decision's card: what was done, how the framework reads it, what it cost and won,
 * its verdict with the better option when there was one, why, and the case it recalls.
 * An article named by its round and move; inside, a `<details>` keeps a long game's list
 * short, its summary carrying the verdict.
 */
export function cardView(scenario: Scenario, state: GameState | null, card: FrameworkCard, scale: number): CardView {
  const id = `fw-card-${card.seq}`;
  const historical = findCase(scenario, card.case);
  const better = describeBetter(scenario, state, card);
  const heading = t('cards.cardHeading', { round: card.round, move: t(`cards.move.${card.move.type}`) });
  const details = h(
    'details',
    {},
    h('summary', {}, h('span', { class: 'fw-title', id: `${id}-h`, text: heading }), scoreBadge(card)),
    h(
      'div',
      { class: 'fw-body' },
      h('p', { class: 'fw-move', text: describeMove(scenario, state, card.move) }),
      h('p', { class: 'fw-projected', text: t('cards.projected', { horizon: card.evaluation.horizon, expected: num(card.evaluation.expected), best: num(card.evaluation.best) }) }),
      classification(card),
      ledger(card, scale, id),
      better === null ? null : h('p', { class: 'fw-better', text: better }),
      h('h4', { text: t('cards.why') }),
      h('div', { class: 'fw-explanation' }, ...renderExplanation(scenario, card, locale()).map((sentence) => h('p', { text: sentence }))),
      historical ? h('p', { class: 'fw-case' }, t('cards.case', { case: local(historical.title) })) : null,
    ),
  );
  const el = h('article', { class: `fw-card label-${card.evaluation.label}`, attrs: { 'aria-labelledby': `${id}-h`, 'data-seq': card.seq } }, details);
  return { el, details };
}

/** The bar scale for a list of cards: its largest cost, and never less than one point. */
export function costScale(cards: readonly FrameworkCard[]): number {
  let max = 1;
  for (const card of cards) for (const kind of COST_KINDS) max = Math.max(max, Math.abs(card.ledger.costs[kind]));
  return max;
}
