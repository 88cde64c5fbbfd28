import { Worker } from 'node:worker_threads';
import type { OutcomePoint } from '../../shared/review/schemas.ts';
import type { Scenario } from '../../shared/scenario/schema.ts';
import { scenarioKey } from '../scoring/job.ts';

const WORKER_FILE = new URL('./reference-worker.ts', import.meta.url);

/** The points, and how long playing them took inside the worker. */
export type ReferenceGames = { points: OutcomePoint[]; ms: number };

/**
 * Reference outcomes computed once per scenario id and version. They are deterministic,
 * so a cached answer is the answer; callers asking while they are computed share the one
 * computation. A failure is not kept: the next caller tries again.
 */
export function referenceCache(compute: (scenario: Scenario) => Promise<ReferenceGames> = inWorker): (scenario: Scenario) => Promise<OutcomePoint[]> {
  const computed = new Map<string, Promise<ReferenceGames>>();
  return async (scenario) => {
    const key = scenarioKey(scenario);
    let pending = computed.get(key);
    if (pending === undefined) {
      pending = compute(scenario);
      computed.set(key, pending);
      pending.catch(() => computed.delete(key));
    }
    const { points } = await pending;
    // Each caller gets its own copy to mark frontiers on.
    return points.map((p) => ({ ...p, scores: { ...p.scores }, policies: p.policies === null ? null : { ...p.policies } }));
  };
}

/** The scenario's historical path and bot pairings, for the life of the process. */
export const referenceOutcomesFor: (scenario: Scenario) => Promise<OutcomePoint[]> = referenceCache();

/** 36 bot games and the historical path take about half a second of CPU: never on the rooms' event loop. */
export function inWorker(scenario: Scenario): Promise<ReferenceGames> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_FILE, { workerData: scenario });
    // A stopping server must not wait for a comparison nobody will read.
    worker.unref();
    let answered = false;
    worker.once('message', (reply: ReferenceGames) => {
      answered = true;
      resolve(reply);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`the reference games worker exited with code ${code} before answering`));
    });
  });
}
