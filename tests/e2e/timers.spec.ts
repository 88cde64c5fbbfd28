import { expect, test, type Locator, type Page } from '@playwright/test';
import { pagesForFile } from './pages.ts';

/**
 * WCAG 2.2.1 Timing adjustable, as an instructor and a practising student meet it: phase
 * lengths are typed as minutes and seconds (bad ones named beside their field), the
 * instructor switches a table's clock off and gives every table more time, and a student
 * practising alone holds the clock. Every wait is on the page, never on the game clock.
 */

const SCENARIO = 'Tariffs at the Border: United States and Mexico, 2019';
const PHASES = ['Briefing', 'Negotiation', 'Decision', 'Resolution', 'Debrief'];

const newPage = pagesForFile();

function scenarioCard(page: Page, title: string): Locator {
  return page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: title, exact: true }) });
}

/** An m:ss clock's text, in seconds. */
async function secondsShown(clock: Locator): Promise<number> {
  await expect(clock).toHaveText(/^\d+:[0-5]\d$/);
  const [minutes, seconds] = (await clock.innerText()).trim().split(':').map(Number);
  return (minutes ?? 0) * 60 + (seconds ?? 0);
}

test('an instructor types lengths in minutes and seconds, switches a table’s clock off and extends it', async ({ browser }) => {
  const instructor = await newPage(browser);
  await instructor.goto('/');
  const card = scenarioCard(instructor, SCENARIO);
  await card.getByRole('button', { name: 'Run a class' }).click();
  await card.getByRole('radio', { name: 'A number of tables' }).check();
  await card.getByRole('textbox', { name: 'Number of tables' }).fill('1');

  // Filled in with the classroom lengths: the briefing is the scenario's reading time at 200 words a minute.
  await expect(card.getByLabel('Briefing', { exact: true })).toHaveValue('1:30');
  await expect(card.getByLabel('Negotiation', { exact: true })).toHaveValue('5:00');
  await expect(card.getByLabel('Resolution', { exact: true })).toHaveValue('5:00');

  // Bad lengths are named beside their own field and nothing is sent.
  const sessions: string[] = [];
  instructor.on('request', (r) => {
    if (r.url().endsWith('/api/sessions')) sessions.push(r.url());
  });
  const refusal = 'Enter minutes and seconds, for example 2:30 or 5, from 0:01 to 600:00.';
  for (const bad of ['1:75', '-3', 'abc', '1.5', '']) {
    await card.getByLabel('Negotiation', { exact: true }).fill(bad);
    await card.getByRole('button', { name: 'Create class session' }).click();
    const negotiation = card.getByLabel('Negotiation', { exact: true });
    await expect(negotiation).toHaveAttribute('aria-invalid', 'true');
    await expect(negotiation).toHaveAccessibleDescription(refusal);
    await expect(card.getByLabel('Decision', { exact: true })).not.toHaveAttribute('aria-invalid', 'true');
  }
  await card.screenshot({ path: 'test-results/timers-setup-refused.png' });
  expect(sessions).toEqual([]);

  for (const phase of PHASES) await card.getByLabel(phase, { exact: true }).fill('20:00');
  await card.getByLabel('Briefing', { exact: true }).fill('10:00');
  await card.getByRole('button', { name: 'Create class session' }).click();
  const link = card.getByLabel('Student link');
  const code = new URL(await link.inputValue()).searchParams.get('code') ?? '';
  expect(code).toMatch(/^[A-Z0-9]{6}$/);
  await card.getByRole('link', { name: 'Open the instructor page' }).click();
  await expect(instructor.getByRole('heading', { name: SCENARIO })).toBeVisible();

  const ana = await newPage(browser);
  await ana.goto(`/?code=${code}`);
  await ana.getByLabel('Your name').fill('Ana');
  await ana.getByRole('button', { name: 'Join the class' }).click();
  await expect(ana.getByRole('heading', { name: 'Waiting for the instructor to start' })).toBeVisible();

  await instructor.getByRole('button', { name: 'Start the class' }).click();
  await instructor.getByRole('group', { name: 'Start the class' }).getByRole('button', { name: 'Start anyway' }).click();
  await expect(ana.getByRole('heading', { name: 'Indicators' })).toBeVisible();

  // The briefing the instructor set, shown as m:ss on both pages.
  const table = instructor.getByRole('region', { name: 'Table 1' });
  const boardClock = table.locator('.board-clock');
  const studentClock = ana.locator('.countdown');
  expect(await secondsShown(boardClock)).toBeLessThanOrEqual(600);
  expect(await secondsShown(studentClock)).toBeGreaterThan(480);

  // Off: the clock stops on both pages, and no phase runs out.
  await table.getByRole('button', { name: 'Pause' }).click();
  await expect(table.getByText('Paused', { exact: true })).toBeVisible();
  await expect(ana.getByText('Paused by the instructor')).toBeVisible();
  await expect(boardClock).toHaveText('');
  await ana.screenshot({ path: 'test-results/timers-student-paused.png' });
  await table.getByRole('button', { name: 'Resume' }).click();
  await expect(ana.getByText('Paused by the instructor')).toBeHidden();

  // Extended: a minute more, at the table and on the student's page.
  const before = await secondsShown(studentClock);
  await table.getByRole('button', { name: '+60 s' }).click();
  await expect.poll(() => secondsShown(studentClock)).toBeGreaterThan(before + 30);
  await expect.poll(() => secondsShown(boardClock)).toBeGreaterThan(before + 30);
  await instructor.screenshot({ path: 'test-results/timers-instructor-extended.png', fullPage: true });
});

test('a student practising alone runs the clock in m:ss, extends it and holds it: no phase runs out', async ({ browser }) => {
  const ana = await newPage(browser);
  await ana.goto('/');
  const tutorial = scenarioCard(ana, 'Tutorial: Norland and Vadia');
  await tutorial.getByRole('button', { name: 'Practise against a bot' }).click();
  const setup = tutorial.getByRole('form', { name: 'Practise alone against bots' });
  await setup.getByLabel('Your name').fill('Ana');
  await setup.getByLabel('Run the phase timers').check();
  await setup.getByRole('button', { name: 'Start practice' }).click();

  await expect(ana.getByRole('heading', { name: 'Indicators' })).toBeVisible();
  await expect(ana.getByText('Practice: the phase clock is running.')).toBeVisible();
  // The tutorial's briefing: its reading time, 1:15.
  const countdown = ana.locator('.countdown');
  const before = await secondsShown(countdown);
  expect(before).toBeLessThanOrEqual(75);

  // More time, as often as she needs it: each press adds a minute to the phase.
  const more = ana.getByRole('button', { name: 'More time: +60 s' });
  await more.click();
  await expect.poll(() => secondsShown(countdown)).toBeGreaterThan(before + 30);
  await more.click();
  await expect.poll(() => secondsShown(countdown)).toBeGreaterThan(before + 90);

  await ana.getByRole('button', { name: 'Hold the clock' }).click();
  await expect(ana.getByText('Practice at your own pace: the clock is held, no phase runs out.')).toBeVisible();
  await expect(ana.getByText('No time limit')).toBeVisible();
  await expect(more).toBeDisabled();
  await ana.screenshot({ path: 'test-results/timers-practice-held.png' });
});
