import type { Refusal } from '../../shared/protocol.ts';
import { locale, t, type MessageKey } from '../i18n/index.ts';
import { fill, h } from '../ui/element.ts';
import type { Problem } from '../ui/move-drafts.ts';

/**
 * The one place refusals and input problems are announced (`role="alert"`), so a
 * screen reader hears them and every player sees them in the same spot.
 */
export function createStatusArea(): { el: HTMLElement; refusal(refusal: Refusal): void; problem(problem: Problem | null): void; clear(): void } {
  const el = h('div', { class: 'status-area', attrs: { role: 'alert', 'aria-atomic': 'true' } });

  const show = (text: string, detail?: string): void => {
    fill(el, h('p', { class: 'status-text', text }), detail ? h('p', { class: 'status-detail', text: detail }) : null);
    el.classList.add('visible');
  };

  return {
    el,
    refusal(refusal) {
      // Typed as a key: a refusal code without a message is a compile error.
      const key: MessageKey = `refused.${refusal.code}`;
      // The server's text names the exact numbers; it is written in English only.
      const detail = locale() === 'en' && refusal.message !== t(key) ? refusal.message : undefined;
      show(t(key), detail);
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
