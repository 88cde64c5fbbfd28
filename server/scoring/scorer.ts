import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import type { FrameworkCard } from '../../shared/scoring/card.ts';
import { MAX_SCORING_BACKLOG } from '../rooms/limits.ts';
import { cardLatency, type ScoringFigures } from './figures.ts';
import { JobQueue, type Lane } from './job-queue.ts';
import { scenarioKey, type ScoringJob, type WorkerReply, type WorkerRequest } from './job.ts';

export type { Lane, ScoringJob };

/** Whose decision a job is: its table (the queue is fair between tables), its lane, and the log of its table. */
export type JobSource = { table: string; lane: Lane; log?: Logger };

/**
 * Scores decisions away from the rooms: a card takes 5–15 ms of projections, too long for a
 * message handler. A move never waits for its card: the card joins the table when it is ready.
 */
export type Scorer = {
  /** Resolves with the decision's card; rejects when scoring failed or the scorer closed first. */
  score(job: ScoringJob, source: JobSource): Promise<FrameworkCard>;
  /** Resolves once no job is waiting or running: what a test waits for before it asserts that a card was held back. */
  idle(): Promise<void>;
  /** The pool now: its backlog, how far behind it ever got, and how long cards take. */
  figures(): ScoringFigures;
  /**
   * Stops at once; the decisions left unscored (figures' waiting and running just before) are
   * logged. None is lost:
   * every decision is in its game's record, which is what the next server scores them from
   * (an unfinished table when its room reopens, a finished game when its cards are read).
   */
  close(): Promise<void>;
};

export type ScorerOptions = {
  /** Worker threads: every core but the one the rooms and the HTTP API run on, at least one. 0 leaves every decision waiting (tests that need a backlog). */
  workers?: number;
  /** Waiting jobs past which the pool reports that it is behind (see MAX_SCORING_BACKLOG). */
  bound?: number;
};

export function defaultPoolSize(): number {
  return Math.max(1, availableParallelism() - 1);
}

/** Card latencies kept for the figures: the latest this many. */
const LATENCY_SAMPLES = 10_000;

type Pending = { job: ScoringJob; source: JobSource; log: Logger; queuedAt: number; resolve(card: FrameworkCard): void; reject(error: Error): void };
type Slot = { worker: Worker; sent: Set<string>; busy: Pending | null };

const WORKER_FILE = new URL('./worker.ts', import.meta.url);

/**
 * A fixed pool of worker threads and a bounded, fair queue (JobQueue). Each worker scores
 * one decision at a time; a worker that dies takes only its current job with it and is
 * replaced on the next job. Past its bound the queue keeps every job (a decision's card is
 * never dropped) and says it is behind: once in the log each time it crosses the bound, and
 * always in its figures.
 */
export function createScorer(log: Logger, options: ScorerOptions = {}): Scorer {
  const size = options.workers ?? defaultPoolSize();
  const bound = options.bound ?? MAX_SCORING_BACKLOG;
  const queue = new JobQueue<Pending>();
  const slots = new Set<Slot>();
  const idleWaiters: (() => void)[] = [];
  const latencies: number[] = [];
  let latencyAt = 0;
  let scored = 0;
  let failed = 0;
  let peakWaiting = 0;
  let behind = false;
  let closed = false;

  const running = (): number => [...slots].filter((slot) => slot.busy !== null).length;
  const isIdle = (): boolean => queue.length === 0 && running() === 0;
  const wakeIdleWaiters = (): void => {
    if (isIdle()) for (const wake of idleWaiters.splice(0)) wake();
  };

  const noteLatency = (ms: number): void => {
    latencies[latencyAt] = ms;
    latencyAt = (latencyAt + 1) % LATENCY_SAMPLES;
  };

  const retire = (slot: Slot, error: Error): void => {
    if (!slots.delete(slot)) return;
    const job = slot.busy;
    slot.busy = null;
    if (job !== null) {
      failed += 1;
      job.reject(error);
    }
    if (!closed) log.error({ err: error }, 'a scoring worker stopped');
    pump();
  };

  const spawn = (): Slot => {
    const worker = new Worker(WORKER_FILE);
    // Idle workers must not keep a stopping process alive.
    worker.unref();
    const slot: Slot = { worker, sent: new Set(), busy: null };
    worker.on('message', (reply: WorkerReply) => finish(slot, reply));
    worker.on('error', (error) => retire(slot, error));
    worker.on('exit', (code) => retire(slot, new Error(`scoring worker exited with code ${code}`)));
    slots.add(slot);
    return slot;
  };

  const finish = (slot: Slot, reply: WorkerReply): void => {
    const pending = slot.busy;
    slot.busy = null;
    if (pending !== null) {
      const { seq, seat } = pending.job;
      if (reply.ok) {
        const totalMs = performance.now() - pending.queuedAt;
        scored += 1;
        if (pending.source.lane === 'live') noteLatency(totalMs);
        pending.log.info({ seq, seat, scoringMs: Math.round(reply.ms * 10) / 10, totalMs: Math.round(totalMs) }, 'decision scored');
        pending.resolve(reply.card);
      } else {
        failed += 1;
        pending.reject(new Error(`scoring decision ${seq} failed: ${reply.error}`));
      }
    }
    pump();
  };

  const dispatch = (slot: Slot, pending: Pending): void => {
    const { scenario, ...rest } = pending.job;
    const key = scenarioKey(scenario);
    const request: WorkerRequest = { ...rest, scenarioKey: key, scenario: slot.sent.has(key) ? undefined : scenario };
    slot.sent.add(key);
    slot.busy = pending;
    slot.worker.postMessage(request);
  };

  /** Says once per crossing that the pool is behind, and again once it has caught up to half the bound. */
  const reportBacklog = (): void => {
    const waiting = queue.length;
    if (waiting > peakWaiting) peakWaiting = waiting;
    if (!behind && waiting > bound) {
      behind = true;
      log.warn({ waiting, bound, workers: size }, 'scoring is behind: decisions wait past the bound (all are kept; their cards come late)');
    } else if (behind && waiting <= bound / 2) {
      behind = false;
      log.info({ waiting, bound }, 'scoring has caught up');
    }
  };

  function pump(): void {
    while (!closed && queue.length > 0) {
      let free = [...slots].find((slot) => slot.busy === null);
      if (free === undefined && slots.size < size) free = spawn();
      if (free === undefined) break;
      const next = queue.shift();
      if (next !== undefined) dispatch(free, next);
    }
    reportBacklog();
    wakeIdleWaiters();
  }

  return {
    score(job, source) {
      if (closed) return Promise.reject(new Error('the scorer is closed'));
      return new Promise<FrameworkCard>((resolve, reject) => {
        queue.push(source.table, source.lane, { job, source, log: source.log ?? log, queuedAt: performance.now(), resolve, reject });
        pump();
      });
    },
    idle() {
      return isIdle() ? Promise.resolve() : new Promise<void>((resolve) => idleWaiters.push(resolve));
    },
    figures() {
      return { workers: size, waiting: queue.length, running: running(), peakWaiting, bound, scored, failed, card: cardLatency(latencies, scored) };
    },
    async close() {
      if (closed) return;
      closed = true;
      const stopped = new Error('the scorer closed before this decision was scored; the next server scores it from the record');
      const left = queue.drain();
      const working = [...slots];
      slots.clear();
      for (const slot of working) if (slot.busy !== null) left.push(slot.busy);
      for (const pending of left) pending.reject(stopped);
      if (left.length > 0) log.info({ unscored: left.length }, 'scoring stopped: decisions left unscored stay in their records, scored when their table reopens or their cards are read');
      wakeIdleWaiters();
      await Promise.all(working.map((slot) => slot.worker.terminate()));
    },
  };
}
