import { expect, test, type Page } from '@playwright/test';
import { pagesForFile } from './pages.ts';

/**
 * A student practises the tutorial alone: from the landing page, against a bot they pick,
 * untimed, to the end screen and the replay. The bot plays at the e2e server's pace (a
 * quarter second between its moves); nothing here waits on a phase clock.
 */

const ROUNDS = 3;
const page = pagesForFile();

async function expectPhase(player: Page, phase: string): Promise<void> {
  await expect(player.getByText(`Phase: ${phase}`, { exact: true })).toBeVisible();
}

async function ready(player: Page, next: string): Promise<void> {
  await player.getByRole('button', { name: 'Ready', exact: true }).click();
  await expectPhase(player, next);
}

test('a student practises the tutorial alone against a bot, at their own pace, to the end and the replay', async ({ browser }) => {
  // Three whole rounds in one browser on a shared machine.
  test.slow();
  const ana = await page(browser);
  await ana.goto('/');
  const tutorial = ana.getByRole('listitem').filter({ has: ana.getByRole('heading', { name: 'Tutorial: Norland and Vadia', exact: true }) });
  // The tutorial is played alone first: practice is its main button.
  await tutorial.getByRole('button', { name: 'Practise against a bot' }).click();
  const setup = tutorial.getByRole('form', { name: 'Practise alone against bots' });
  await setup.getByLabel('Your name').fill('Ana');
  await setup.getByRole('radio', { name: 'Norland (destination state)' }).check();
  const bot = setup.getByLabel('Who plays Vadia');
  await expect(bot).toHaveValue('random');
  await bot.selectOption('restraint');
  await expect(setup).toContainText('keeps to the status quo');
  await expect(setup.getByLabel('Run the phase timers')).not.toBeChecked();
  await setup.getByRole('button', { name: 'Start practice' }).click();

  // Straight to the table: the bot holds the other seat, and the clock is held.
  await expect(ana.getByRole('heading', { name: 'Indicators' })).toBeVisible();
  await expect(ana.getByText('Practice at your own pace: the clock is held, no phase runs out.')).toBeVisible();
  await expect(ana.getByText('Bot (Restraint) — Vadia')).toBeVisible();
  await expect(ana.getByText('No time limit')).toBeVisible();

  // The clock can run, and be held again.
  await ana.getByRole('button', { name: 'Run the clock' }).click();
  await expect(ana.getByText('Practice: the phase clock is running.')).toBeVisible();
  await ana.getByRole('button', { name: 'Hold the clock' }).click();
  await expect(ana.getByText('Practice at your own pace: the clock is held, no phase runs out.')).toBeVisible();

  for (let round = 1; round <= ROUNDS; round++) {
    await expectPhase(ana, 'Briefing');
    // The bot reads as long as the student: her ready is the one the table waits for.
    await ready(ana, 'Negotiation');
    await ready(ana, 'Decision');
    await ana.getByRole('button', { name: 'Seal decision' }).click();
    await expectPhase(ana, 'Resolution');
    await expect(ana.getByRole('region', { name: `Round ${round} resolved` })).toBeVisible();
    await ready(ana, 'Debrief');
    await ready(ana, round < ROUNDS ? 'Briefing' : 'Game over');
  }

  const end = ana.getByRole('region', { name: 'Game over', exact: true });
  await expect(end).toBeVisible();
  await expect(end.getByRole('table', { name: 'Final scores' }).getByRole('row', { name: /Norland/ })).toContainText(/\d/);
  await expect(end).toContainText(/\d+ decisions? rated · mean rating \d+ of 100/);
  await expect(ana.getByText('Practice at your own pace: the clock is held, no phase runs out.')).toBeHidden();
  await ana.screenshot({ path: 'test-results/practice-end.png', fullPage: true });

  await ana.getByRole('link', { name: 'Review this game' }).click();
  await expect(ana.getByRole('list', { name: 'Who sat where' })).toContainText('Norland (destination state): Ana');
  await expect(ana.getByRole('slider', { name: 'Step of the game' })).toBeVisible();
});

test('a practice game asks for a name and starts nothing without one', async ({ browser }) => {
  const ana = await page(browser);
  const created: string[] = [];
  ana.on('request', (r) => {
    if (r.url().endsWith('/api/practice')) created.push(r.url());
  });
  await ana.goto('/');
  const scenario = ana.getByRole('listitem').filter({ has: ana.getByRole('heading', { name: 'Tariffs at the Border: United States and Mexico, 2019', exact: true }) });
  await scenario.getByRole('button', { name: 'Practise against a bot' }).click();
  const setup = scenario.getByRole('form', { name: 'Practise alone against bots' });
  await setup.getByRole('button', { name: 'Start practice' }).click();
  await expect(setup.getByText('Enter a name (up to 40 characters).')).toBeVisible();
  await expect(setup.getByLabel('Your name')).toHaveAttribute('aria-invalid', 'true');
  expect(created).toEqual([]);
});
