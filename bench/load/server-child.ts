import { spawn } from 'node:child_process';
import { ChildMessage } from './child-protocol.ts';
import type { ChildRequest, ChildStats } from './child-protocol.ts';

/** A server the bench started in a process of its own, on the pinned Node, with GC exposed for honest heap figures. */
export type ServerChild = {
  port: number;
  url: string;
  stats(gc?: boolean): Promise<ChildStats>;
  stop(): Promise<void>;
};

type Waiter = { resolve(message: ChildMessage): void; reject(error: Error): void };

/**
 * Every wait on the child ends, with its answer or with its exit: a question left pending
 * when the child is gone would leave this process nothing to wait on, and Node would end it
 * in the middle of the bench (exit code 13, an unsettled top-level await) without a word on stdout.
 */
export function startServerChild(file: URL, env: Record<string, string | undefined>): Promise<ServerChild> {
  // The server's log lines go nowhere, as they would cost a terminal; its errors show.
  const child = spawn(process.execPath, ['--expose-gc', file.pathname], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const waiting: Waiter[] = [];
  let exit: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  const exited = new Promise<void>((done) =>
    child.once('exit', (code, signal) => {
      exit = { code, signal };
      const gone = new Error(`server child ${file.pathname} exited (code ${code}, signal ${signal}) with a question unanswered`);
      for (const waiter of waiting.splice(0)) waiter.reject(gone);
      done();
    }),
  );
  child.on('message', (raw: unknown) => {
    // Colyseus speaks over the same channel when it sees one (its own cluster messages): only ours are answers.
    const message = ChildMessage.safeParse(raw);
    if (message.success) waiting.shift()?.resolve(message.data);
  });
  const ask = (request: ChildRequest): Promise<ChildMessage> =>
    new Promise((resolve, reject) => {
      if (exit !== null) return reject(new Error(`server child ${file.pathname} has exited (code ${exit.code}, signal ${exit.signal})`));
      waiting.push({ resolve, reject });
      child.send(request);
    });
  return new Promise((resolve, reject) => {
    waiting.push({
      reject,
      resolve: (message) => {
        if (message.type !== 'ready') return reject(new Error(`server child said ${message.type} first`));
        resolve({
          port: message.port,
          url: `http://127.0.0.1:${message.port}`,
          async stats(gc = false) {
            const answer = await ask({ type: 'stats', gc });
            if (answer.type !== 'stats') throw new Error(`asked for stats, got ${answer.type}`);
            return answer;
          },
          // The child's exit is the answer that counts: its "stopped" may be lost as it exits.
          async stop() {
            await Promise.race([ask({ type: 'stop' }).catch(() => undefined), exited]);
            await exited;
            const code = (exit as { code: number | null } | null)?.code;
            if (code !== 0) throw new Error(`server child ${file.pathname} stopped with exit code ${code}`);
          },
        });
      },
    });
  });
}
