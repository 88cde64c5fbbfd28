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

export function startServerChild(file: URL, env: Record<string, string | undefined>): Promise<ServerChild> {
  // The server's log lines go nowhere, as they would cost a terminal; its errors show.
  const child = spawn(process.execPath, ['--expose-gc', file.pathname], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const waiting: ((message: ChildMessage) => void)[] = [];
  child.on('message', (raw: unknown) => {
    // Colyseus speaks over the same channel when it sees one (its own cluster messages): only ours are answers.
    const message = ChildMessage.safeParse(raw);
    if (message.success) waiting.shift()?.(message.data);
  });
  const ask = (request: ChildRequest): Promise<ChildMessage> =>
    new Promise((resolve) => {
      waiting.push(resolve);
      child.send(request);
    });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server child ${file.pathname} exited with ${code} before it was ready`)));
    waiting.push((message) => {
      if (message.type !== 'ready') return reject(new Error(`server child said ${message.type} first`));
      resolve({
        port: message.port,
        url: `http://127.0.0.1:${message.port}`,
        async stats(gc = false) {
          const answer = await ask({ type: 'stats', gc });
          if (answer.type !== 'stats') throw new Error(`asked for stats, got ${answer.type}`);
          return answer;
        },
        async stop() {
          child.removeAllListeners('exit');
          const exited = new Promise((done) => child.once('exit', done));
          await ask({ type: 'stop' });
          await exited;
        },
      });
    });
  });
}
