import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';

/**
 * A way for a spec file to open a page in a browser context of its own (a person on their
 * own device). Contexts are closed after each test, or their tables' maps keep the shared
 * browser busy. Any dialog fails the test: text smuggling markup must never run as a script.
 */
export function pagesForFile(): (browser: Browser) => Promise<Page> {
  const opened: BrowserContext[] = [];
  test.afterEach(async () => {
    await Promise.all(opened.splice(0).map((context) => context.close()));
  });
  return async (browser) => {
    const context = await browser.newContext();
    opened.push(context);
    const page = await context.newPage();
    page.on('dialog', (dialog) => {
      throw new Error(`unexpected dialog: ${dialog.message()}`);
    });
    return page;
  };
}

/** A student opens a game's link, types a name, picks a seat and joins: the table is there once its indicators show (or the waiting room, for the first to arrive). */
export async function takeSeat(page: Page, link: string, name: string, seat: string): Promise<void> {
  await page.goto(link);
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('radio', { name: seat }).check();
  await page.getByRole('button', { name: 'Join', exact: true }).click();
  // The first to sit down waits in the waiting room until the other seat is filled.
  await expect(page.getByRole('heading', { name: 'Indicators' }).or(page.getByRole('heading', { name: 'Waiting for every seat to be filled' }))).toBeVisible();
}

/** Opens one of the table's sections (its tabs), as a student taps it. */
export async function openTab(page: Page, name: string): Promise<void> {
  const tab = page.getByRole('tab', { name });
  await tab.click();
  await expect(tab).toHaveAttribute('aria-selected', 'true');
}

/** The instructor starts the class; seats no student would take are announced first (with what the bots will do), and confirmed. */
export async function startClass(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Start the class' }).click();
  // The question opens in the click itself: it is there at once, or not at all.
  const anyway = page.getByRole('button', { name: 'Start anyway' });
  if (await anyway.isVisible()) await anyway.click();
}
