// `npm start`: one process that serves a class. It rebuilds the client first
// when dist/ is missing or older than its sources, so a fresh clone needs only
// `npm install` then `npm start`.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '..');
// The server and Vite resolve data/, dist/ and scenarios/ from here.
process.chdir(root);

const clientPage = path.join(root, 'client', 'index.html');
const builtPage = path.join(root, 'dist', 'index.html');
const buildInputs = ['client', 'shared', 'vite.config.ts'].map((p) => path.join(root, p));
const serverEntry = path.join(root, 'server', 'main.ts');

function newestChange(paths: string[]): number {
  let newest = 0;
  for (const p of paths) {
    if (!existsSync(p)) continue;
    const stat = statSync(p);
    if (stat.isFile()) newest = Math.max(newest, stat.mtimeMs);
    if (!stat.isDirectory()) continue;
    for (const entry of readdirSync(p, { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
    }
  }
  return newest;
}

// Why the client needs building, or null when dist/ is up to date.
function staleness(): string | null {
  if (!existsSync(builtPage)) return 'no build yet';
  if (statSync(builtPage).mtimeMs < newestChange(buildInputs)) return 'its sources changed since the last build';
  return null;
}

if (!existsSync(serverEntry)) {
  console.error('Cannot start: server/main.ts is missing (the game server has not been written yet).');
  process.exit(1);
}

if (!existsSync(clientPage)) {
  console.log('No client/index.html yet: starting the game server without a web client.');
} else if (staleness() !== null) {
  console.log(`Building the client into dist/ (${staleness()})…`);
  // Vite is a dev dependency: load it only when there is something to build.
  const { build } = await import('vite');
  try {
    await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
  } catch (error) {
    console.error(`The client did not build: ${(error as Error).message}`);
    process.exit(1);
  }
}

// server/main.ts listens on PORT (2567 by default), prints its URL and handles
// SIGINT/SIGTERM itself.
await import(pathToFileURL(serverEntry).href);
