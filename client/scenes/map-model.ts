import type { RoundResult } from '../../shared/rules/state.ts';
import type { Scenario, Seat } from '../../shared/scenario/schema.ts';
import { dotsFor, referenceOf, streamsOf, UNMEASURED_WIDTH, widthFor, type Stream } from './flow-widths.ts';
import { routeLayout, type RouteLayout } from './route-layout.ts';

/** One arrow on the map: how thick, how many moving dots, and its caption. */
export type MapArrow = { value: number; width: number; dots: number; caption: string };

/**
 * A stretch of the route between two transit seats. When the round result does not say
 * how many were still moving there, `measured` is false and the arrow is drawn as a plain
 * route line: its `value` is then only what is certain, the people who went on to arrive.
 */
export type MapLeg = { from: string; to: string; measured: boolean; arrow: MapArrow };

export type MapSeat = { id: string; name: string; color: number };

/** Everything the map scene draws, already in words and pixels: the scene holds no game logic. */
export type MapModel = {
  round: number | null;
  layout: RouteLayout;
  origins: { id: string; name: string; arrow: MapArrow }[];
  /** In route order, the order people pass them. `stopped` is null when only the route's total is known. */
  transits: (MapSeat & { stopped: MapArrow | null })[];
  destination: MapSeat;
  /** legs[j] runs from transits[j] to transits[j + 1]. */
  legs: MapLeg[];
  /** Everyone stopped anywhere on the route. */
  interdicted: MapArrow;
  diverted: MapArrow;
  /** From the last transit seat to the destination. */
  arrived: MapArrow;
  returned: MapArrow;
  /** Index in `transits` of the seat the returns arrow points back to. */
  returnsTo: number;
};

export type Captions = {
  /** A seat's name, by seat id. */
  name(seat: string): string;
  origin(flowId: string): string;
  caption(stream: Stream, value: number): string;
};

export function colorNumber(hex: string): number {
  return Number.parseInt(hex.replace('#', ''), 16);
}

/** Transit seats in the order flows pass them: the scenario's order, as in `moveFlows`. */
export function transitsOnRoute(scenario: Scenario): Seat[] {
  return scenario.seats.filter((s) => s.role === 'transit');
}

/**
 * People stopped by each transit seat, when the round result says. It only carries the
 * route's total, so that is known per seat only when one seat holds the whole route.
 */
export function stoppedBySeat(result: RoundResult | null, transits: readonly Seat[]): Record<string, number> | null {
  return Object.fromEntries(transits.map((t) => [t.id, result?.interdictedBy[t.id] ?? 0]));
}

/**
 * The seat the returns arrow points to: the only transit seat that can accept returns, or
 * failing that the last one before the destination. Returns are a single total in the
 * round result, so with several receiving seats this is where the arrow goes, not a split.
 */
export function returnsReceiver(scenario: Scenario, transits: readonly Seat[]): number {
  const receivers = transits.flatMap((t, i) => (scenario.instruments.some((inst) => inst.seat === t.id && inst.effect === 'accept_returns') ? [i] : []));
  return receivers.length === 1 ? (receivers[0] as number) : transits.length - 1;
}

/**
 * People still moving after each transit seat, in route order: those who set out and did
 * not take a pathway, less everyone stopped so far. Null where a seat's stops are unknown.
 */
export function movingAfter(entering: number, transits: readonly Seat[], stopped: Record<string, number> | null): (number | null)[] {
  let moving: number | null = entering;
  return transits.map((t) => {
    const here = stopped?.[t.id];
    moving = moving === null || here === undefined ? null : moving - here;
    return moving;
  });
}

/**
 * The stretches between consecutive transit seats, each as thick as the people still
 * moving there. Where that is unknown, a plain line that promises only the arrivals.
 */
export function legsOf(transits: readonly Seat[], moving: readonly (number | null)[], arrived: number, reference: number): MapLeg[] {
  return transits.slice(1).map((to, j) => {
    const from = transits[j]?.id ?? '';
    const value = moving[j];
    if (value === null || value === undefined) {
      return { from, to: to.id, measured: false, arrow: { value: arrived, width: UNMEASURED_WIDTH, dots: dotsFor(arrived), caption: '' } };
    }
    return { from, to: to.id, measured: true, arrow: { value, width: widthFor(value, reference), dots: dotsFor(value), caption: '' } };
  });
}

export function buildMapModel(scenario: Scenario, history: readonly RoundResult[], captions: Captions): MapModel {
  const last = history.at(-1) ?? null;
  const numbers = streamsOf(last);
  const reference = referenceOf(history);
  const arrow = (stream: Stream, value: number): MapArrow => ({ value, width: widthFor(value, reference), dots: dotsFor(value), caption: captions.caption(stream, value) });
  const transits = transitsOnRoute(scenario);
  const destination = scenario.seats.find((s) => s.role === 'destination');
  const seat = (s: Seat | undefined, fallback: string, color: string): MapSeat => ({
    id: s?.id ?? fallback,
    name: captions.name(s?.id ?? fallback),
    color: colorNumber(s?.color ?? color),
  });
  const stopped = stoppedBySeat(last, transits);
  const moving = movingAfter(numbers.setOut - numbers.diverted, transits, stopped);
  const returnsTo = returnsReceiver(scenario, transits);

  return {
    round: last?.round ?? null,
    layout: routeLayout(scenario.flows.length, Math.max(1, transits.length), returnsTo),
    origins: scenario.flows.map((flow) => {
      const outcome = last?.flows.find((f) => f.flow === flow.id);
      return { id: flow.id, name: captions.origin(flow.id), arrow: arrow('setOut', outcome?.setOut ?? 0) };
    }),
    // Parsing guarantees a transit seat; without one the map still draws an unnamed box rather than fail.
    transits: (transits.length > 0 ? transits : [undefined]).map((t) => {
      const here = t ? stopped?.[t.id] : undefined;
      return { ...seat(t, 'transit', '#0f766e'), stopped: here === undefined ? null : arrow('interdicted', here) };
    }),
    destination: seat(destination, 'destination', '#1d4ed8'),
    legs: legsOf(transits, moving, numbers.arrived, reference),
    interdicted: arrow('interdicted', numbers.interdicted),
    diverted: arrow('diverted', numbers.diverted),
    arrived: arrow('arrived', numbers.arrived),
    returned: arrow('returned', numbers.returned),
    returnsTo,
  };
}
