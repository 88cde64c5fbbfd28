import type { Place } from '../ui/address.ts';
import { h } from '../ui/element.ts';
import type { Screen } from './screen.ts';

/** Placeholder until the review page lands. */
export function reviewScreen(place: Extract<Place, { kind: 'review' }>, _go: (place: Place) => void): Screen {
  return { el: h('p', { text: `review ${JSON.stringify(place)}` }), dispose: () => undefined };
}
