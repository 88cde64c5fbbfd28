import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { expectAccessible } from './accessibility.ts';
import { pagesForFile, takeSeat } from './pages.ts';

/**
 * Reviewing a class: the instructor runs a class whose tables are all played by bots, then
 * watches the dashboard, replays a table step by step, compares the tables, and plays a
 * what-if forked from a replay to its end against a bot. A student reviewing a game still
 * in play sees only what their seat saw. Screenshots of every view go to test-results/.
 */

const SCENARIO = 'us-mexico-2019';
const LONG = 600;
const TIMERS = { briefing: LONG, negotiation: LONG, decision: LONG, resolution: LONG, debrief: LONG };

const newPage = pagesForFile();

type Created = { sessionId: string; code: string; secret: string };

/** A class of two tables and no students: bots fill every seat and play on their own. */
async function botClass(request: APIRequestContext): Promise<Created> {
  const response = await request.post('/api/sessions', { data: { scenarioId: SCENARIO, tables: 2, timers: TIMERS, bots: 'dealmaker' } });
  expect(response.status()).toBe(201);
  const created = (await response.json()) as { sessionId: string; code: string; instructorUrl: string };
  const secret = new URLSearchParams(created.instructorUrl.split('#')[1]).get('secret') ?? '';
  const start = await request.post(`/api/sessions/${created.sessionId}/control`, { data: { type: 'start' }, headers: { authorization: `Bearer ${secret}` } });
  expect(start.status()).toBe(200);
  return { sessionId: created.sessionId, code: created.code, secret };
}

async function tablesOf(request: APIRequestContext, { sessionId, secret }: Created): Promise<{ table: string; gameId: string; phase: string }[]> {
  const view = await request.get(`/api/sessions/${sessionId}`, { headers: { authorization: `Bearer ${secret}` } });
  return ((await view.json()) as { tables: { table: string; gameId: string; phase: string }[] }).tables;
}

/** A link that opens a new tab: the tab it opened. */
async function popupOf(page: Page, click: () => Promise<void>): Promise<Page> {
  const [popup] = await Promise.all([page.context().waitForEvent('page'), click()]);
  await popup.waitForLoadState();
  return popup;
}

/** The seat plays on, pressing Ready and sealing its standing policy, until the game is over. */
async function playToTheEnd(page: Page): Promise<void> {
  const over = page.getByRole('region', { name: 'Game over', exact: true });
  const ready = page.getByRole('button', { name: 'Ready', exact: true, disabled: false });
  const seal = page.getByRole('button', { name: 'Seal decision', disabled: false });
  const where = async (): Promise<string> => (await over.isVisible()) ? 'over' : `${await page.getByText(/^Round \d+ of \d+/).first().innerText()} ${await page.getByText(/^Phase: /).first().innerText()}`;
  for (let presses = 0; presses < 200; presses++) {
    await expect(ready.or(seal).or(over).first()).toBeVisible();
    if (await over.isVisible()) return;
    const button = (await seal.isVisible()) ? seal : ready;
    const before = await where();
    await button.click();
    // The press is answered when the phase moves on or the button turns off: then press again.
    await expect.poll(async () => (await where()) !== before || !(await button.isVisible())).toBe(true);
  }
  await expect(over).toBeVisible();
}

test('an instructor watches, replays, compares and forks a bot-played class', async ({ browser, request }) => {
  const created = await botClass(request);
  // Bots press Ready at once: both tables finish without anyone waiting on a clock.
  await expect.poll(async () => (await tablesOf(request, created)).map((t) => t.phase), { timeout: 120_000 }).toEqual(['ended', 'ended']);

  // The dashboard: every table as a card with its indicators and its latest labelled decisions.
  const desk = await newPage(browser);
  await desk.goto(`/?session=${created.sessionId}#secret=${created.secret}`);
  const table1 = desk.getByRole('region', { name: 'Table 1' });
  await expect(table1).toBeVisible();
  await expect(table1.getByText('Latest decisions')).toBeVisible();
  await expect(table1.getByText(/^(Best|Good|Inaccuracy|Mistake|Blunder)$/).first()).toBeVisible();
  await expect(table1.getByRole('group', { name: /Indicators of United States/ }).or(table1.getByLabel(/Indicators of United States/)).first()).toBeVisible();
  await desk.screenshot({ path: 'test-results/review-dashboard.png', fullPage: true });
  await expectAccessible(desk);

  // Replay a table: step to a decision and read its framework card.
  const replay = await popupOf(desk, () => table1.getByRole('link', { name: 'Replay table 1 (opens a new tab)' }).click());
  const range = replay.getByRole('slider', { name: 'Step of the game' });
  // A finished game opens at its end; Home goes back to the start.
  await expect(range).not.toHaveValue('0');
  await replay.keyboard.press('Home');
  await expect(range).toHaveValue('0');
  await replay.keyboard.press('ArrowRight');
  await expect(range).toHaveValue('1');
  await replay.keyboard.press('ArrowLeft');
  await expect(range).toHaveValue('0');
  await replay.getByRole('button', { name: 'Next decision' }).click();
  const card = replay.getByRole('article').filter({ hasText: /\d+ of 100/ }).first();
  await expect(card).toBeVisible();
  await expect(card.getByText(/^(Best|Good|Inaccuracy|Mistake|Blunder)$/)).toBeVisible();
  const ledger = replay.getByRole('table', { name: 'Promises, threats and agreements' });
  await expect(ledger).toBeVisible();
  // The ledger narrows to one kind of commitment: every line left is an agreement obligation.
  await replay.getByLabel('Kind of commitment').selectOption({ label: 'Agreement' });
  const lines = ledger.locator('tbody tr:visible');
  expect(await lines.count()).toBeGreaterThan(0);
  for (const kind of await lines.locator('th').allInnerTexts()) expect(kind).toBe('Agreement');
  await replay.getByLabel('Kind of commitment').selectOption({ label: 'All kinds' });
  await replay.screenshot({ path: 'test-results/review-replay.png', fullPage: true });
  await expectAccessible(replay);

  // Compare the tables, and click through to a replay.
  const compare = await popupOf(desk, () => desk.getByRole('link', { name: 'Compare tables (opens a new tab)' }).click());
  await expect(compare.getByRole('heading', { name: 'Outcomes' })).toBeVisible();
  const points = compare.getByRole('table', { name: 'The class’s games on the plot' });
  await expect(points.getByRole('row')).toHaveCount(3);
  await compare.screenshot({ path: 'test-results/review-compare.png', fullPage: true });
  await expectAccessible(compare);
  await points.getByRole('link', { name: 'Open the replay of Table 2' }).click();
  await expect(compare).toHaveURL(/\?review=/);
  const fromCompare = compare;
  const steps = fromCompare.getByRole('slider', { name: 'Step of the game' });
  await expect(steps).toBeVisible();

  // Fork the last round: the United States by the instructor, Mexico by a coercive bot.
  await fromCompare.keyboard.press('End');
  await fromCompare.keyboard.press('PageUp');
  await fromCompare.keyboard.press('PageUp');
  const forkAt = Number(await steps.inputValue());
  expect(forkAt).toBeGreaterThan(0);
  await fromCompare.getByRole('button', { name: 'Play a what-if from here' }).click();
  const dialog = fromCompare.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('radio', { name: 'United States (destination state)' }).check();
  await dialog.getByLabel('Who plays Mexico (transit state)').selectOption({ label: 'Bot (Coercive)' });
  await dialog.getByLabel('Your name').fill('\u0007');
  await dialog.getByRole('button', { name: 'Start the what-if' }).click();
  await expect(dialog.getByLabel('Your name')).toHaveAttribute('aria-invalid', 'true');
  await dialog.getByLabel('Your name').fill('Profesora');
  await dialog.screenshot({ path: 'test-results/review-fork-dialog.png' });
  await dialog.getByRole('button', { name: 'Start the what-if' }).click();
  await expect(fromCompare).toHaveURL(/\?game=/);
  await expect(fromCompare.getByText('Profesora — United States')).toBeVisible();

  // The fork starts in the round the parent was in at that step (its state is checked hash for hash in the server suite).
  const parent = (await tablesOf(request, created))[1];
  const frame = await request.get(`/api/games/${parent.gameId}/review/frames/${forkAt}`, { headers: { authorization: `Bearer ${created.secret}` } });
  const parentRound = ((await frame.json()) as { state: { round: number } }).state.round;
  await expect(fromCompare.getByText(new RegExp(`^Round ${parentRound} of 6`)).first()).toBeVisible();

  await playToTheEnd(fromCompare);
  await fromCompare.screenshot({ path: 'test-results/review-fork-end.png', fullPage: true });

  // Back on the comparison, the fork stands beside its original.
  await compare.goto(`/?session=${created.sessionId}&compare`);
  const forks = compare.getByRole('table', { name: 'Table 2: the game as played and each what-if played from it' });
  await expect(forks).toBeVisible();
  await expect(forks.getByRole('row', { name: /^Original/ })).toContainText('finished');
  const fork = forks.getByRole('row', { name: new RegExp(`^What-if step ${forkAt} `) });
  await expect(fork).toContainText('United States: Profesora · Mexico: Bot (Coercive)');
  await expect(fork).toContainText('finished');
  await compare.getByRole('img', { name: /Scatter plot of outcomes/ }).scrollIntoViewIfNeeded();
  await compare.screenshot({ path: 'test-results/review-compare-fork.png', fullPage: true });

  // The printable debrief in the browser, then as `npm run debrief SESSION` writes it: a PDF through Chromium, in Spanish here.
  await desk.goto(`/?session=${created.sessionId}&debrief`);
  await expect(desk.locator('body[data-debrief-ready="true"]')).toBeAttached({ timeout: 30_000 });
  await expect(desk.getByRole('button', { name: /Print/ }).first()).toBeVisible();
  await desk.screenshot({ path: 'test-results/review-debrief.png' });
  await expectAccessible(desk);
  // The printable debrief, as `npm run debrief CODE` writes it (the join code names the session): a PDF through Chromium, in Spanish here.
  const pdf = path.join(mkdtempSync(path.join(tmpdir(), 'border-bargain-debrief-')), 'debrief.pdf');
  const printed = await promisify(execFile)(process.execPath, ['scripts/debrief.ts', created.code, '--out', pdf, '--lang', 'es'], {
    env: { ...process.env, DATA_DIR: process.env.E2E_DATA_DIR, DATABASE_URL: '' },
  });
  expect(printed.stdout).toMatch(/\(\d+ pages?\)/);
  const bytes = readFileSync(pdf);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(bytes.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length ?? 0).toBeGreaterThan(4);
});

test('a student reviewing a game in play sees only what their seat saw', async ({ browser, request, baseURL }) => {
  const response = await request.post('/api/games', { data: { scenarioId: SCENARIO, timers: TIMERS } });
  const { gameId } = (await response.json()) as { gameId: string };
  const us = await newPage(browser);
  const mx = await newPage(browser);
  await takeSeat(us, `${baseURL}/?game=${gameId}`, 'Ana', 'United States');
  await takeSeat(mx, `${baseURL}/?game=${gameId}`, 'Beto', 'Mexico');
  const both = [us, mx];
  // The table begins once both seats are taken.
  for (const page of both) await expect(page.getByText('Phase: Briefing', { exact: true })).toBeVisible();
  for (const phase of ['Negotiation', 'Decision']) {
    for (const page of both) await page.getByRole('button', { name: 'Ready', exact: true }).click();
    for (const page of both) await expect(page.getByText(`Phase: ${phase}`, { exact: true })).toBeVisible();
  }
  // Mexico's secrets: its briefing and its hidden parameters. It seals an unusual deployment; the United States has not decided yet.
  const briefing = await mx.locator('.briefing-text p').first().innerText();
  const hidden = await mx.locator('.hidden-params li').allInnerTexts();
  expect(briefing.length).toBeGreaterThan(40);
  await mx.getByLabel('National Guard deployment (thousand personnel)').fill('17');
  await mx.getByRole('button', { name: 'Seal decision' }).click();
  await expect(us.getByText('Mexico has sealed its decision.')).toBeVisible();

  // The United States opens the replay in a new tab of the same browser (its seat is remembered there).
  const review = await us.context().newPage();
  const answers: string[] = [];
  review.on('response', async (r) => {
    if (r.url().includes(`/api/games/${gameId}/review`)) answers.push(await r.text());
  });
  await review.goto(`/?review=${gameId}`);
  await expect(review.getByText('You see what your seat saw; the rest opens when the game ends.')).toBeVisible();
  await review.keyboard.press('End');
  await expect(review.getByText(/Mexico: .*\(its content opens when the game ends\)/).first()).toBeVisible();
  await expect(review.getByText('The framework card on this decision is not shown to you.')).toBeVisible();
  await review.screenshot({ path: 'test-results/review-student.png', fullPage: true });
  await expectAccessible(review);

  // Nothing of Mexico's secrets is on the page: not its sealed level, not its briefing.
  const text = await review.locator('body').innerText();
  expect(text).not.toContain(briefing);
  for (const line of hidden) expect(text).not.toContain(line);
  expect(text).not.toMatch(/\b17 thousand/);
  await expect(review.getByText('National Guard deployment').filter({ hasText: '17' })).toHaveCount(0);
  // …nor in what the page was sent.
  expect(answers.length).toBeGreaterThan(1);
  for (const answer of answers) {
    expect(answer).not.toContain('"mx_guard":17');
    expect(answer).not.toContain(briefing);
  }
});
