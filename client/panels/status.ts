import type { Refusal } from '../../shared/protocol.ts';
import type { Scenario } from '../../shared/scenario/schema.ts';
import { locale, t } from '../i18n/index.ts';
import { fill, h } from '../ui/element.ts';
import type { Problem } from '../ui/move-drafts.ts';
import { refusalProblem } from '../ui/refusal-text.ts';

/**
 * The one place refusals and input problems are announced (`role="alert"`), so a
 * screen reader hears them and every player sees them in the same spot.
 */
export function createStatusArea(scenario: Scenario): { el: HTMLElement; refusal(refusal: Refusal): void; problem(problem: Problem | null): void; clear(): void } {
  const el = h('div', { class: 'status-area', attrs: { role: 'alert', 'aria-atomic': 'true' } });

  const show = (text: string, detail?: string): void => {
    fill(el, h('p', { class: 'status-text', text }), detail ? h('p', { class: 'status-detail', text: detail }) : null);
    el.classList.add('visible');
  };

  return {
    el,
    refusal(refusal) {
      // The words are ours, in the student's language, with the numbers the rules gave.
      const problem = refusalProblem(scenario, locale(), refusal);
      show(t(problem.key, problem.params));
    },
    problem(problem) {
      if (problem === null) return this.clear();
      show(t(problem.key, problem.params));
    },
    clear() {
      fill(el);
      el.classList.remove('visible');
    },
  };
}
