import type { OutcomePoint, SessionReview, TableReview } from '../../shared/review/schemas.ts';
import type { Role } from '../../shared/scenario/schema.ts';

/**
 * The comparison page's data, shaped for drawing: which seats go on the axes, where each
 * point sits, and the Pareto frontier as a line. Pure, so it is tested without a canvas.
 */

export type Axes = { x: string; y: string };

/** The destination's score across and the first transit seat's up: who pressed against who gave way. */
export function defaultAxes(seats: readonly { id: string; role: Role }[]): Axes | null {
  const destination = seats.find((seat) => seat.role === 'destination');
  const transit = seats.find((seat) => seat.role === 'transit' && seat.id !== destination?.id);
  const x = destination ?? seats[0];
  const y = transit ?? seats.find((seat) => seat.id !== x?.id);
  return x === undefined || y === undefined ? null : { x: x.id, y: y.id };
}

/** A choice of axes kept when both seats exist and differ; otherwise the default. */
export function chosenAxes(seats: readonly { id: string; role: Role }[], wanted: Partial<Axes>): Axes | null {
  const fallback = defaultAxes(seats);
  if (fallback === null) return null;
  const known = (id: string | undefined): id is string => id !== undefined && seats.some((seat) => seat.id === id);
  const x = known(wanted.x) ? wanted.x : fallback.x;
  let y = known(wanted.y) ? wanted.y : fallback.y;
  // The same seat on both axes draws a diagonal that says nothing: the other axis gives way.
  if (y === x) y = seats.find((seat) => seat.id !== x)?.id ?? y;
  return { x, y };
}

export type Plotted = { point: OutcomePoint; x: number; y: number };

/** The points that have a score for both axis seats, at their coordinates. */
export function plotted(points: readonly OutcomePoint[], axes: Axes): Plotted[] {
  return points.flatMap((point) => {
    const x = point.scores[axes.x];
    const y = point.scores[axes.y];
    return x === undefined || y === undefined ? [] : [{ point, x, y }];
  });
}

/** Games the class played (tables and their forks), as opposed to the references drawn for scale. */
export function isPlayed(point: OutcomePoint): boolean {
  return point.kind === 'table' || point.kind === 'fork';
}

/**
 * The Pareto frontier of the played games on the two axis seats (higher is better for
 * both): the points no other point matches on both and beats on one. Ordered left to
 * right, so the y values fall; equal outcomes appear once.
 */
export function frontierOf(points: readonly Plotted[]): Plotted[] {
  const played = points.filter((p) => isPlayed(p.point));
  const kept = played.filter((p) => !played.some((q) => q.x >= p.x && q.y >= p.y && (q.x > p.x || q.y > p.y)));
  // Equal outcomes: a table stands for them before a fork does.
  const rank = (p: Plotted): number => (p.point.kind === 'table' ? 0 : 1);
  const sorted = [...kept].sort((a, b) => a.x - b.x || b.y - a.y || rank(a) - rank(b) || a.point.id.localeCompare(b.point.id));
  return sorted.filter((p, i) => i === 0 || p.x !== sorted[i - 1]?.x || p.y !== sorted[i - 1]?.y);
}

/**
 * The frontier as a staircase, left to right: down from each point to the next one's
 * height, then across to it. Everything below and left of the line is matched or beaten.
 */
export function frontierSteps(frontier: readonly Plotted[]): { x: number; y: number }[] {
  const steps: { x: number; y: number }[] = [];
  frontier.forEach((p, i) => {
    const previous = frontier[i - 1];
    if (previous !== undefined && previous.y !== p.y) steps.push({ x: previous.x, y: p.y });
    steps.push({ x: p.x, y: p.y });
  });
  return steps;
}

/** The table a fork was taken from, and at which step. */
export function forkOrigin(review: Pick<SessionReview, 'tables'>, gameId: string | null): { table: TableReview; step: number } | null {
  if (gameId === null) return null;
  for (const table of review.tables) {
    const fork = table.forks.find((f) => f.gameId === gameId);
    if (fork !== undefined) return { table, step: fork.step };
  }
  return null;
}

/** The played table of a table point. */
export function tableOf(review: Pick<SessionReview, 'tables'>, point: OutcomePoint): TableReview | null {
  if (point.kind !== 'table') return null;
  return review.tables.find((table) => table.gameId === point.gameId) ?? null;
}

/** Each fork with the table it came from, for the lines that tie them on the plot. */
export function forkLinks(review: Pick<SessionReview, 'tables'>, points: readonly Plotted[]): { fork: Plotted; table: Plotted }[] {
  return points.flatMap((fork) => {
    if (fork.point.kind !== 'fork') return [];
    const origin = forkOrigin(review, fork.point.gameId);
    const table = origin === null ? undefined : points.find((p) => p.point.kind === 'table' && p.point.gameId === origin.table.gameId);
    return table === undefined ? [] : [{ fork, table }];
  });
}

/** Whether the page should keep asking: some table, or some fork of one, is still being played. */
export function stillPlaying(review: Pick<SessionReview, 'tables'>): boolean {
  return review.tables.some((table) => !table.finished || table.forks.some((fork) => !fork.finished));
}
