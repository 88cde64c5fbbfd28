import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import type { FrameworkCard } from '../../shared/scoring/card.ts';
import { scenarioKey, type ScoringJob, type WorkerReply, type WorkerRequest } from './job.ts';

export type { ScoringJob };

/** Scores decisions away from the rooms: a card takes 5–15 ms of projections, too long for a message handler. */
export type Scorer = {
  /** Resolves with the decision's card; rejects when scoring failed or the scorer closed first. */
  score(job: ScoringJob, log?: Logger): Promise<FrameworkCard>;
  /** Resolves once no job is waiting or running: what a test waits for before it asserts that a card was held back. */
  idle(): Promise<void>;
  /** Stops the workers; jobs still waiting are rejected. */
  close(): Promise<void>;
};

/** One core stays with the rooms and the HTTP API; two workers already keep up with a classroom. */
export function defaultPoolSize(): number {
  return Math.max(1, Math.min(2, availableParallelism() - 1));
}

type Pending = { job: ScoringJob; log: Logger; queuedAt: number; resolve(card: FrameworkCard): void; reject(error: Error): void };
type Slot = { worker: Worker; sent: Set<string>; busy: Pending | null };

const WORKER_FILE = new URL('./worker.ts', import.meta.url);

/**
 * A small pool of worker threads with a first-come queue. Each worker scores one
 * decision at a time; a worker that dies takes only its current job with it and is
 * replaced on the next job.
 */
export function createScorer(log: Logger, size = defaultPoolSize()): Scorer {
  const queue: Pending[] = [];
  const slots = new Set<Slot>();
  const idleWaiters: (() => void)[] = [];
  let closed = false;

  const isIdle = (): boolean => queue.length === 0 && [...slots].every((slot) => slot.busy === null);
  const wakeIdleWaiters = (): void => {
    if (isIdle()) for (const wake of idleWaiters.splice(0)) wake();
  };

  const retire = (slot: Slot, error: Error): void => {
    if (!slots.delete(slot)) return;
    const job = slot.busy;
    slot.busy = null;
    if (job !== null) job.reject(error);
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
        const totalMs = Math.round(performance.now() - pending.queuedAt);
        pending.log.info({ seq, seat, scoringMs: Math.round(reply.ms * 10) / 10, totalMs }, 'decision scored');
        pending.resolve(reply.card);
      } else {
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

  function pump(): void {
    while (!closed && queue.length > 0) {
      let idle = [...slots].find((slot) => slot.busy === null);
      if (idle === undefined && slots.size < size) idle = spawn();
      if (idle === undefined) return;
      const next = queue.shift();
      if (next !== undefined) dispatch(idle, next);
    }
    wakeIdleWaiters();
  }

  return {
    score(job, jobLog = log) {
      if (closed) return Promise.reject(new Error('the scorer is closed'));
      return new Promise<FrameworkCard>((resolve, reject) => {
        queue.push({ job, log: jobLog, queuedAt: performance.now(), resolve, reject });
        pump();
      });
    },
    idle() {
      return isIdle() ? Promise.resolve() : new Promise<void>((resolve) => idleWaiters.push(resolve));
    },
    async close() {
      if (closed) return;
      closed = true;
      const stopped = new Error('the scorer closed before this decision was scored');
      for (const pending of queue.splice(0)) pending.reject(stopped);
      const running = [...slots];
      slots.clear();
      for (const slot of running) slot.busy?.reject(stopped);
      wakeIdleWaiters();
      await Promise.all(running.map((slot) => slot.worker.terminate()));
    },
  };
}
