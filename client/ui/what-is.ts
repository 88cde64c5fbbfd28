import { t } from '../i18n/index.ts';
import { browserStorage } from '../net/draft-store.ts';
import { h } from './element.ts';
import { seenTerms, type NumberTerm } from './seen-terms.ts';
import { whenShown } from './when-shown.ts';

/**
 * A small "What is this?" disclosure with the term's one-line explanation: open the first
 * time this browser shows it (remembered once it has actually been on screen), closed
 * afterwards, one tap away.
 */
export function whatIs(term: NumberTerm): HTMLDetailsElement {
  const seen = seenTerms(browserStorage());
  const details = h(
    'details',
    { class: `what-is what-is-${term}` },
    h('summary', { text: t(`terms.${term}.ask`) }),
    h('p', { class: 'hint', text: t(`terms.${term}.means`) }),
  );
  if (!seen.seen(term)) {
    details.open = true;
    whenShown(details, () => seen.see(term));
  }
  return details;
}
