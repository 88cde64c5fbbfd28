import { html, render, type TemplateResult } from 'lit-html';
import type { GameState } from '../../shared/rules/state.ts';
import type { Scenario } from '../../shared/scenario/schema.ts';
import type { FrameworkCard } from '../../shared/scoring/card.ts';
import { t } from '../i18n/index.ts';
import { cardModel, type CardModel } from '../ui/card-model.ts';

export { costScale } from '../ui/card-model.ts';

/**
 * One decision's card: what was done, how the framework reads it, what it cost and won,
 * its verdict with the better option when there was one, why, and the case it recalls.
 * An article named by its round and move; inside, a `<details>` keeps a long game's list
 * short, its summary carrying the verdict. Rendered with lit-html from its model
 * (client/ui/card-model.ts).
 */
export function cardTemplate(m: CardModel): TemplateResult {
  const costsId = `${m.id}-costs`;
  return html`<article class="fw-card label-${m.label}" aria-labelledby="${m.id}-h" data-seq=${m.seq}>
    <details>
      <summary>
        <span class="fw-title" id="${m.id}-h">${m.heading}</span>
        <span class="fw-score label-${m.label}">
          <span class="visually-hidden">${t('cards.score')}: </span>
          <span class="fw-score-num">${m.score}</span>
          <span class="fw-label"><span class="fw-mark" aria-hidden="true">${m.mark}</span> <span>${m.labelText}</span></span>
        </span>
      </summary>
      <div class="fw-body">
        <p class="fw-move">${m.move}</p>
        <p class="fw-projected">${m.projected}</p>
        <ul class="chips" aria-label=${t('cards.classification')}>
          ${m.chips.map((c) => html`<li class="chip"><span class="chip-name">${c.name}: </span><span class="chip-value">${c.value}</span></li>`)}
        </ul>
        <div class="fw-ledger">
          <h4 id=${costsId}>${t('cards.costs')}</h4>
          <ul class="cost-bars" aria-labelledby=${costsId}>
            ${m.costs.map(
              (c) => html`<li class="cost-bar${c.saving ? ' saving' : ''}">
                <span class="cost-name">${c.name}</span>
                <span class="bar" aria-hidden="true"><span class="bar-fill" style="width: ${c.width}"></span></span>
                <span class="cost-value">${c.value}</span>
              </li>`,
            )}
          </ul>
          <p class="hint">${t('cards.costsHint')}</p>
          <dl class="fw-gains">${m.gains.map((g) => html`<div><dt>${g.name}</dt><dd>${g.value}</dd></div>`)}</dl>
        </div>
        ${m.better === null ? null : html`<p class="fw-better">${m.better}</p>`}
        <h4>${t('cards.why')}</h4>
        <div class="fw-explanation">${m.explanation.map((sentence) => html`<p>${sentence}</p>`)}</div>
        ${m.historical === null ? null : html`<p class="fw-case">${m.historical}</p>`}
      </div>
    </details>
  </article>`;
}

export type CardView = { el: HTMLElement; details: HTMLDetailsElement };

/** One card as an element of its own, for lists that place it themselves (the table's cards, the review). */
export function cardView(scenario: Scenario, state: GameState | null, card: FrameworkCard, scale: number): CardView {
  const host = document.createElement('div');
  render(cardTemplate(cardModel(scenario, state, card, scale)), host);
  const el = host.querySelector('article');
  const details = el?.querySelector('details');
  if (!el || !details) throw new Error('the card template renders an article with its details');
  el.remove();
  return { el, details };
}
