// `npm test`: every suite the project has, in order, each one run even when an
// earlier one failed, so one run shows everything that is broken. The last line
// is always `N passed, N failed`; the exit code is 1 if anything failed.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findChromium } from './chromium.ts';

const root = path.resolve(import.meta.dirname, '..');
const binDir = path.join(root, 'node_modules', '.bin');
const reportDir = mkdtempSync(path.join(tmpdir(), 'border-bargain-test-'));

// Tools started by our suites (Playwright's webServer, for one) find the pinned
// Node first, even when this script was started without npm.
const childEnv: NodeJS.ProcessEnv = {
  ...process.env,
  PATH: [binDir, path.dirname(process.execPath), process.env.PATH ?? ''].join(path.delimiter),
};

type Outcome = { suite: string; passed: number; failed: number; note: string };

function banner(text: string): void {
  console.log(`\n━━━━ ${text} ${'━'.repeat(Math.max(4, 72 - text.length))}\n`);
}

// The .bin entries are JS files: running them on process.execPath keeps every
// suite on the pinned Node rather than whatever `#!/usr/bin/env node` finds.
function runTool(tool: string, args: string[], env: NodeJS.ProcessEnv = childEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(binDir, tool), ...args], {
      cwd: root,
      env,
      stdio: 'inherit',
    });
    child.on('error', (error) => {
      console.error(`Could not start ${tool}: ${error.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

function readJson(file: string): unknown {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function count(report: unknown, key: string): number {
  const value = (report as Record<string, unknown> | undefined)?.[key];
  return typeof value === 'number' ? value : 0;
}

// shared/ is also checked with every indexed read possibly missing (tsconfig.shared.json):
// the rules run on the server, the client and in the scorer, where a silent `undefined` costs most.
async function typeCheck(): Promise<Outcome> {
  banner('type check: tsc --noEmit, then tsc -p tsconfig.shared.json');
  const code = (await runTool('tsc', ['--noEmit'])) || (await runTool('tsc', ['-p', 'tsconfig.shared.json']));
  if (code === 0) console.log('Type check passed.');
  return { suite: 'type check', passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, note: code === 0 ? '' : 'type errors' };
}

async function vitest(): Promise<Outcome> {
  banner('unit and server tests: vitest run');
  const reportFile = path.join(reportDir, 'vitest.json');
  const code = await runTool('vitest', ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${reportFile}`]);
  const report = readJson(reportFile);
  if (report === undefined) {
    return { suite: 'vitest', passed: 0, failed: 1, note: `exited with code ${code} and wrote no report` };
  }
  const passed = count(report, 'numPassedTests');
  const failed = count(report, 'numFailedTests');
  const skipped = count(report, 'numPendingTests') + count(report, 'numTodoTests');
  const notes = skipped > 0 ? [`${skipped} skipped`] : [];
  // A file that fails to load, or an unhandled error, fails the run without failing a test.
  if (code !== 0 && failed === 0) {
    const none = count(report, 'numTotalTests') === 0;
    notes.push(none ? 'no tests found' : `exited with code ${code}: errors outside tests`);
    return { suite: 'vitest', passed, failed: 1, note: notes.join('; ') };
  }
  return { suite: 'vitest', passed, failed, note: notes.join('; ') };
}

async function endToEnd(): Promise<Outcome[]> {
  banner('end-to-end tests: playwright test (Chromium)');
  if (!existsSync(path.join(root, 'playwright.config.ts'))) {
    console.log('⚠ E2E NOT RUN: there is no playwright.config.ts yet.');
    return [{ suite: 'e2e', passed: 0, failed: 0, note: 'NOT RUN: no playwright.config.ts' }];
  }

  let chromium: string;
  try {
    chromium = await findChromium();
  } catch (error) {
    console.error((error as Error).message);
    return [{ suite: 'e2e', passed: 0, failed: 1, note: 'not run: no Chromium' }];
  }
  console.log(`Chromium: ${chromium}`);
  const env = { ...childEnv, CHROMIUM_PATH: chromium };

  // The e2e tests drive the real built client, exactly as `npm start` serves it.
  console.log('Building the client (vite build)…');
  const buildCode = await runTool('vite', ['build'], env);
  const build: Outcome = { suite: 'client build', passed: buildCode === 0 ? 1 : 0, failed: buildCode === 0 ? 0 : 1, note: '' };
  if (buildCode !== 0) {
    return [build, { suite: 'e2e', passed: 0, failed: 1, note: 'not run: the client did not build' }];
  }

  const reportFile = path.join(reportDir, 'playwright.json');
  const code = await runTool('playwright', ['test', '--reporter=list,json'], { ...env, PLAYWRIGHT_JSON_OUTPUT_FILE: reportFile });
  const stats = (readJson(reportFile) as { stats?: unknown } | undefined)?.stats;
  if (stats === undefined) {
    return [build, { suite: 'e2e', passed: 0, failed: 1, note: `exited with code ${code} and wrote no report` }];
  }
  const flaky = count(stats, 'flaky');
  const passed = count(stats, 'expected') + flaky;
  const failed = count(stats, 'unexpected');
  const skipped = count(stats, 'skipped');
  const notes = [flaky > 0 ? `${flaky} flaky` : '', skipped > 0 ? `${skipped} skipped` : ''].filter(Boolean);
  // A broken config, global setup or web server fails the run before any test does.
  if (code !== 0 && failed === 0) {
    notes.push(`exited with code ${code}: errors outside tests`);
    return [build, { suite: 'e2e', passed, failed: 1, note: notes.join('; ') }];
  }
  return [build, { suite: 'e2e', passed, failed, note: notes.join('; ') }];
}

function printSummary(outcomes: Outcome[]): { passed: number; failed: number } {
  banner('summary');
  const width = Math.max(...outcomes.map((o) => o.suite.length), 'suite'.length);
  console.log(`${'suite'.padEnd(width)}  ${'passed'.padStart(6)}  ${'failed'.padStart(6)}  note`);
  for (const o of outcomes) {
    console.log(`${o.suite.padEnd(width)}  ${String(o.passed).padStart(6)}  ${String(o.failed).padStart(6)}  ${o.note}`);
  }
  const passed = outcomes.reduce((sum, o) => sum + o.passed, 0);
  const failed = outcomes.reduce((sum, o) => sum + o.failed, 0);
  console.log('');
  return { passed, failed };
}

const outcomes: Outcome[] = [];
try {
  outcomes.push(await typeCheck());
  outcomes.push(await vitest());
  outcomes.push(...(await endToEnd()));
} catch (error) {
  // A bug in this runner must still end in a failing summary, never a silent pass.
  console.error(error);
  outcomes.push({ suite: 'test runner', passed: 0, failed: 1, note: `crashed: ${(error as Error).message}` });
} finally {
  rmSync(reportDir, { recursive: true, force: true });
}
const total = printSummary(outcomes);
console.log(`${total.passed} passed, ${total.failed} failed`);
process.exitCode = total.failed > 0 ? 1 : 0;
