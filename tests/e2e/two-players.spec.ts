import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { openTab, takeSeat } from './pages.ts';

/**
 * Two students play a whole game of the 2019 scenario through the UI, one as the
 * United States and one as Mexico, in two separate browser contexts. Timers are long,
 * so every phase ends only because both players act: nothing here waits on a clock.
 */

const LONG = 600;
const SCENARIO = 'us-mexico-2019';
const ROUNDS = 6;
const MONTHS = ['April 2019', 'May 2019', 'June 2019', 'July 2019', 'August 2019', 'September 2019'];
const GUARD_FLOOR = 10;
const HOSTILE_CHAT = '<script>alert(1)</script>';

async function createGame(request: APIRequestContext): Promise<string> {
  const response = await request.post('/api/games', {
    data: { scenarioId: SCENARIO, timers: { briefing: LONG, negotiation: LONG, decision: LONG, resolution: LONG, debrief: LONG } },
  });
  expect(response.status()).toBe(201);
  const body: unknown = await response.json();
  const gameId = (body as { gameId?: unknown }).gameId;
  expect(typeof gameId).toBe('string');
  return gameId as string;
}

async function newPlayer(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  // A script smuggled into chat must never run: any dialog fails the test.
  page.on('dialog', (dialog) => {
    throw new Error(`unexpected dialog: ${dialog.message()}`);
  });
  return page;
}

async function expectPhase(pages: Page[], phase: string): Promise<void> {
  for (const page of pages) await expect(page.getByText(`Phase: ${phase}`, { exact: true })).toBeVisible();
}

/** Both press Ready; the table moves on once the second one does. */
async function bothReady(pages: Page[], next: string): Promise<void> {
  for (const page of pages) await page.getByRole('button', { name: 'Ready', exact: true }).click();
  await expectPhase(pages, next);
}

async function seal(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Seal decision' }).click();
}

test('two players negotiate, decide and finish all six rounds', async ({ browser, request, baseURL }) => {
  // Thirty phases through two browsers: on a busy two-core machine this outruns the default three minutes.
  test.setTimeout(420_000);
  const gameId = await createGame(request);
  const link = `${baseURL}/?game=${gameId}`;
  const us = await newPlayer(browser);
  const mx = await newPlayer(browser);

  await takeSeat(us, link, 'Ana', 'United States');
  await takeSeat(mx, link, 'Beto', 'Mexico');
  const both = [us, mx];
  for (const page of both) {
    await expect(page.getByText('Ana — United States')).toBeVisible();
    await expect(page.getByText('Beto — Mexico')).toBeVisible();
  }

  for (let round = 1; round <= ROUNDS; round++) {
    for (const page of both) await expect(page.getByText(`Round ${round} of ${ROUNDS} — ${MONTHS[round - 1]}`)).toBeVisible();
    await expectPhase(both, 'Briefing');
    await bothReady(both, 'Negotiation');

    if (round === 1) {
      // The United States offers: Mexico deploys at least 10 thousand guards, the US keeps its tariff at 0.
      await us.getByLabel('Include: National Guard deployment (Mexico)').check();
      await us.getByLabel('Amount: National Guard deployment').fill(String(GUARD_FLOOR));
      await us.getByLabel('Include: Tariff on Mexican goods (United States)').check();
      await us.getByLabel('Amount: Tariff on Mexican goods').fill('0');
      await us.getByLabel('For how many rounds').fill('3');
      await us.getByRole('button', { name: 'Send proposal' }).click();

      const offer = mx.getByRole('listitem').filter({ hasText: 'From United States to Mexico' });
      await expect(offer).toContainText('National Guard deployment at least 10 thousand personnel');
      await expect(offer).toContainText('Tariff on Mexican goods at most 0 percent');
      await offer.getByRole('button', { name: /^Accept/ }).click();
      for (const page of both) await expect(page.getByText('Binding rounds 1 to 3')).toBeVisible();

      await us.getByLabel('Message', { exact: true }).fill(HOSTILE_CHAT);
      await us.getByRole('button', { name: 'Send message' }).click();
      for (const page of both) await expect(page.getByRole('log').getByText(HOSTILE_CHAT, { exact: true })).toBeVisible();
      await expect(mx.locator('.chat-log script')).toHaveCount(0);
    }

    await bothReady(both, 'Decision');
    if (round === 1) {
      await expect(mx.getByText(new RegExp(`^Agreement 1: tariffs for enforcement: you keep National Guard deployment at least ${GUARD_FLOOR} thousand personnel\\.$`))).toBeVisible();
    }
    // Mexico keeps its side of the bargain while the agreement binds (rounds 1 to 3).
    await mx.getByLabel('National Guard deployment (thousand personnel)').fill(round <= 3 ? String(GUARD_FLOOR) : '6');
    await seal(us);
    await expect(us.getByText('Sealed — waiting for Mexico')).toBeVisible();
    await expect(mx.getByText('United States has sealed its decision.')).toBeVisible();
    await seal(mx);
    await expectPhase(both, 'Resolution');

    for (const page of both) {
      const summary = page.getByRole('region', { name: `Round ${round} resolved` });
      await expect(summary).toBeVisible();
      const flows = summary.getByRole('table', { name: 'Flows' });
      await expect(flows.getByRole('row', { name: /^Total/ })).toContainText(/\d{1,3}(,\d{3})+/);
      await expect(summary.getByRole('table', { name: 'Costs this round' }).first()).toBeVisible();
      await expect(summary.getByRole('table', { name: 'Indicators' }).first()).toBeVisible();
    }
    if (round === 1) {
      await expect(us.getByRole('region', { name: 'Round 1 resolved' })).toContainText('Compliance with agreements');
      await us.screenshot({ path: 'test-results/table.png', fullPage: true });

      // The framework reads the US proposal: a verdict in words and the sentences that explain it.
      for (const page of both) await openTab(page, 'Cards');
      const cards = us.getByRole('region', { name: 'Framework cards' });
      const card = cards.getByRole('article', { name: 'Round 1 · Proposal' });
      await expect(card).toBeVisible();
      await expect(card.getByText(/^(Best|Good|Inaccuracy|Mistake|Blunder)$/)).toBeVisible();
      await expect(card).toContainText(/\d+ of 100/);
      await expect(card).toContainText('Mexico commits to National Guard deployment at least 10 thousand personnel');
      await expect(card).toContainText(/Its projected outcome at round \d is /);
      await expect(card.getByRole('list', { name: 'Classification' })).toContainText('Instrument: Cooperative');
      await expect(cards).toContainText(/\d+ decisions? rated/);
      // Mexico made its own decisions: none of the US's cards reach it.
      await expect(mx.getByRole('region', { name: 'Framework cards' }).getByRole('article', { name: 'Round 1 · Proposal' })).toHaveCount(0);
      await cards.screenshot({ path: 'test-results/card.png' });
    }

    await bothReady(both, 'Debrief');
    await bothReady(both, round < ROUNDS ? 'Briefing' : 'Game over');
  }

  for (const page of both) {
    const end = page.getByRole('region', { name: 'Game over', exact: true });
    await expect(end).toBeVisible();
    const scores = end.getByRole('table', { name: 'Final scores' });
    await expect(scores.getByRole('row', { name: /United States/ })).toContainText(/\d/);
    await expect(scores.getByRole('row', { name: /Mexico/ })).toContainText(/\d/);
    await expect(end.getByRole('table', { name: 'What really happened' })).toContainText('133,000');
    await expect(end).toContainText(/\d+ decisions rated · mean rating \d+ of 100/);
    await expect(page.getByRole('button', { name: 'Ready', exact: true })).toBeHidden();
  }
  await us.screenshot({ path: 'test-results/end.png', fullPage: true });

  // From the end screen, the game's replay: open to both players now that it is over.
  await us.getByRole('link', { name: 'Review this game' }).click();
  await expect(us.getByRole('list', { name: 'Who sat where' })).toContainText('Mexico (transit state): Beto');
  await expect(us.getByRole('slider', { name: 'Step of the game' })).toBeVisible();
  // Over for everyone: the replay is open whole, no seat's view to keep to.
  await expect(us.getByText('Finished', { exact: true })).toBeVisible();
});

test('the landing page creates a game and hands out its join link', async ({ page }) => {
  await page.goto('/');
  const scenario = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Tariffs at the Border: United States and Mexico, 2019', exact: true }) });
  await scenario.getByRole('button', { name: 'Create game' }).click();
  const link = page.getByLabel('Join link');
  await expect(link).toHaveValue(/\/\?game=[\w-]+&lang=en$/);
  await page.getByRole('button', { name: 'Take a seat' }).click();
  await expect(page.getByRole('heading', { name: 'Take a seat' })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'United States (destination state)' })).toBeEnabled();
});

test('a bad name shows an inline error and sends nothing', async ({ page, request, baseURL }) => {
  const gameId = await createGame(request);
  const joins: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/matchmake/')) joins.push(r.url());
  });
  await page.goto(`${baseURL}/?game=${gameId}`);
  const name = page.getByLabel('Your name');
  await page.getByRole('radio', { name: 'Mexico' }).check();

  await name.fill('   ');
  await page.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(page.getByText('Enter your name (1 to 40 characters).')).toBeVisible();
  await expect(name).toHaveAttribute('aria-invalid', 'true');

  await name.fill('x'.repeat(41));
  await page.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(page.getByText('Your name can have at most 40 characters.')).toBeVisible();

  expect(joins).toEqual([]);
  const game: unknown = await (await request.get(`/api/games/${gameId}`)).json();
  const seats = (game as { seats: { id: string; taken: boolean }[] }).seats;
  expect(seats.every((s) => !s.taken)).toBe(true);
});
