// The replay viewer in a real browser: how long a 20-round game's replay takes to show its
// first frame, and how long a jump to any step takes to draw. A real server plays a 20-round
// game with bots (the 2019 scenario stretched to 20 months), then headless Chromium opens it.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import pino from 'pino';
import { chromiumArgs, findChromium } from '../scripts/chromium.ts';
import { ensureClientBuilt } from '../scripts/client-build.ts';
import { startServer } from '../server/app.ts';

const ROUNDS = 20;
const OPENINGS = 5;
const JUMPS = 40;

export type ReviewPageBench = { rounds: number; entries: number; firstFrameMs: number[]; jumpMs: number[] };

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function json(url: string, init?: RequestInit): Promise<unknown> {
  const response = await fetch(url, { ...init, headers: { 'content-type': 'application/json', ...init?.headers } });
  if (!response.ok) throw new Error(`${init?.method ?? 'GET'} ${url}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** A class of one table, bots in both seats, played to its end; returns the game's id. */
async function playedGame(base: string): Promise<string> {
  const long = 600;
  const created = (await json(`${base}/api/sessions`, {
    method: 'POST',
    body: JSON.stringify({ scenarioId: 'bench-20-rounds', tables: 1, timers: { briefing: long, negotiation: long, decision: long, resolution: long, debrief: long }, bots: 'coercive' }),
  })) as { sessionId: string; instructorUrl: string };
  const secret = new URLSearchParams(created.instructorUrl.split('#')[1]).get('secret') ?? '';
  const auth = { authorization: `Bearer ${secret}` };
  await json(`${base}/api/sessions/${created.sessionId}/control`, { method: 'POST', body: JSON.stringify({ type: 'start' }), headers: auth });
  for (;;) {
    const view = (await json(`${base}/api/sessions/${created.sessionId}`, { headers: auth })) as { tables: { gameId: string; phase: string }[] };
    const table = view.tables[0];
    if (table?.phase === 'ended') return table.gameId;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export async function benchReviewPage(): Promise<ReviewPageBench> {
  if ((await ensureClientBuilt()) === 'absent') throw new Error('no client to build');
  const work = mkdtempSync(path.join(tmpdir(), 'border-bargain-bench-'));
  const scenarios = path.join(work, 'scenarios');
  const base2019 = JSON.parse(readFileSync(new URL('../scenarios/us-mexico-2019.json', import.meta.url), 'utf8')) as { rounds: unknown[] };
  const rounds = Array.from({ length: ROUNDS }, (_v, i) => base2019.rounds[i % base2019.rounds.length]);
  mkdirSync(scenarios);
  writeFileSync(path.join(scenarios, 'bench-20-rounds.json'), JSON.stringify({ ...base2019, id: 'bench-20-rounds', rounds }));
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir: path.join(work, 'data'),
    scenariosDir: scenarios,
    distDir: path.resolve(import.meta.dirname, '..', 'dist'),
    log: pino({ level: 'silent' }),
    botPaceMs: 0,
  });
  const browser = await chromium.launch({ executablePath: await findChromium(), args: [...chromiumArgs] });
  try {
    const gameId = await playedGame(server.url);
    const record = (await json(`${server.url}/api/games/${gameId}/record`)) as { entries: unknown[] };
    const entries = record.entries.length;
    const firstFrameMs: number[] = [];
    for (let i = 0; i < OPENINGS; i++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      // The moment the first step is on the page, from the start of navigation (the page's own clock).
      await page.addInitScript(() => {
        const seen = new MutationObserver(() => {
          if (document.querySelector('.review[data-shown-step]') === null) return;
          seen.disconnect();
          requestAnimationFrame(() => ((window as unknown as { firstFrameAt: number }).firstFrameAt = performance.now()));
        });
        seen.observe(document, { subtree: true, childList: true, attributes: true });
      });
      await page.goto(`${server.url}/?review=${gameId}`);
      firstFrameMs.push(await page.waitForFunction(() => (window as unknown as { firstFrameAt?: number }).firstFrameAt).then((handle) => handle.jsonValue() as Promise<number>));
      await page.close();
    }
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.url}/?review=${gameId}`);
    await page.waitForSelector('.review[data-shown-step]');
    const jumpMs: number[] = [];
    for (let i = 0; i < JUMPS; i++) {
      const step = (i * 7919 + 13) % (entries + 1);
      // From the input event to the frame painted after the step is shown.
      jumpMs.push(
        await page.evaluate(async (target) => {
          const range = document.querySelector<HTMLInputElement>('#scrub-range');
          const review = document.querySelector<HTMLElement>('.review');
          if (range === null || review === null) throw new Error('no scrubber on the page');
          const started = performance.now();
          range.value = String(target);
          range.dispatchEvent(new Event('input', { bubbles: true }));
          while (review.dataset.shownStep !== String(target)) await new Promise((resolve) => requestAnimationFrame(resolve));
          await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
          return performance.now() - started;
        }, step),
      );
    }
    return { rounds: ROUNDS, entries, firstFrameMs, jumpMs };
  } finally {
    await browser.close();
    await server.close();
    rmSync(work, { recursive: true, force: true });
  }
}

export function printReviewPage(result: ReviewPageBench): void {
  const first = [...result.firstFrameMs].sort((a, b) => a - b);
  const jumps = [...result.jumpMs].sort((a, b) => a - b);
  console.log(`replay page, ${result.rounds}-round game (${result.entries} entries), Chromium:`);
  console.log(`  first frame after navigation   median ${percentile(first, 50).toFixed(0)} ms   max ${first.at(-1)?.toFixed(0)} ms   (${first.length} openings)`);
  console.log(`  jump to any step, painted      median ${percentile(jumps, 50).toFixed(1)} ms   p95 ${percentile(jumps, 95).toFixed(1)} ms   max ${jumps.at(-1)?.toFixed(1)} ms   (${jumps.length} jumps)`);
}
