import { parentPort } from 'node:worker_threads';
import type { Scenario } from '../../shared/scenario/schema.ts';
import { scoreDecision } from '../../shared/scoring/score-decision.ts';
import type { WorkerReply, WorkerRequest } from './job.ts';

/**
 * A scoring worker: projects the futures of one decision at a time, off the rooms'
 * event loop. Scenarios are kept by key so each is sent to a worker only once.
 */
const scenarios = new Map<string, Scenario>();

function answer(request: WorkerRequest): WorkerReply {
  if (request.scenario !== undefined) scenarios.set(request.scenarioKey, request.scenario);
  const scenario = scenarios.get(request.scenarioKey);
  if (scenario === undefined) return { ok: false, error: `scenario ${request.scenarioKey} was never sent to this worker` };
  const started = performance.now();
  try {
    const card = scoreDecision(scenario, request.before, request.seq, request.seat, request.move);
    return { ok: true, card, ms: performance.now() - started };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}

parentPort?.on('message', (request: WorkerRequest) => {
  parentPort?.postMessage(answer(request));
});
