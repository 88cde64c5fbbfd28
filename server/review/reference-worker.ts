import { parentPort, workerData } from 'node:worker_threads';
import { referenceOutcomes } from '../../shared/review/outcomes.ts';
import type { Scenario } from '../../shared/scenario/schema.ts';

/**
 * One scenario's reference games, played off the rooms' event loop: 36 bot games and the
 * historical path take about half a second of CPU. Answers once, then the thread ends.
 */
const started = performance.now();
const points = referenceOutcomes(workerData as Scenario);
parentPort?.postMessage({ points, ms: performance.now() - started });
