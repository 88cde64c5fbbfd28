import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { openTab } from './pages.ts';

/**
 * The table as a student meets it on a laptop and on a phone: a bar with the round, the
 * phase and the time that never scrolls away, the phase's own work in front and everything
 * else one tab away, a notice (with a badge and a polite announcement) when something
 * arrives, focus on the new phase's heading at each change, no sideways scrolling, and
 * axe-core's WCAG 2.2 A and AA rules clean in every phase. Timers are long: every phase ends
 * because both players act.
 */

const LONG = 1800;
const SCENARIO = 'us-mexico-2019';
const SIZES = [
  { name: 'laptop', width: 1366, height: 768 },
  { name: 'phone', width: 390, height: 844 },
] as const;

const opened: BrowserContext[] = [];
test.afterEach(async () => {
  await Promise.all(opened.splice(0).map((context) => context.close()));
});

async function player(browser: Browser, size: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: size.width, height: size.height } });
  opened.push(context);
  const page = await context.newPage();
  page.on('dialog', (dialog) => {
    throw new Error(`unexpected dialog: ${dialog.message()}`);
  });
  return page;
}

async function takeSeat(page: Page, link: string, name: string, seat: string): Promise<void> {
  await page.goto(link);
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('radio', { name: seat }).check();
  await page.getByRole('button', { name: 'Join', exact: true }).click();
}

async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const problems = results.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join(' | ')}`);
  expect(problems).toEqual([]);
}

/** Neither the page nor any table in it scrolls sideways: tables reflow to the screen's width. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({ scroll: document.scrollingElement?.scrollWidth ?? 0, inner: window.innerWidth }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.inner);
  const wide = await page.locator('.table .table-scroll').evaluateAll((boxes) =>
    boxes.filter((box) => box.clientWidth > 0 && box.scrollWidth > box.clientWidth + 1).map((box) => `${box.getAttribute('aria-label') ?? '?'}: ${box.scrollWidth} > ${box.clientWidth}`),
  );
  expect(wide).toEqual([]);
}

/** The phase has changed: its heading has focus, and the bar shows it. */
async function expectPhase(page: Page, phase: string): Promise<void> {
  await expect(page.getByText(`Phase: ${phase}`, { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: `Now: ${phase}` })).toBeFocused();
}

async function bothReady(pages: Page[], next: string): Promise<void> {
  for (const page of pages) await page.getByRole('button', { name: 'Ready', exact: true }).click();
  for (const page of pages) await expectPhase(page, next);
}

/** Checks one phase on one page: the bar in view after scrolling, no sideways scroll, axe clean, a screenshot. */
async function checkPhase(page: Page, size: string, phase: string): Promise<void> {
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);
  await page.screenshot({ path: `test-results/table-layout/${size}-${phase}.png`, fullPage: true });
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  const bar = page.locator('.table-bar');
  await expect(bar.getByText(/^Round \d of 6/)).toBeInViewport();
  await expect(bar.getByText('Time left')).toBeInViewport();
  await page.evaluate(() => window.scrollTo(0, 0));
}

async function selectedTab(page: Page): Promise<string> {
  return (await page.getByRole('tab', { selected: true }).textContent()) ?? '';
}

for (const size of SIZES) {
  test(`a round played from the tabs on a ${size.name} (${size.width}×${size.height})`, async ({ browser, request, baseURL }) => {
    // Two browsers, axe five times and a whole round: slow on a busy machine, never waiting on a clock.
    test.setTimeout(600_000);
    const created = await request.post('/api/games', {
      data: { scenarioId: SCENARIO, timers: { briefing: LONG, negotiation: LONG, decision: LONG, resolution: LONG, debrief: LONG } },
    });
    expect(created.status()).toBe(201);
    const { gameId } = (await created.json()) as { gameId: string };
    const link = `${baseURL}/?game=${gameId}`;
    const us = await player(browser, size);
    const mx = await player(browser, size);
    await takeSeat(us, link, 'Ana', 'United States');
    await takeSeat(mx, link, 'Beto', 'Mexico');
    const both = [us, mx];
    // The game starts once every seat is taken.
    for (const page of both) await expect(page.getByRole('heading', { name: 'Now: Briefing' })).toBeVisible();

    // Briefing: the news and the briefing in front, the map one tab away and whole.
    for (const page of both) await expect(page.getByRole('tab', { name: 'News & briefing' })).toHaveAttribute('aria-selected', 'true');
    await expect(us.getByRole('heading', { name: 'News this round' })).toBeVisible();
    const objective = us.getByRole('region', { name: 'Indicators' }).locator('details.what-is');
    await expect(objective).toHaveAttribute('open', '');
    await expect(objective).toContainText('Objective score (0–100): how your country stands on its own aims right now');
    await checkPhase(us, size.name, 'briefing');
    await openTab(us, 'Map & results');
    const stage = us.locator('.map-stage');
    const canvas = stage.locator('canvas');
    await expect(canvas).toBeVisible();
    await expect
      .poll(async () => {
        const [s, c] = [await stage.boundingBox(), await canvas.boundingBox()];
        return s !== null && c !== null && c.width > 0 && c.x >= s.x - 1 && c.x + c.width <= s.x + s.width + 1 && c.y + c.height <= s.y + s.height + 1;
      })
      .toBe(true);
    await us.screenshot({ path: `test-results/table-layout/${size.name}-map.png` });

    await bothReady(both, 'Negotiation');
    for (const page of both) expect(await selectedTab(page)).toBe('Talks');
    await checkPhase(us, size.name, 'negotiation');

    // WCAG 2.4.11: a field that takes focus scrolls into view below the bar, not under it.
    await us.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    const target = us.getByLabel('Proposal to');
    await target.focus();
    await expect(target).toBeInViewport();
    const [barBox, fieldBox] = [await us.locator('.table-bar').boundingBox(), await target.boundingBox()];
    expect(fieldBox?.y ?? 0).toBeGreaterThanOrEqual((barBox?.y ?? 0) + (barBox?.height ?? 0));

    // Mexico reads its briefing while the United States makes an offer: a notice, a badge, a polite line.
    const news = mx.getByRole('tab', { name: 'News & briefing' });
    await mx.getByRole('tab', { name: 'Talks' }).focus();
    await mx.keyboard.press('ArrowLeft');
    await expect(news).toBeFocused();
    await expect(news).toHaveAttribute('aria-selected', 'true');
    await expect(mx.getByRole('heading', { name: 'Proposals' })).toBeHidden();

    await us.getByLabel('Include: National Guard deployment (Mexico)').check();
    await us.getByLabel('Amount: National Guard deployment').fill('10');
    await us.getByLabel('For how many rounds').fill('2');
    await us.getByRole('button', { name: 'Send proposal' }).click();

    const notices = mx.getByRole('group', { name: 'What just arrived' });
    await expect(notices).toContainText('New proposal from United States');
    await expect(mx.getByRole('tab', { name: 'Talks 1 new' })).toBeVisible();
    await expect(mx.locator('[aria-live="polite"].visually-hidden')).toHaveText('New proposal from United States');
    await mx.screenshot({ path: `test-results/table-layout/${size.name}-notice.png` });
    await expectAccessible(mx);
    await notices.getByRole('button', { name: 'Open Talks' }).click();
    await expect(mx.getByRole('tab', { name: 'Talks', exact: true })).toHaveAttribute('aria-selected', 'true');
    await expect(notices).toBeHidden();
    const offer = mx.getByRole('listitem').filter({ hasText: 'From United States to Mexico' });
    await expect(offer).toBeInViewport();
    await offer.getByRole('button', { name: /^Accept/ }).click();
    await expect(us.getByRole('group', { name: 'What just arrived' })).toContainText('Mexico accepted your proposal');

    // A chat line while Mexico's page is in the background counts in its title.
    await mx.evaluate(() => {
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await us.getByLabel('Message', { exact: true }).fill('Shall we talk about tariffs?');
    await us.getByRole('button', { name: 'Send message' }).click();
    await expect(mx).toHaveTitle('(1) Border Bargain');
    await expect(notices).toContainText('New message from United States');
    await mx.evaluate(() => {
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => false });
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await expect(mx).toHaveTitle('Border Bargain');
    await notices.getByRole('button', { name: 'Close' }).click();
    await expect(notices).toBeHidden();

    await bothReady(both, 'Decision');
    for (const page of both) expect(await selectedTab(page)).toBe('Decision');
    await mx.getByLabel('National Guard deployment (thousand personnel)').fill('10');
    await checkPhase(mx, size.name, 'decision');
    for (const page of both) await page.getByRole('button', { name: 'Seal decision' }).click();

    for (const page of both) await expectPhase(page, 'Resolution');
    for (const page of both) expect(await selectedTab(page)).toBe('Map & results');
    const summary = us.getByRole('region', { name: 'Round 1 resolved' });
    const flows = summary.getByRole('table', { name: 'Flows' });
    await expect(flows).toBeVisible();
    // Every figure of the flows table sits on one line, at a laptop's width and a phone's.
    const figures = flows.locator('.figure');
    await expect(figures).toHaveCount(4 * (await flows.getByRole('rowheader').count()));
    expect(await figures.evaluateAll((spans) => spans.filter((span) => span.getClientRects().length !== 1).map((span) => span.textContent))).toEqual([]);
    await flows.screenshot({ path: `test-results/table-layout/${size.name}-flows.png` });
    await expect(us.locator('.map-stage canvas')).toBeVisible();
    await checkPhase(us, size.name, 'resolution');

    await bothReady(both, 'Debrief');
    for (const page of both) expect(await selectedTab(page)).toBe('Cards');
    const cardsPanel = us.getByRole('region', { name: 'Framework cards' });
    await expect(cardsPanel).toBeVisible();
    // Each number has its own name, explained the first time it is seen, and one tap away after that.
    await expect(cardsPanel.locator('.fw-card').first()).toContainText(/Projected outcome at round \d: /);
    const rating = cardsPanel.locator('details.what-is', { has: us.getByText('What is a decision rating?') });
    const projection = cardsPanel.locator('details.what-is', { has: us.getByText('What is a projected outcome?') });
    await expect(rating).toHaveAttribute('open', '');
    await expect(rating).toContainText('Decision rating (0–100): how close one decision came to the best option');
    await expect(projection).toHaveAttribute('open', '');
    await expect(projection).toContainText('Projected outcome: the objective score the framework expects');
    await checkPhase(us, size.name, 'debrief');
    await expect.poll(() => us.evaluate(() => localStorage.getItem('border-bargain:seen-terms'))).toMatch(/"rating".*"projection"|"projection".*"rating"/);
    await us.reload();
    await expect(us.getByRole('heading', { name: 'Now: Debrief' })).toBeVisible();
    await expect(rating).not.toHaveAttribute('open');
    await rating.getByText('What is a decision rating?').click();
    await expect(rating).toContainText('Decision rating (0–100)');

    await bothReady(both, 'Briefing');
    await expect(us.locator('.table-bar').getByText(/^Round 2 of 6/)).toBeVisible();
  });
}
