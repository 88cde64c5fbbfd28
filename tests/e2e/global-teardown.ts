import { rmSync } from 'node:fs';

/** The server's data folder was made for this run only. */
export default function globalTeardown(): void {
  const dir = process.env.E2E_DATA_DIR;
  if (dir) rmSync(dir, { recursive: true, force: true });
}
