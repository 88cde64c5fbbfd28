import type { Place } from '../ui/address.ts';
import { addressOf } from '../ui/address.ts';
import { h } from '../ui/element.ts';

/** Where a game's replay opens for the instructor of the class. */
export function replayPlace(gameId: string, sessionId: string, debrief = false): Extract<Place, { kind: 'review' }> {
  return { kind: 'review', gameId, sessionId, secret: null, debrief };
}

/**
 * A link to a replay: a real address (a new tab, a copied link), and a page change without
 * a reload on a plain click.
 */
export function replayLink(text: string, label: string, place: Place, go: (place: Place) => void): HTMLAnchorElement {
  const link = h('a', { class: 'replay-link', text, attrs: { href: addressOf(place), 'aria-label': label } });
  link.addEventListener('click', (event) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    go(place);
  });
  return link;
}
