/**
 * Where everything on the route map sits, in design pixels (the canvas is scaled to fit
 * its panel). Pure geometry with no Phaser, so it can be tested: the scene only draws it.
 *
 * The route runs left to right: origins → each transit seat in route order → the
 * destination. With one transit seat the map keeps the proportions it was designed with;
 * with more, the seats share the same row evenly.
 */

export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 420;

export type Point = { x: number; y: number };
/** A seat's rounded box, by its centre. */
export type Box = { x: number; y: number; w: number; h: number };
/** A quadratic curve: from, bending towards `via`, to. */
export type Bend = { from: Point; via: Point; to: Point };
/** Where a caption goes and which of its corners sits there (0 = left/top, 1 = right/bottom). */
export type Anchor = { x: number; y: number; originX: number; originY: number };
export type Arrowway = { bend: Bend; caption: Anchor };

export type RouteLayout = {
  /** Type size of the seat names: smaller when more seats share the row. */
  nameSize: number;
  origins: { dot: Point; label: Anchor; labelWidth: number; setOut: Arrowway }[];
  /**
   * In route order. `stopped` is the arrow for people stopped by that seat alone;
   * `returned` brings returns back to it from the destination.
   */
  transits: { box: Box; stopped: Arrowway; returned: Arrowway }[];
  destination: Box;
  /** legs[j] runs from transits[j] to transits[j + 1]. */
  legs: Arrowway[];
  /** From the last transit seat to the destination. */
  arrived: Arrowway;
  diverted: Arrowway;
};

const ORIGIN_X = 205;
const ROW_Y = 200;
const BOX_H = 76;
const STOPPED_END_Y = 372;
/** The one-transit map, as first designed: the proportions two-seat scenarios keep. */
const SINGLE = { transit: { x: 480, w: 170 }, destination: { x: 830, w: 190 } };
/** With several transit seats, all boxes share this stretch of the row evenly. */
const CHAIN = { left: 330, right: 945 };

export function pointOn(bend: Bend, t: number): Point {
  const a = (1 - t) * (1 - t);
  const b = 2 * (1 - t) * t;
  const c = t * t;
  return { x: a * bend.from.x + b * bend.via.x + c * bend.to.x, y: a * bend.from.y + b * bend.via.y + c * bend.to.y };
}

/** A caption beside the middle of an arrow, nudged above (dy < 0) or below (dy > 0) the line. */
function beside(bend: Bend, dy: number): Anchor {
  const mid = pointOn(bend, 0.5);
  return { x: mid.x, y: mid.y + dy, originX: 0.5, originY: dy < 0 ? 1 : 0 };
}

/** A caption to the left of an arrow's head. */
function leftOfEnd(bend: Bend): Anchor {
  return { x: bend.to.x - 14, y: bend.to.y, originX: 1, originY: 0.5 };
}

/** A caption to the right of an arrow's head. */
function rightOfEnd(bend: Bend): Anchor {
  return { x: bend.to.x + 14, y: bend.to.y, originX: 0, originY: 0.5 };
}

/** Centred on the arrow when there is room; on a short run, clear of the origin's dot instead. */
function setOutCaption(bend: Bend, dy: number): Anchor {
  const centred = beside(bend, dy);
  return bend.to.x - bend.from.x >= 150 ? centred : { ...centred, x: bend.from.x + 6, originX: 0 };
}

function boxesOf(transitCount: number): { transits: Box[]; destination: Box } {
  if (transitCount <= 1) {
    return {
      transits: [{ x: SINGLE.transit.x, y: ROW_Y, w: SINGLE.transit.w, h: BOX_H }],
      destination: { x: SINGLE.destination.x, y: ROW_Y, w: SINGLE.destination.w, h: BOX_H },
    };
  }
  // Gaps between transit seats hold an arrowhead; the last one also holds the arrivals caption.
  const gap = transitCount === 2 ? 60 : 50;
  const lastGap = transitCount === 2 ? 160 : 120;
  const w = Math.floor((CHAIN.right - CHAIN.left - (transitCount - 1) * gap - lastGap) / (transitCount + 1));
  const at = (i: number): Box => ({ x: CHAIN.left + i * (w + gap) + (i === transitCount ? lastGap - gap : 0) + w / 2, y: ROW_Y, w, h: BOX_H });
  return { transits: Array.from({ length: transitCount }, (_, i) => at(i)), destination: at(transitCount) };
}

const left = (b: Box): number => b.x - b.w / 2;
const right = (b: Box): number => b.x + b.w / 2;
const top = (b: Box): number => b.y - b.h / 2;
const bottom = (b: Box): number => b.y + b.h / 2;

/** An arrow from one box to the next along the row, humped slightly so its head clears the line. */
function between(a: Box, b: Box): Arrowway {
  const bend = { from: { x: right(a) + 4, y: a.y - 10 }, via: { x: (right(a) + left(b)) / 2, y: a.y - 24 }, to: { x: left(b) - 6, y: b.y - 10 } };
  // A caption wider than a narrow gap goes above the boxes so it cannot cover a name.
  const wide = left(b) - right(a) >= 150;
  const caption = wide ? beside(bend, -18) : { x: bend.via.x, y: Math.min(top(a), top(b)) - 8, originX: 0.5, originY: 1 };
  return { bend, caption };
}

/** Stopped arrows leave a box's lower left so returns can reach its lower right. */
function offCentre(box: Box): number {
  return Math.min(40, box.w * 0.3);
}

/**
 * People stopped by one seat, dropping below it. The first seat's caption goes left of
 * the arrowhead, towards the origins; a later seat's goes right, so a long number cannot
 * run into the arrow of the seat before it.
 */
function droppingFrom(start: Point, first: boolean): Arrowway {
  const bend = { from: start, via: { x: start.x - 20, y: 330 }, to: { x: start.x - 30, y: STOPPED_END_Y } };
  return { bend, caption: first ? leftOfEnd(bend) : rightOfEnd(bend) };
}

/** From below the destination round to a transit seat's lower right, clear of its stopped arrow. */
function returningTo(destination: Box, receiver: Box): Arrowway {
  const from = { x: destination.x - 30, y: bottom(destination) + 4 };
  const to = { x: receiver.x + offCentre(receiver), y: bottom(receiver) + 6 };
  const bend = { from, via: { x: (from.x + to.x) / 2 + 30, y: 360 }, to };
  return { bend, caption: beside(bend, 18) };
}

/**
 * @param originCount flows on the map, each drawn from its own origin
 * @param transitCount transit seats on the route (at least one)
 */
export function routeLayout(originCount: number, transitCount: number): RouteLayout {
  const { transits, destination } = boxesOf(transitCount);
  const first = transits[0] as Box;
  const last = transits.at(-1) as Box;
  const n = originCount;
  const originY = (i: number): number => (n <= 1 ? ROW_Y : 120 + (i * 180) / (n - 1));

  const origins = Array.from({ length: n }, (_, i) => {
    const y = originY(i);
    const from = { x: ORIGIN_X + 14, y };
    const bend = { from, via: { x: from.x + 0.59 * (left(first) - 4 - from.x), y }, to: { x: left(first) - 4, y: first.y + (i - (n - 1) / 2) * 18 } };
    return {
      dot: { x: ORIGIN_X, y },
      label: { x: ORIGIN_X - 20, y, originX: 1, originY: 0.5 },
      labelWidth: 170,
      setOut: { bend, caption: setOutCaption(bend, i === 0 ? -16 : 16) },
    };
  });

  const diverted = {
    from: { x: ORIGIN_X + 10, y: originY(0) - 16 },
    via: { x: MAP_WIDTH / 2, y: -40 },
    // With several seats the arrivals caption sits closer to the destination: land clear of it.
    to: { x: transitCount <= 1 ? destination.x - 20 : destination.x, y: top(destination) - 6 },
  };

  return {
    nameSize: first.w >= 165 ? 22 : first.w >= 125 ? 20 : 16,
    origins,
    transits: transits.map((box, i) => ({
      box,
      stopped: droppingFrom({ x: box.x - offCentre(box), y: bottom(box) + 4 }, i === 0),
      returned: returningTo(destination, box),
    })),
    destination,
    legs: transits.slice(1).map((b, j) => between(transits[j] as Box, b)),
    arrived: between(last, destination),
    diverted: { bend: diverted, caption: beside(diverted, -16) },
  };
}
