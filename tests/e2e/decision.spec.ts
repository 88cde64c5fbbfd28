import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { pagesForFile } from './pages.ts';

/**
 * The decision form and the forms around it, as a student meets them: the agreements in
 * force and what falls due, a level that would break one marked as the slider moves, the
 * rules' refusal shown beside the button that sent the move, and a reload that keeps what
 * was typed. Timers are long: every phase ends because the players act.
 */

const LONG = 600;
const SCENARIO = 'us-mexico-2019';
const openPage = pagesForFile();

async function createGame(request: APIRequestContext): Promise<string> {
  const response = await request.post('/api/games', {
    data: { scenarioId: SCENARIO, timers: { briefing: LONG, negotiation: LONG, decision: LONG, resolution: LONG, debrief: LONG } },
  });
  expect(response.status()).toBe(201);
  const body = (await response.json()) as { gameId?: unknown };
  expect(typeof body.gameId).toBe('string');
  return body.gameId as string;
}

async function takeSeat(page: Page, link: string, name: string, seat: string): Promise<void> {
  await page.goto(link);
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('radio', { name: seat }).check();
  await page.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Indicators' })).toBeVisible();
}

async function expectPhase(pages: Page[], phase: string): Promise<void> {
  for (const page of pages) await expect(page.getByText(`Phase: ${phase}`, { exact: true })).toBeVisible();
}

async function bothReady(pages: Page[], next: string): Promise<void> {
  for (const page of pages) await page.getByRole('button', { name: 'Ready', exact: true }).click();
  await expectPhase(pages, next);
}

/** Round 1's talks end in a deal: Mexico keeps at least 10 thousand guards, the US no tariff, for 3 rounds. */
async function agree(us: Page, mx: Page): Promise<void> {
  await us.getByLabel('Include: National Guard deployment (Mexico)').check();
  await us.getByLabel('Amount: National Guard deployment').fill('10');
  await us.getByLabel('Include: Tariff on Mexican goods (United States)').check();
  await us.getByLabel('Amount: Tariff on Mexican goods').fill('0');
  await us.getByLabel('For how many rounds').fill('3');
  await us.getByRole('button', { name: 'Send proposal' }).click();
  const offer = mx.getByRole('listitem').filter({ hasText: 'From United States to Mexico' });
  await offer.getByRole('button', { name: /^Accept/ }).click();
  for (const page of [us, mx]) await expect(page.getByText('Binding rounds 1 to 3')).toBeVisible();
}

async function seated(browser: Parameters<typeof openPage>[0], request: APIRequestContext, baseURL: string | undefined): Promise<{ us: Page; mx: Page; link: string }> {
  const gameId = await createGame(request);
  const link = `${baseURL}/?game=${gameId}`;
  const us = await openPage(browser);
  const mx = await openPage(browser);
  await takeSeat(us, link, 'Ana', 'United States');
  await takeSeat(mx, link, 'Beto', 'Mexico');
  return { us, mx, link };
}

test.slow();

test('the decision form lists the agreement in force, marks a level that breaks it as the slider moves, and says what happens without a seal', async ({ browser, request, baseURL }) => {
  const { us, mx } = await seated(browser, request, baseURL);
  const both = [us, mx];
  await bothReady(both, 'Negotiation');
  await agree(us, mx);
  await bothReady(both, 'Decision');

  const form = mx.locator('form.decision-form');
  const brief = form.getByRole('region', { name: 'What binds you this round' });
  await expect(brief.getByRole('listitem')).toHaveText([/^broken as set Agreement a\d+: you keep National Guard deployment at least 10 thousand personnel\.$/]);
  // Mexico's guards in force (6 thousand) are below the floor: the table would record them, breaking the deal.
  await expect(brief).toContainText('If you do not seal before the deadline, the table records your levels in force: National Guard deployment 6 thousand personnel');
  await expect(brief).toContainText(/Those levels break Agreement a\d+: you keep National Guard deployment at least 10 thousand personnel\./);

  const guards = mx.getByLabel('National Guard deployment (thousand personnel)');
  const slider = mx.getByRole('slider', { name: 'National Guard deployment, slider' });
  const mark = mx.locator('.level-row', { has: guards }).locator('.level-mark');
  await expect(mark).toHaveText(/^Breaks Agreement a\d+: you agreed to National Guard deployment at least 10 thousand personnel\.$/);
  await expect(guards).toHaveAccessibleDescription(/Breaks Agreement a\d+/);

  // Up the slider by keyboard, one step at a time: the mark stays until the floor is reached.
  await slider.focus();
  for (let level = 7; level <= 9; level++) {
    await mx.keyboard.press('ArrowRight');
    await expect(guards).toHaveValue(String(level));
    await expect(mark).toContainText('Breaks Agreement');
  }
  await mx.keyboard.press('ArrowRight');
  await expect(guards).toHaveValue('10');
  await expect(mark).toBeEmpty();
  await expect(brief.getByRole('listitem')).toHaveText([/^kept as set Agreement a\d+/]);

  // Typing a level below the floor marks it again; an over-floor level clears it.
  await guards.fill('4');
  await expect(mark).toContainText('Breaks Agreement');
  await guards.fill('12');
  await expect(mark).toBeEmpty();

  // Looked at on a laptop and a phone, with a level marked.
  await guards.fill('8');
  await expect(mark).toContainText('Breaks Agreement');
  for (const [width, height] of [[1366, 768], [390, 844]] as const) {
    await mx.setViewportSize({ width, height });
    await mx.locator('section.decision').screenshot({ path: `test-results/decision-${width}x${height}.png` });
  }
});

test('a decision not sealed in time: the form says beforehand what the table will record, and afterwards what it did', async ({ browser, request, baseURL }) => {
  // A short decision phase only; everything before it waits on the players.
  const response = await request.post('/api/games', { data: { scenarioId: SCENARIO, timers: { briefing: LONG, negotiation: LONG, decision: 15, resolution: LONG, debrief: LONG } } });
  expect(response.status()).toBe(201);
  const { gameId } = (await response.json()) as { gameId: string };
  const link = `${baseURL}/?game=${gameId}`;
  const us = await openPage(browser);
  const mx = await openPage(browser);
  await takeSeat(us, link, 'Ana', 'United States');
  await takeSeat(mx, link, 'Beto', 'Mexico');
  const both = [us, mx];
  await bothReady(both, 'Negotiation');
  await bothReady(both, 'Decision');
  await us.getByRole('button', { name: 'Seal decision' }).click();
  await expect(us.getByText('Sealed — waiting for Mexico')).toBeVisible();
  await expect(us.locator('.if-unsealed')).toBeHidden();
  await expect(mx.locator('.if-unsealed')).toHaveText(
    'If you do not seal before the deadline, the table records your levels in force: National Guard deployment 6 thousand personnel, Returns accepted (Remain in Mexico) 0 people per month, Wave-through 0 level, COMAR asylum places 3 thousand places.',
  );
  // Mexico moves a level but never seals: the deadline closes the decision.
  await mx.getByLabel('National Guard deployment (thousand personnel)').fill('15');
  await expect(mx.getByText('Phase: Resolution', { exact: true })).toBeVisible({ timeout: 60_000 });
  await expect(mx.locator('.decision .recorded')).toHaveText(
    'Recorded for round 1: National Guard deployment 6 thousand personnel, Returns accepted (Remain in Mexico) 0 people per month, Wave-through 0 level, COMAR asylum places 3 thousand places. You did not seal in time: the table recorded your levels in force.',
  );
  await expect(us.locator('.decision .recorded')).toContainText('This is the decision you sealed.');
});
