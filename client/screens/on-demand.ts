import { t } from '../i18n/index.ts';
import type * as Compare from './compare.ts';
import type * as Debrief from './debrief.ts';
import type * as Review from './review.ts';
import { h } from '../ui/element.ts';
import type { Screen } from './screen.ts';

/**
 * A screen whose code is fetched when it is first opened. The student's table never
 * opens the review, the comparison or the printable debrief, so their code (and the chart
 * library they draw with) stays off its first load: until the module arrives the page
 * says it is loading, then the screen takes the placeholder's place.
 */
export function screenOnDemand(load: () => Promise<Screen>): Screen {
  const placeholder = h('p', { class: 'muted', attrs: { role: 'status' }, text: t('common.loading') });
  let shown: Screen | null = null;
  let disposed = false;
  load()
    .then((screen) => {
      if (disposed) return screen.dispose();
      shown = screen;
      placeholder.replaceWith(screen.el);
    })
    .catch((error: unknown) => {
      if (disposed) return;
      placeholder.textContent = t('common.error', { message: error instanceof Error ? error.message : String(error) });
      placeholder.setAttribute('role', 'alert');
    });
  return {
    el: placeholder,
    dispose: () => {
      disposed = true;
      shown?.dispose();
    },
  };
}

export const reviewScreen = (...args: Parameters<typeof Review.reviewScreen>): Screen =>
  screenOnDemand(() => import('./review.ts').then(({ reviewScreen }) => reviewScreen(...args)));

export const compareScreen = (...args: Parameters<typeof Compare.compareScreen>): Screen =>
  screenOnDemand(() => import('./compare.ts').then(({ compareScreen }) => compareScreen(...args)));

export const debriefScreen = (...args: Parameters<typeof Debrief.debriefScreen>): Screen =>
  screenOnDemand(() => import('./debrief.ts').then(({ debriefScreen }) => debriefScreen(...args)));
