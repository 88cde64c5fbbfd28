import { expect, test, type Page } from '@playwright/test';
import { createClass, joinClass } from './instructor-pages.ts';
import { pagesForFile } from './pages.ts';

/**
 * Students arrive at a class the way they do: one, and half a minute later another. Both
 * wait in the lobby with no clock running, and both begin at round 1's briefing when the
 * instructor presses Start, with the whole briefing ahead of them.
 */

const newPage = pagesForFile();
/** createClass sets every phase to 30 minutes. */
const PHASE_MS = 30 * 60_000;
/** How long the second student arrives after the first: a class's real wait, the one this test exists for. */
const ARRIVAL_GAP_MS = 30_000;

/** The milliseconds a student's countdown shows are left (it writes m:ss or h:mm:ss, rounded up to the second). */
async function countdownMs(page: Page): Promise<number> {
  const text = (await page.locator('.countdown').textContent()) ?? '';
  const parts = text.trim().split(':').map(Number);
  if (parts.length < 2 || parts.some((n) => !Number.isInteger(n))) throw new Error(`not a countdown: "${text}"`);
  return parts.reduce((total, n) => total * 60 + n, 0) * 1000;
}

test('two students 30 s apart both start at round 1’s briefing, with the clock starting only at Start', async ({ browser }, info) => {
  // The half-minute wait comes on top of a class's usual steps.
  test.setTimeout(240_000);
  const instructor = await newPage(browser);
  const code = await createClass(instructor, 1);

  const ana = await newPage(browser);
  await joinClass(ana, code, 'Ana');
  // Ana waits in the lobby: no table, no clock.
  await expect(ana.locator('.countdown')).toHaveCount(0);
  await ana.waitForTimeout(ARRIVAL_GAP_MS);
  await expect(ana.getByRole('heading', { name: 'Waiting for the instructor to start' })).toBeVisible();

  const ben = await newPage(browser);
  await joinClass(ben, code, 'Ben');
  await expect(instructor.getByText('2 connected of 2')).toBeVisible();
  await instructor.screenshot({ path: info.outputPath('lobby.png'), fullPage: true });

  // Both seats have a student: Start asks nothing.
  const pressed = Date.now();
  await instructor.getByRole('button', { name: 'Start the class' }).click();
  await expect(instructor.getByRole('button', { name: 'Start anyway' })).toBeHidden();

  for (const [page, name] of [[ana, 'ana'], [ben, 'ben']] as const) {
    await expect(page.getByRole('heading', { name: 'Indicators' })).toBeVisible();
    await expect(page.locator('.round-label')).toHaveText(/^Round 1 of \d+/);
    await expect(page.locator('.table-bar .phase-badge')).toHaveText('Phase: Briefing');
    await expect(page.locator('.countdown')).toHaveText(/^\d+:\d\d(:\d\d)?$/);
    // The briefing's deadline is a whole phase after Start, not after Ana arrived (that would be 30 s short).
    const left = await countdownMs(page);
    const read = Date.now();
    expect(read + left + 1000).toBeGreaterThanOrEqual(pressed + PHASE_MS);
    expect(left).toBeLessThanOrEqual(PHASE_MS);
    await page.screenshot({ path: info.outputPath(`${name}-briefing.png`), fullPage: true });
  }
});
