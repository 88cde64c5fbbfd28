import type { RoundResult } from '../../shared/rules/state.ts';
import type { Scenario, Seat } from '../../shared/scenario/schema.ts';
import { dotsFor, referenceOf, streamsOf, widthFor, type Stream } from './flow-widths.ts';
import { routeLayout, type RouteLayout } from './route-layout.ts';

/** One arrow on the map: how thick, how many moving dots, and its caption. */
export type MapArrow = { value: number; width: number; dots: number; caption: string };

/** A stretch of the route between two transit seats, as thick as the people still moving there. */
export type MapLeg = { from: string; to: string; arrow: MapArrow };

/** Returns from the destination to one transit seat; `to` is its index in `transits`. */
export type MapReturn = { to: number; arrow: MapArrow };

export type MapSeat = { id: string; name: string; color: number };

/** Everything the map scene draws, already in words and pixels: the scene holds no game logic. */
export type MapModel = {
  round: number | null;
  layout: RouteLayout;
  origins: { id: string; name: string; arrow: MapArrow }[];
  /** In route order, the order people pass them, each with the people it stopped. */
  transits: (MapSeat & { stopped: MapArrow })[];
  destination: MapSeat;
  /** legs[j] runs from transits[j] to transits[j + 1]. */
  legs: MapLeg[];
  diverted: MapArrow;
  /** From the last transit seat to the destination. */
  arrived: MapArrow;
  /** One arrow per seat that received returns; with none, one empty arrow to where they would go. */
  returned: MapReturn[];
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

/** People stopped by each transit seat in the round (none before the first round). */
export function stoppedBySeat(result: RoundResult | null, transits: readonly Seat[]): Record<string, number> {
  return Object.fromEntries(transits.map((t) => [t.id, result?.interdictedBy[t.id] ?? 0]));
}

/**
 * Where returns would go when none were made: the only transit seat that can accept
 * them, or failing that the last one before the destination.
 */
export function returnsReceiver(scenario: Scenario, transits: readonly Seat[]): number {
  const receivers = transits.flatMap((t, i) => (scenario.instruments.some((inst) => inst.seat === t.id && inst.effect === 'accept_returns') ? [i] : []));
  return receivers.length === 1 ? (receivers[0] as number) : Math.max(0, transits.length - 1);
}

/**
 * Returns by receiving seat, in route order, as indices into `transits`. An empty round
 * still names one seat, so the map shows the way back even when nobody took it.
 */
export function returnsBySeat(result: RoundResult | null, transits: readonly Seat[], fallback: number): { to: number; value: number }[] {
  const received = transits.flatMap((t, i) => {
    const value = result?.returnedTo[t.id] ?? 0;
    return value > 0 ? [{ to: i, value }] : [];
  });
  return received.length > 0 ? received : [{ to: fallback, value: 0 }];
}

/** People still moving after each transit seat, in route order: those who went on, less everyone stopped so far. */
export function movingAfter(entering: number, transits: readonly Seat[], stopped: Record<string, number>): number[] {
  let moving = entering;
  return transits.map((t) => {
    moving -= stopped[t.id] ?? 0;
    return moving;
  });
}

/** The stretches between consecutive transit seats, each as thick as the people still moving there. */
export function legsOf(transits: readonly Seat[], moving: readonly number[], reference: number): MapLeg[] {
  return transits.slice(1).map((to, j) => {
    const value = Math.max(0, moving[j] ?? 0);
    return { from: transits[j]?.id ?? '', to: to.id, arrow: { value, width: widthFor(value, reference), dots: dotsFor(value), caption: '' } };
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

  return {
    round: last?.round ?? null,
    layout: routeLayout(scenario.flows.length, Math.max(1, transits.length)),
    origins: scenario.flows.map((flow) => {
      const outcome = last?.flows.find((f) => f.flow === flow.id);
      return { id: flow.id, name: captions.origin(flow.id), arrow: arrow('setOut', outcome?.setOut ?? 0) };
    }),
    // Parsing guarantees a transit seat; without one the map still draws an unnamed box rather than fail.
    transits: (transits.length > 0 ? transits : [undefined]).map((t) => ({
      ...seat(t, 'transit', '#0f766e'),
      stopped: arrow('interdicted', t ? (stopped[t.id] ?? 0) : 0),
    })),
    destination: seat(destination, 'destination', '#1d4ed8'),
    legs: legsOf(transits, moving, reference),
    diverted: arrow('diverted', numbers.diverted),
    arrived: arrow('arrived', numbers.arrived),
    returned: returnsBySeat(last, transits, returnsReceiver(scenario, transits)).map(({ to, value }) => ({ to, arrow: arrow('returned', value) })),
  };
}
