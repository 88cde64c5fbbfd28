import { expect, type Page } from '@playwright/test';

/** The pages an instructor's specs share: a class set up from the landing page, a student joining it. */

export const SCENARIO = 'Tariffs at the Border: United States and Mexico, 2019';
/** Long phases: nothing in these specs waits on a game clock. */
const LONG_MINUTES = '30';

/** Sets a class of `tables` tables up from the landing page and opens its instructor page; returns the join code. */
export async function createClass(page: Page, tables = 1): Promise<string> {
  await page.goto('/');
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: SCENARIO, exact: true }) });
  await card.getByRole('button', { name: 'Run a class' }).click();
  await card.getByRole('radio', { name: 'A number of tables' }).check();
  await card.getByRole('textbox', { name: 'Number of tables' }).fill(String(tables));
  for (const phase of ['Briefing', 'Negotiation', 'Decision', 'Resolution', 'Debrief']) await card.getByLabel(phase, { exact: true }).fill(LONG_MINUTES);
  await card.getByRole('button', { name: 'Create class session' }).click();
  const link = card.getByLabel('Student link');
  // The link opens in the language of the page that made it.
  await expect(link).toHaveValue(/\/\?code=[A-Z0-9]{6}&lang=en$/);
  const code = new URL(await link.inputValue()).searchParams.get('code') ?? '';
  await card.getByRole('link', { name: 'Open the instructor page' }).click();
  await expect(page.getByRole('heading', { name: SCENARIO })).toBeVisible();
  return code;
}

export async function joinClass(page: Page, code: string, name: string, schoolId?: string): Promise<void> {
  await page.goto(`/?code=${code}`);
  await page.getByLabel('Your name').fill(name);
  if (schoolId !== undefined) await page.getByLabel('Your student id (optional)').fill(schoolId);
  await page.getByRole('button', { name: 'Join the class' }).click();
  await expect(page.getByRole('heading', { name: 'Waiting for the instructor to start' })).toBeVisible();
}
