// Builds the browser client into dist/ when it is missing or older than its sources:
// what `npm start` and `npm run debrief` need before they serve it.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const clientPage = path.join(root, 'client', 'index.html');
const builtPage = path.join(root, 'dist', 'index.html');
const buildInputs = ['client', 'shared', 'vite.config.ts'].map((p) => path.join(root, p));

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

/** Why the client needs building, or null when dist/ is up to date. */
function staleness(): string | null {
  if (!existsSync(builtPage)) return 'no build yet';
  if (statSync(builtPage).mtimeMs < newestChange(buildInputs)) return 'its sources changed since the last build';
  return null;
}

/**
 * 'absent' when there is no client to build (client/index.html missing); 'built' after a
 * build; 'fresh' when dist/ was already up to date. A failed build throws.
 */
export async function ensureClientBuilt(): Promise<'absent' | 'built' | 'fresh'> {
  if (!existsSync(clientPage)) return 'absent';
  const reason = staleness();
  if (reason === null) return 'fresh';
  console.log(`Building the client into dist/ (${reason})…`);
  // Vite is a dev dependency: load it only when there is something to build.
  const { build } = await import('vite');
  try {
    await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
  } catch (error) {
    throw new Error(`The client did not build: ${(error as Error).message}`);
  }
  return 'built';
}
