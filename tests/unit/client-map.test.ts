import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { dotsFor, MAX_WIDTH, MIN_WIDTH, widthFor } from '../../client/scenes/flow-widths.ts';
import { buildMapModel, legsOf, movingAfter, returnsBySeat, returnsReceiver, stoppedBySeat, transitsOnRoute, type Captions } from '../../client/scenes/map-model.ts';
import { MAP_HEIGHT, MAP_WIDTH, pointOn, routeLayout, type Box, type RouteLayout } from '../../client/scenes/route-layout.ts';
import type { RoundResult } from '../../shared/rules/state.ts';
import { parseScenario } from '../../shared/scenario/parse.ts';
import type { Scenario } from '../../shared/scenario/schema.ts';

function scenarioFile(id: string): Scenario {
  const parsed = parseScenario(JSON.parse(readFileSync(new URL(`../../scenarios/${id}.json`, import.meta.url), 'utf8')));
  if (!parsed.ok) throw new Error(`${id} does not parse: ${JSON.stringify(parsed.issues.slice(0, 3))}`);
  return parsed.scenario;
}

const twoSeats = scenarioFile('us-mexico-2019');
const threeSeats = scenarioFile('hemisphere-2023');
const noReturns = scenarioFile('ethiopia-jobs-compact');

const captions: Captions = { name: (seat) => `seat:${seat}`, origin: (id) => `origin:${id}`, caption: (stream, n) => `${n} ${stream}` };

type Round = { round?: number; stopped?: Record<string, number>; returnedTo?: Record<string, number> };

/**
 * A round on `scenario`'s flows: 100,000 set out per flow and 10,000 of each take pathways.
 * Each transit seat stops `stopped[seat]` (by default 20,000 in all, at the first seat) and
 * returns go to `returnedTo` (by default 5,000 to the last seat before the destination).
 */
function roundOn(scenario: Scenario, { round = 1, stopped, returnedTo }: Round = {}): RoundResult {
  const route = transitsOnRoute(scenario);
  const interdictedBy = stopped ?? Object.fromEntries(route.map((t, i) => [t.id, i === 0 ? 20_000 : 0]));
  const received = returnedTo ?? { [route.at(-1)?.id ?? '']: 5_000 };
  const total = (r: Record<string, number>): number => Object.values(r).reduce((a, b) => a + b, 0);
  const flows = scenario.flows.map((f) => ({ flow: f.id, setOut: 100_000, diverted: 10_000, interdicted: total(interdictedBy) / scenario.flows.length, arrived: 0 }));
  for (const f of flows) f.arrived = f.setOut - f.diverted - f.interdicted;
  const sum = (key: 'setOut' | 'diverted' | 'interdicted' | 'arrived'): number => flows.reduce((a, f) => a + f[key], 0);
  return {
    round,
    events: [],
    flows,
    setOut: sum('setOut'),
    diverted: sum('diverted'),
    interdicted: sum('interdicted'),
    arrivals: sum('arrived'),
    returned: total(received),
    stranded: 0,
    interdictedBy,
    returnedTo: received,
    salience: 50,
    seats: {},
    compliance: [],
    threats: [],
    promises: [],
  };
}

const leftOf = (b: Box): number => b.x - b.w / 2;
const rightOf = (b: Box): number => b.x + b.w / 2;
const bottomOf = (b: Box): number => b.y + b.h / 2;
/** The longest a drawn arrowhead gets (see RouteScene.drawArrow): a full-width arrow's head. */
const LONGEST_HEAD = 1.1 * 1.4 * MAX_WIDTH;

function rowOf(layout: RouteLayout): Box[] {
  return [...layout.transits.map((t) => t.box), layout.destination];
}

describe('the route layout', () => {
  test('with one transit seat the boxes stay where the two-seat map was designed', () => {
    const layout = routeLayout(2, 1);
    expect(layout.transits.map((t) => t.box)).toEqual([{ x: 480, y: 200, w: 170, h: 76 }]);
    expect(layout.destination).toEqual({ x: 830, y: 200, w: 190, h: 76 });
    expect(layout.legs).toEqual([]);
    expect(layout.nameSize).toBe(22);
    expect(layout.origins.map((o) => o.dot)).toEqual([
      { x: 205, y: 120 },
      { x: 205, y: 300 },
    ]);
    // People stopped drop from the transit seat's lower left, returns come back to its lower right.
    expect(layout.transits[0]?.stopped.bend).toEqual({ from: { x: 440, y: 242 }, via: { x: 420, y: 330 }, to: { x: 410, y: 372 } });
    expect(layout.transits[0]?.returned.bend.to).toEqual({ x: 520, y: 244 });
    expect(layout.arrived.bend.from).toEqual({ x: 569, y: 190 });
    expect(layout.arrived.bend.to).toEqual({ x: 729, y: 190 });
  });

  test.each([1, 2, 3])('with %i transit seat(s) the seats run left to right in one row, inside the map', (count) => {
    const layout = routeLayout(2, count);
    const row = rowOf(layout);
    expect(row).toHaveLength(count + 1);
    for (const [i, box] of row.entries()) {
      expect(box.y).toBe(200);
      expect(leftOf(box)).toBeGreaterThan(layout.origins[0]?.dot.x ?? 0);
      expect(rightOf(box)).toBeLessThanOrEqual(MAP_WIDTH);
      const next = row[i + 1];
      // Room between consecutive seats for the biggest arrowhead.
      if (next) expect(leftOf(next) - rightOf(box)).toBeGreaterThanOrEqual(LONGEST_HEAD);
    }
    expect(layout.nameSize).toBeGreaterThanOrEqual(16);
  });

  test('with two transit seats the boxes share the row evenly and the last gap holds the arrivals caption', () => {
    const layout = routeLayout(2, 2);
    const [panama, mexico, destination] = rowOf(layout);
    expect(panama?.w).toBe(mexico?.w);
    expect(mexico?.w).toBe(destination?.w);
    expect((panama?.w ?? 0) >= 125).toBe(true);
    const lastGap = leftOf(destination as Box) - rightOf(mexico as Box);
    expect(lastGap).toBeGreaterThanOrEqual(150);
    expect(layout.arrived.caption.x).toBeGreaterThan(rightOf(mexico as Box));
    expect(layout.arrived.caption.x).toBeLessThan(leftOf(destination as Box));
  });

  test.each([2, 3])('with %i transit seats each leg joins one seat to the next and arrivals leave the last', (count) => {
    const layout = routeLayout(1, count);
    const boxes = layout.transits.map((t) => t.box);
    expect(layout.legs).toHaveLength(count - 1);
    for (const [j, leg] of layout.legs.entries()) {
      expect(leg.bend.from.x).toBeGreaterThan(rightOf(boxes[j] as Box));
      expect(leg.bend.to.x).toBeLessThan(leftOf(boxes[j + 1] as Box));
      expect(leg.bend.to.x - leg.bend.from.x).toBeGreaterThan(0);
    }
    expect(layout.arrived.bend.from.x).toBeGreaterThan(rightOf(boxes.at(-1) as Box));
    expect(layout.arrived.bend.to.x).toBeLessThan(leftOf(layout.destination));
    // Every set-out arrow enters the first transit seat.
    for (const o of layout.origins) expect(o.setOut.bend.to.x).toBe(leftOf(boxes[0] as Box) - 4);
  });

  test.each([1, 2, 3])('with %i transit seat(s) each seat drops its own stopped arrow, left to right, inside the map', (count) => {
    const layout = routeLayout(2, count);
    const ends = layout.transits.map(({ box, stopped }) => {
      expect(stopped.bend.from.x).toBeGreaterThan(leftOf(box));
      expect(stopped.bend.from.x).toBeLessThan(box.x);
      expect(stopped.bend.from.y).toBeGreaterThan(bottomOf(box));
      expect(stopped.bend.to.y).toBeLessThan(MAP_HEIGHT);
      return stopped.bend.to.x;
    });
    expect(ends).toEqual([...ends].sort((a, b) => a - b));
    expect(new Set(ends).size).toBe(count);
    // The first seat's caption reads leftwards, towards the origins; later seats' rightwards, clear of the seat before.
    for (const [i, { stopped }] of layout.transits.entries()) {
      if (i === 0) expect(stopped.caption).toMatchObject({ x: stopped.bend.to.x - 14, originX: 1 });
      else expect(stopped.caption).toMatchObject({ x: stopped.bend.to.x + 14, originX: 0 });
    }
  });

  test('every transit seat has a way back from the destination to its lower right', () => {
    const layout = routeLayout(2, 3);
    for (const { box, returned } of layout.transits) {
      const end = returned.bend.to;
      expect(end.x).toBeGreaterThan(box.x);
      expect(end.x).toBeLessThan(rightOf(box));
      expect(end.y).toBeGreaterThan(bottomOf(box));
      expect(returned.bend.from.x).toBeGreaterThan(leftOf(layout.destination));
      expect(returned.bend.from.y).toBeGreaterThan(bottomOf(layout.destination));
    }
  });

  test('a point on a curve runs from its start to its end', () => {
    const bend = { from: { x: 0, y: 0 }, via: { x: 50, y: 100 }, to: { x: 100, y: 0 } };
    expect(pointOn(bend, 0)).toEqual({ x: 0, y: 0 });
    expect(pointOn(bend, 1)).toEqual({ x: 100, y: 0 });
    expect(pointOn(bend, 0.5)).toEqual({ x: 50, y: 50 });
  });
});

describe('the route in the map model', () => {
  test('transit seats come in the order flows pass them', () => {
    expect(transitsOnRoute(threeSeats).map((s) => s.id)).toEqual(['pa', 'mx']);
    expect(transitsOnRoute(twoSeats).map((s) => s.id)).toEqual(['mx']);
  });

  test('the model names every seat on the route, in order, in the seats’ colours', () => {
    const model = buildMapModel(threeSeats, [roundOn(threeSeats)], captions);
    expect(model.transits.map((t) => t.name)).toEqual(['seat:pa', 'seat:mx']);
    expect(model.transits.map((t) => t.color)).toEqual([0xb23a48, Number.parseInt((threeSeats.seats.find((s) => s.id === 'mx')?.color ?? '').slice(1), 16)]);
    expect(model.destination.name).toBe('seat:us');
    expect(model.layout.transits).toHaveLength(2);
    expect(model.legs.map((l) => [l.from, l.to])).toEqual([['pa', 'mx']]);
  });

  test('with one transit seat its stops are the route’s and the map looks as before', () => {
    const result = roundOn(twoSeats);
    const model = buildMapModel(twoSeats, [result], captions);
    expect(model.transits).toHaveLength(1);
    expect(model.transits[0]?.stopped.value).toBe(20_000);
    expect(model.transits[0]?.stopped.caption).toBe('20000 interdicted');
    expect(model.legs).toEqual([]);
    expect(model.arrived.value).toBe(result.arrivals);
    expect(model.returned).toEqual([{ to: 0, arrow: { value: 5_000, width: widthFor(5_000, 200_000), dots: dotsFor(5_000), caption: '5000 returned' } }]);
    expect(model.layout).toEqual(routeLayout(twoSeats.flows.length, 1));
  });

  test('with two transit seats each draws its own stopped arrow, and the stretch between them carries those still moving', () => {
    const result = roundOn(threeSeats, { stopped: { pa: 30_000, mx: 50_000 } });
    expect(result.setOut).toBe(200_000);
    const model = buildMapModel(threeSeats, [result], captions);
    const [panama, mexico] = model.transits;
    expect(panama?.stopped).toEqual({ value: 30_000, width: widthFor(30_000, 200_000), dots: dotsFor(30_000), caption: '30000 interdicted' });
    expect(mexico?.stopped).toEqual({ value: 50_000, width: widthFor(50_000, 200_000), dots: dotsFor(50_000), caption: '50000 interdicted' });
    expect(mexico?.stopped.width).toBeGreaterThan(panama?.stopped.width ?? MAX_WIDTH);
    // 200,000 set out, 20,000 took pathways, Panama stopped 30,000: 150,000 go on to Mexico.
    const [leg] = model.legs;
    expect(leg).toEqual({ from: 'pa', to: 'mx', arrow: { value: 150_000, width: widthFor(150_000, 200_000), dots: dotsFor(150_000), caption: '' } });
    // Mexico stopped 50,000 of them: the 100,000 left are the arrivals.
    expect(model.arrived.value).toBe(100_000);
    expect(result.arrivals).toBe(100_000);
    expect(leg?.arrow.width).toBeGreaterThan(model.arrived.width);
  });

  test('a seat that stopped nobody still has its arrow, at its thinnest and without dots', () => {
    const model = buildMapModel(threeSeats, [roundOn(threeSeats, { stopped: { pa: 0, mx: 40_000 } })], captions);
    expect(model.transits.map((t) => t.stopped.value)).toEqual([0, 40_000]);
    expect(model.transits[0]?.stopped).toMatchObject({ width: MIN_WIDTH, dots: 0, caption: '0 interdicted' });
    expect(model.legs[0]?.arrow.value).toBe(180_000);
  });

  test('per-seat stops come from the round result, seat by seat', () => {
    const result = roundOn(threeSeats, { stopped: { pa: 30_000, mx: 50_000 } });
    expect(stoppedBySeat(result, transitsOnRoute(threeSeats))).toEqual({ pa: 30_000, mx: 50_000 });
    expect(stoppedBySeat(roundOn(twoSeats), transitsOnRoute(twoSeats))).toEqual({ mx: 20_000 });
    expect(stoppedBySeat(null, transitsOnRoute(threeSeats))).toEqual({ pa: 0, mx: 0 });
    expect(stoppedBySeat({ ...result, interdictedBy: { mx: 50_000 } }, transitsOnRoute(threeSeats))).toEqual({ pa: 0, mx: 50_000 });
  });

  test('people still moving fall seat by seat', () => {
    const route = transitsOnRoute(threeSeats);
    expect(movingAfter(180_000, route, { pa: 30_000, mx: 50_000 })).toEqual([150_000, 100_000]);
    expect(movingAfter(180_000, route, { mx: 50_000 })).toEqual([180_000, 130_000]);
    expect(movingAfter(180_000, route, {})).toEqual([180_000, 180_000]);
  });

  test('legs are as thick as the people still moving there', () => {
    const route = transitsOnRoute(threeSeats);
    const [measured] = legsOf(route, [150_000, 100_000], 200_000);
    expect(measured).toMatchObject({ from: 'pa', to: 'mx' });
    expect(measured?.arrow.value).toBe(150_000);
    expect(measured?.arrow.width).toBe(widthFor(150_000, 200_000));
    expect(measured?.arrow.width).toBeGreaterThan(widthFor(100_000, 200_000));
    expect(measured?.arrow.width).toBeLessThanOrEqual(MAX_WIDTH);
    const [empty] = legsOf(route, [0, 0], 200_000);
    expect(empty?.arrow).toEqual({ value: 0, width: MIN_WIDTH, dots: 0, caption: '' });
  });

  test('widths are scaled against the largest flow of the game so far', () => {
    const first = roundOn(threeSeats, { round: 1 });
    const second = { ...roundOn(threeSeats, { round: 2 }), arrivals: first.arrivals / 4 };
    const model = buildMapModel(threeSeats, [first, second], captions);
    expect(model.round).toBe(2);
    expect(model.arrived.width).toBe(widthFor(first.arrivals / 4, first.setOut));
    expect(model.origins.map((o) => o.arrow.width)).toEqual(threeSeats.flows.map(() => widthFor(100_000, first.setOut)));
  });

  test('with no returns the way back points to the one seat that can accept them, else to the last seat before the destination', () => {
    expect(returnsReceiver(threeSeats, transitsOnRoute(threeSeats))).toBe(1);
    expect(returnsReceiver(twoSeats, transitsOnRoute(twoSeats))).toBe(0);
    expect(returnsReceiver(noReturns, transitsOnRoute(noReturns))).toBe(0);
    expect(buildMapModel(threeSeats, [], captions).returned).toEqual([{ to: 1, arrow: { value: 0, width: MIN_WIDTH, dots: 0, caption: '0 returned' } }]);
    const none = buildMapModel(threeSeats, [roundOn(threeSeats, { returnedTo: { pa: 0, mx: 0 } })], captions);
    expect(none.returned.map((r) => [r.to, r.arrow.value])).toEqual([[1, 0]]);
  });

  test('returns point to each seat that received them, with its own number', () => {
    const route = transitsOnRoute(threeSeats);
    expect(returnsBySeat(roundOn(threeSeats, { returnedTo: { mx: 7_000 } }), route, 1)).toEqual([{ to: 1, value: 7_000 }]);
    expect(returnsBySeat(roundOn(threeSeats, { returnedTo: { pa: 2_000, mx: 0 } }), route, 1)).toEqual([{ to: 0, value: 2_000 }]);
    expect(returnsBySeat(null, route, 1)).toEqual([{ to: 1, value: 0 }]);
    const model = buildMapModel(threeSeats, [roundOn(threeSeats, { returnedTo: { pa: 2_000, mx: 6_000 } })], captions);
    expect(model.returned).toEqual([
      { to: 0, arrow: { value: 2_000, width: widthFor(2_000, 200_000), dots: dotsFor(2_000), caption: '2000 returned' } },
      { to: 1, arrow: { value: 6_000, width: widthFor(6_000, 200_000), dots: dotsFor(6_000), caption: '6000 returned' } },
    ]);
  });

  test('before any round every arrow is at its thinnest and carries nobody', () => {
    const model = buildMapModel(threeSeats, [], captions);
    expect(model.round).toBeNull();
    expect(model.arrived.width).toBe(MIN_WIDTH);
    expect(model.legs[0]?.arrow.value).toBe(0);
    expect(model.transits.map((t) => t.stopped.value)).toEqual([0, 0]);
  });
});
