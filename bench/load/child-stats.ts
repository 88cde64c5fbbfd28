import { performance } from 'node:perf_hooks';
import { takeStageFigures } from '../../server/rooms/move-path.ts';
import { ChildRequest } from './child-protocol.ts';
import type { ScoringFigures } from '../../server/scoring/figures.ts';
import type { ChildMessage } from './child-protocol.ts';

/** A server child's side of the bench's IPC: says it is ready, answers for its figures, stops when told. */
export function answerBench(port: number, close: () => Promise<void>, scoring: () => ScoringFigures | null = () => null): void {
  const send = (message: ChildMessage, sent?: () => void): void => void process.send?.(message, undefined, {}, sent);
  process.on('message', (raw: unknown) => {
    const parsed = ChildRequest.safeParse(raw);
    if (!parsed.success) return;
    const request = parsed.data;
    if (request.type === 'stop') {
      close().then(
        // Exiting only once "stopped" is written: process.send is asynchronous, and an exit would drop it.
        () => send({ type: 'stopped' }, () => process.exit(0)),
        (error: unknown) => {
          console.error(error);
          process.exit(1);
        },
      );
      return;
    }
    if (request.gc) globalThis.gc?.();
    const cpu = process.cpuUsage();
    const thread = process.threadCpuUsage();
    const memory = process.memoryUsage();
    const loop = performance.eventLoopUtilization();
    send({
      type: 'stats',
      cpuMs: (cpu.user + cpu.system) / 1000,
      mainThreadCpuMs: (thread.user + thread.system) / 1000,
      rss: memory.rss,
      heapUsed: memory.heapUsed,
      eventLoopActiveMs: loop.active,
      eventLoopIdleMs: loop.idle,
      stages: takeStageFigures(),
      scoring: scoring(),
    });
  });
  send({ type: 'ready', port });
}
