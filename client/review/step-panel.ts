import type { TimelineEntry, TimelineMark } from '../../shared/review/schemas.ts';
import type { GameState } from '../../shared/rules/state.ts';
import type { Scenario } from '../../shared/scenario/schema.ts';
import type { FrameworkCard } from '../../shared/scoring/card.ts';
import { t } from '../i18n/index.ts';
import { cardView, costScale } from '../panels/card-view.ts';
import { fill, h } from '../ui/element.ts';
import { describeEntry } from './entry-words.ts';
import { isDecisionMark } from './timeline-steps.ts';

export type StepPanel = {
  el: HTMLElement;
  /** `entry` is the one applied last (seq = step); null at the start or for an entry the reader may not see. */
  update(step: number, entry: TimelineEntry | null, mark: TimelineMark | null, state: GameState, where: string): void;
};

/**
 * What happened at the step, in words, and the framework's card on it when it was a
 * scored decision the reader may see. `actions` (the what-if button) sits under them.
 */
export function createStepPanel(scenario: Scenario, cards: readonly FrameworkCard[], actions: HTMLElement): StepPanel {
  const where = h('p', { class: 'step-where' });
  const what = h('p', { class: 'step-what' });
  const card = h('div', { class: 'step-card' });
  const el = h('section', { class: 'card step-panel', attrs: { 'aria-labelledby': 'step-h' } }, h('h2', { id: 'step-h', text: t('review.atStep') }), where, what, card, actions);
  const bySeq = new Map(cards.map((c) => [c.seq, c]));
  const scale = costScale(cards);
  let shownCard: number | 'unseen' | 'none' | null = null;

  function update(step: number, entry: TimelineEntry | null, mark: TimelineMark | null, state: GameState, place: string): void {
    where.textContent = place;
    what.textContent = step === 0 ? t('timeline.start') : entry === null ? t('timeline.unseen') : describeEntry(scenario, entry, state, mark);
    const found = bySeq.get(step) ?? null;
    // A decision whose card the reader may not see (another seat's, or not released yet) says so.
    const key = found !== null ? found.seq : mark !== null && isDecisionMark(mark) ? 'unseen' : 'none';
    if (key === shownCard) return;
    shownCard = key;
    if (found === null) {
      fill(card, h('p', { class: 'muted', text: key === 'unseen' ? t('review.noCard') : t('review.noDecision') }));
      return;
    }
    const view = cardView(scenario, state, found, scale);
    view.details.open = true;
    fill(card, view.el);
  }

  return { el, update };
}
