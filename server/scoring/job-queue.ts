/**
 * Which decisions wait first. 'live': a decision just made at an open table, whose player
 * may be waiting for its card. 'catch-up': decisions an earlier server left unscored, found
 * again in the record when a table reopens or a finished game's cards are read.
 */
export type Lane = 'live' | 'catch-up';

/** While both lanes wait, one job in this many is a catch-up job: live cards go first, and catch-up still moves. */
const CATCH_UP_SHARE = 4;

/**
 * The scoring pool's waiting jobs, fair between tables: each lane keeps one first-come queue
 * per table and takes from the tables in turn, so a table that reopens with two hundred
 * unscored decisions (or one that plays fast) never holds every other table's cards behind it.
 * Within a table, decisions keep their order.
 */
export class JobQueue<T> {
  private readonly lanes: Record<Lane, Map<string, T[]>> = { live: new Map(), 'catch-up': new Map() };
  private waiting = 0;
  private liveInARow = 0;

  get length(): number {
    return this.waiting;
  }

  push(table: string, lane: Lane, item: T): void {
    const tables = this.lanes[lane];
    const queue = tables.get(table);
    if (queue === undefined) tables.set(table, [item]);
    else queue.push(item);
    this.waiting += 1;
  }

  /** The next job: live before catch-up (bar one in CATCH_UP_SHARE), and the table whose turn it is within the lane. */
  shift(): T | undefined {
    const live = this.lanes.live.size > 0;
    const catchUp = this.lanes['catch-up'].size > 0;
    if (!live && !catchUp) return undefined;
    const lane: Lane = live && !(catchUp && this.liveInARow >= CATCH_UP_SHARE - 1) ? 'live' : 'catch-up';
    this.liveInARow = lane === 'live' ? this.liveInARow + 1 : 0;
    return this.takeFrom(this.lanes[lane]);
  }

  /** Every job still waiting, in the order they would have run; the queue is empty after. */
  drain(): T[] {
    const all: T[] = [];
    for (let next = this.shift(); next !== undefined; next = this.shift()) all.push(next);
    return all;
  }

  /** The first table in the map is the one whose turn it is; after its job it goes to the back. */
  private takeFrom(tables: Map<string, T[]>): T | undefined {
    const first = tables.entries().next();
    if (first.done === true) return undefined;
    const [table, queue] = first.value;
    const item = queue.shift();
    tables.delete(table);
    if (queue.length > 0) tables.set(table, queue);
    this.waiting -= 1;
    return item;
  }
}
