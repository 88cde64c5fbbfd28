// `npm start`: one process that serves a class. It rebuilds the client first
// when dist/ is missing or older than its sources, so a fresh clone needs only
// `npm install` then `npm start`.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureClientBuilt } from './client-build.ts';

const root = path.resolve(import.meta.dirname, '..');
// The server and Vite resolve data/, dist/ and scenarios/ from here.
process.chdir(root);

const serverEntry = path.join(root, 'server', 'main.ts');

if (!existsSync(serverEntry)) {
  console.error('Cannot start: server/main.ts is missing (the game server has not been written yet).');
  process.exit(1);
}

try {
  if ((await ensureClientBuilt()) === 'absent') console.log('No client/index.html yet: starting the game server without a web client.');
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

// server/main.ts listens on PORT (2567 by default), prints its URL and handles
// SIGINT/SIGTERM itself.
await import(pathToFileURL(serverEntry).href);
