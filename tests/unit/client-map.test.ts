import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { MAX_WIDTH, MIN_WIDTH, UNMEASURED_WIDTH, widthFor } from '../../client/scenes/flow-widths.ts';
import { buildMapModel, legsOf, movingAfter, returnsReceiver, stoppedBySeat, transitsOnRoute, type Captions } from '../../client/scenes/map-model.ts';
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

/** A round on `scenario`'s flows: 100,000 set out per flow, 10% take pathways, 20,000 stopped in all. */
function roundOn(scenario: Scenario, round = 1): RoundResult {
  const flows = scenario.flows.map((f) => ({ flow: f.id, setOut: 100_000, diverted: 10_000, interdicted: 20_000 / scenario.flows.length, arrived: 0 }));
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
    returned: 5_000,
    stranded: 0,
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
    const layout = routeLayout(2, 1, 0);
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
    expect(layout.returned.bend.to).toEqual({ x: 520, y: 244 });
    expect(layout.arrived.bend.from).toEqual({ x: 569, y: 190 });
    expect(layout.arrived.bend.to).toEqual({ x: 729, y: 190 });
  });

  test.each([1, 2, 3])('with %i transit seat(s) the seats run left to right in one row, inside the map', (count) => {
    const layout = routeLayout(2, count, count - 1);
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
    const layout = routeLayout(2, 2, 1);
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
    const layout = routeLayout(1, count, 0);
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

  test('the bracket of people stopped along the route spans every transit seat, below them', () => {
    const layout = routeLayout(2, 3, 2);
    const boxes = layout.transits.map((t) => t.box);
    expect(layout.alongRoute.ticks.map((t) => t.x)).toEqual(boxes.map((b) => b.x));
    expect(layout.alongRoute.y).toBeGreaterThan(bottomOf(boxes[0] as Box));
    const start = layout.alongRoute.arrow.bend.from;
    expect(start.x).toBeGreaterThan(boxes[0]?.x ?? 0);
    expect(start.x).toBeLessThan(boxes.at(-1)?.x ?? 0);
    expect(layout.alongRoute.arrow.bend.to.y).toBeLessThan(MAP_HEIGHT);
  });

  test('returns go back to the receiving seat', () => {
    for (const receiver of [0, 1, 2]) {
      const layout = routeLayout(2, 3, receiver);
      const box = layout.transits[receiver]?.box as Box;
      const end = layout.returned.bend.to;
      expect(end.x).toBeGreaterThan(box.x);
      expect(end.x).toBeLessThan(rightOf(box));
      expect(end.y).toBeGreaterThan(bottomOf(box));
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
    expect(model.transits[0]?.stopped?.value).toBe(20_000);
    expect(model.transits[0]?.stopped?.caption).toBe('20000 interdicted');
    expect(model.legs).toEqual([]);
    expect(model.arrived.value).toBe(result.arrivals);
    expect(model.layout).toEqual(routeLayout(twoSeats.flows.length, 1, 0));
  });

  test('with two transit seats the round result gives only the total stopped: drawn once, never split', () => {
    const result = roundOn(threeSeats);
    const model = buildMapModel(threeSeats, [result], captions);
    expect(model.transits.map((t) => t.stopped)).toEqual([null, null]);
    expect(model.interdicted.value).toBe(20_000);
    expect(model.interdicted.caption).toBe('20000 interdicted');
    const [leg] = model.legs;
    // Between Panama and Mexico the numbers are unknown: a plain route line, certain only of the arrivals.
    expect(leg?.measured).toBe(false);
    expect(leg?.arrow.width).toBe(UNMEASURED_WIDTH);
    expect(leg?.arrow.value).toBe(result.arrivals);
    expect(leg?.arrow.caption).toBe('');
    expect(model.arrived.value).toBe(result.arrivals);
  });

  test('per-seat stops are known only when one seat holds the whole route', () => {
    const result = roundOn(threeSeats);
    expect(stoppedBySeat(result, transitsOnRoute(twoSeats))).toEqual({ mx: 20_000 });
    expect(stoppedBySeat(result, transitsOnRoute(threeSeats))).toBeNull();
    expect(stoppedBySeat(null, transitsOnRoute(twoSeats))).toEqual({ mx: 0 });
  });

  test('people still moving fall seat by seat, and are unknown after a seat whose stops are unknown', () => {
    const route = transitsOnRoute(threeSeats);
    expect(movingAfter(180_000, route, { pa: 30_000, mx: 50_000 })).toEqual([150_000, 100_000]);
    expect(movingAfter(180_000, route, { mx: 50_000 })).toEqual([null, null]);
    expect(movingAfter(180_000, route, null)).toEqual([null, null]);
  });

  test('legs are as thick as the people still moving there', () => {
    const route = transitsOnRoute(threeSeats);
    const [measured] = legsOf(route, [150_000, 100_000], 100_000, 200_000);
    expect(measured).toMatchObject({ from: 'pa', to: 'mx', measured: true });
    expect(measured?.arrow.value).toBe(150_000);
    expect(measured?.arrow.width).toBe(widthFor(150_000, 200_000));
    expect(measured?.arrow.width).toBeGreaterThan(widthFor(100_000, 200_000));
    expect(measured?.arrow.width).toBeLessThanOrEqual(MAX_WIDTH);
    const [unknown] = legsOf(route, [null, null], 0, 200_000);
    expect(unknown?.measured).toBe(false);
    expect(unknown?.arrow.dots).toBe(0);
    expect(UNMEASURED_WIDTH).toBeGreaterThanOrEqual(MIN_WIDTH);
  });

  test('widths are scaled against the largest flow of the game so far', () => {
    const first = roundOn(threeSeats, 1);
    const second = { ...roundOn(threeSeats, 2), arrivals: first.arrivals / 4 };
    const model = buildMapModel(threeSeats, [first, second], captions);
    expect(model.round).toBe(2);
    expect(model.arrived.width).toBe(widthFor(first.arrivals / 4, first.setOut));
    expect(model.origins.map((o) => o.arrow.width)).toEqual(threeSeats.flows.map(() => widthFor(100_000, first.setOut)));
  });

  test('returns point to the one seat that can accept them, else to the last seat before the destination', () => {
    expect(returnsReceiver(threeSeats, transitsOnRoute(threeSeats))).toBe(1);
    expect(returnsReceiver(twoSeats, transitsOnRoute(twoSeats))).toBe(0);
    expect(returnsReceiver(noReturns, transitsOnRoute(noReturns))).toBe(0);
    expect(buildMapModel(threeSeats, [], captions).returnsTo).toBe(1);
  });

  test('before any round every arrow is at its thinnest and the route lines promise nobody', () => {
    const model = buildMapModel(threeSeats, [], captions);
    expect(model.round).toBeNull();
    expect(model.arrived.width).toBe(MIN_WIDTH);
    expect(model.legs[0]?.arrow.value).toBe(0);
  });
});
