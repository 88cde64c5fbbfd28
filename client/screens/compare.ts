import type { Place } from '../ui/address.ts';
import { h } from '../ui/element.ts';
import type { Screen } from './screen.ts';

/** Placeholder until the compare page lands. */
export function compareScreen(place: Extract<Place, { kind: 'compare' }>, _go: (place: Place) => void): Screen {
  return { el: h('p', { text: `compare ${JSON.stringify(place)}` }), dispose: () => undefined };
}
