import { recordStage } from '../rooms/move-path.ts';

/**
 * Writes one batch in one transaction: all of it durable when it returns (or resolves),
 * none of it when it throws.
 */
export type BatchWriter<T> = (batch: readonly T[]) => void | Promise<void>;

/** Refused before it was tried: too many writes wait already. Nothing of it was stored. */
export class StoreBusyError extends Error {
  constructor(queued: number) {
    super(`the store has ${queued} writes waiting; try again`);
    this.name = 'StoreBusyError';
  }
}

/** Refused because the store is closing or closed. Nothing of it was stored. */
export class StoreClosedError extends Error {
  constructor() {
    super('the store is closed');
    this.name = 'StoreClosedError';
  }
}

type Waiting<T> = { item: T; resolve: () => void; reject: (error: unknown) => void };

/**
 * Group commit: writes that arrive within one turn of the event loop, or while the
 * previous batch is being committed, are stored together in one transaction (one fsync,
 * one round trip), and each caller hears back only once its batch is durable.
 *
 * A batch that fails is tried again one write at a time, each in its own transaction, so
 * one bad write (a seq already used) cannot refuse the moves of every other table in its
 * batch; a write that fails alone is refused, and nothing of it is stored. At most one batch
 * is in flight, so writes are committed in the order they were added.
 */
export class GroupCommit<T> {
  private readonly write: BatchWriter<T>;
  private readonly maxWaiting: number;
  private waiting: Waiting<T>[] = [];
  private flushing: Promise<void> | null = null;
  private scheduled = false;
  private closed = false;

  /** `maxWaiting`: how many writes may wait for the next batch before more are refused as busy. */
  constructor(write: BatchWriter<T>, maxWaiting: number) {
    this.write = write;
    this.maxWaiting = maxWaiting;
  }

  /** How many writes wait for the next batch (the one in flight not counted). */
  get depth(): number {
    return this.waiting.length;
  }

  /** Resolves once `item` is durable; rejects, with nothing of it stored, if it could not be. */
  add(item: T): Promise<void> {
    if (this.closed) return Promise.reject(new StoreClosedError());
    if (this.waiting.length >= this.maxWaiting) return Promise.reject(new StoreBusyError(this.waiting.length));
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      this.schedule();
    });
  }

  /** Commits everything added so far, then refuses new writes: what a store does before it closes. */
  async close(): Promise<void> {
    this.closed = true;
    while (this.flushing !== null || this.waiting.length > 0) {
      if (this.flushing === null) this.startFlush();
      await this.flushing;
    }
  }

  private schedule(): void {
    if (this.scheduled || this.flushing !== null) return;
    this.scheduled = true;
    // setImmediate, not a microtask: every message the event loop read in this turn gets its turn first.
    setImmediate(() => {
      this.scheduled = false;
      if (this.flushing === null && this.waiting.length > 0) this.startFlush();
    });
  }

  /** The writes added while this batch is committed make the next one, started as it ends. */
  private startFlush(): void {
    // `finally` runs after this assignment even when the write fails at once (SQLite's is synchronous).
    this.flushing = this.flush().finally(() => {
      this.flushing = null;
      if (this.waiting.length > 0) this.startFlush();
    });
  }

  /** Commits the writes waiting now. */
  private async flush(): Promise<void> {
    const batch = this.waiting;
    this.waiting = [];
    const started = performance.now();
    try {
      await this.write(batch.map((w) => w.item));
      recordStage('batch', performance.now() - started);
      for (const w of batch) w.resolve();
    } catch (error) {
      if (batch.length === 1) batch[0]?.reject(error);
      else await this.oneByOne(batch);
    }
  }

  private async oneByOne(batch: Waiting<T>[]): Promise<void> {
    for (const w of batch) {
      try {
        await this.write([w.item]);
        w.resolve();
      } catch (error) {
        w.reject(error);
      }
    }
  }
}
