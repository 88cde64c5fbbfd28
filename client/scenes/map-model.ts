import type { RoundResult } from '../../shared/rules/state.ts';
import type { Scenario } from '../../shared/scenario/schema.ts';
import { dotsFor, referenceOf, streamsOf, widthFor, type Stream } from './flow-widths.ts';

/** One arrow on the map: how thick, how many moving dots, and its caption. */
export type MapArrow = { value: number; width: number; dots: number; caption: string };

/** Everything the map scene draws, already in words and pixels: the scene holds no game logic. */
export type MapModel = {
  round: number | null;
  origins: { id: string; name: string; arrow: MapArrow }[];
  transit: { name: string; color: number };
  destination: { name: string; color: number };
  interdicted: MapArrow;
  diverted: MapArrow;
  arrived: MapArrow;
  returned: MapArrow;
};

export type Captions = {
  name(which: 'transit' | 'destination'): string;
  origin(flowId: string): string;
  caption(stream: Stream, value: number): string;
};

export function colorNumber(hex: string): number {
  return Number.parseInt(hex.replace('#', ''), 16);
}

export function buildMapModel(scenario: Scenario, history: readonly RoundResult[], captions: Captions): MapModel {
  const last = history.at(-1) ?? null;
  const numbers = streamsOf(last);
  const reference = referenceOf(history);
  const arrow = (stream: Stream, value: number): MapArrow => ({ value, width: widthFor(value, reference), dots: dotsFor(value), caption: captions.caption(stream, value) });
  const transit = scenario.seats.find((s) => s.role === 'transit');
  const destination = scenario.seats.find((s) => s.role === 'destination');
  return {
    round: last?.round ?? null,
    origins: scenario.flows.map((flow) => {
      const outcome = last?.flows.find((f) => f.flow === flow.id);
      return { id: flow.id, name: captions.origin(flow.id), arrow: arrow('setOut', outcome?.setOut ?? 0) };
    }),
    transit: { name: captions.name('transit'), color: colorNumber(transit?.color ?? '#0f766e') },
    destination: { name: captions.name('destination'), color: colorNumber(destination?.color ?? '#1d4ed8') },
    interdicted: arrow('interdicted', numbers.interdicted),
    diverted: arrow('diverted', numbers.diverted),
    arrived: arrow('arrived', numbers.arrived),
    returned: arrow('returned', numbers.returned),
  };
}
