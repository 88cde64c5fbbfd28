import { chromiumArgs } from './scripts/chromium.ts';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

// The e2e suite drives the built client (dist/) served by the real game server,
// in Debian's Chromium: Playwright's own browser download cannot work here.
const port = Number(process.env.E2E_PORT ?? process.env.PORT ?? 2599);
const baseURL = `http://localhost:${port}`;

// Set once in the main process; workers inherit it, so every process agrees on one fresh folder.
process.env.E2E_DATA_DIR ??= path.join(tmpdir(), `border-bargain-e2e-${Date.now()}-${process.pid}`);

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 180_000,
  expect: { timeout: 15_000 },
  globalTeardown: './tests/e2e/global-teardown.ts',
  use: {
    baseURL,
    headless: true,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    viewport: { width: 1280, height: 900 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [...chromiumArgs],
    },
  },
  webServer: {
    // process.execPath: the pinned Node that runs this config, which strips the server's types.
    command: `"${process.execPath}" server/main.ts`,
    url: `${baseURL}/api/health`,
    // SQLite in a fresh folder and one process even when DATABASE_URL and REDIS_URL are set (CI sets them for the store and cluster suites):
    // Playwright passes our environment on, and a shared database would restore other runs' games.
    // Bots keep a floor between moves (a quarter second here, seconds in a class) so tests see them play one move at a time.
    env: { PORT: String(port), DATA_DIR: process.env.E2E_DATA_DIR, DATABASE_URL: '', REDIS_URL: '', LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn', BOT_PACE_MS: process.env.BOT_PACE_MS ?? '250' },
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
