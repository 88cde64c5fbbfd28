import type { Place } from '../ui/address.ts';
import { h } from '../ui/element.ts';
import type { Screen } from './screen.ts';

/** Placeholder until the debrief page lands. */
export function debriefScreen(place: Extract<Place, { kind: 'debrief' }>, _go: (place: Place) => void): Screen {
  return { el: h('p', { text: `debrief ${JSON.stringify(place)}` }), dispose: () => undefined };
}
