// `npm run dev`: the client from Vite with hot reload on 5173, and the game
// server restarted by `node --watch` on every change. Vite proxies the API and
// the Colyseus paths to the game server (see vite.config.ts), so the page
// behaves as it does when the game server serves dist/ itself.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createServer } from 'vite';

const root = path.resolve(import.meta.dirname, '..');
process.chdir(root);

const clientPort = 5173;
const serverPort = process.env.PORT ?? '2567';

if (!existsSync(path.join(root, 'server', 'main.ts'))) {
  console.error('Cannot start: server/main.ts is missing (the game server has not been written yet).');
  process.exit(1);
}

const vite = await createServer({
  configFile: path.join(root, 'vite.config.ts'),
  server: { port: clientPort, strictPort: true },
});
try {
  await vite.listen();
} catch (error) {
  console.error(`The client dev server did not start: ${(error as Error).message}`);
  process.exit(1);
}

// process.execPath is the pinned Node that runs this script.
const gameServer = spawn(process.execPath, ['--watch', 'server/main.ts'], {
  cwd: root,
  env: { ...process.env, PORT: serverPort, NODE_ENV: process.env.NODE_ENV ?? 'development' },
  stdio: 'inherit',
});

console.log(`\n  Open the game:  http://localhost:${clientPort}/   (Vite, hot reload)`);
console.log(`  Game server:    http://localhost:${serverPort}/   (restarts when server/ or shared/ changes)`);
console.log('  Press Ctrl-C to stop both.\n');

let stopping = false;
async function stop(exitCode: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  const serverExited =
    gameServer.exitCode !== null || gameServer.signalCode !== null
      ? Promise.resolve()
      : new Promise<void>((resolve) => gameServer.once('exit', () => resolve()));
  // The terminal already sent SIGINT to the whole process group; this covers
  // a SIGTERM sent to this process alone.
  gameServer.kill('SIGTERM');
  await Promise.all([vite.close(), serverExited]);
  process.exit(exitCode);
}

process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
// `node --watch` survives crashes of the server, so an exit here means it was killed.
gameServer.on('exit', (code) => {
  if (!stopping) {
    console.error(`The game server stopped (exit ${code ?? 'by signal'}); stopping the client dev server too.`);
    void stop(code ?? 1);
  }
});
