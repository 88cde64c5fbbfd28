import { expect, test } from '@playwright/test';
import { ServerAddress } from '../../shared/server-address.ts';
import { createClass, joinClass } from './instructor-pages.ts';
import { pagesForFile, startClass } from './pages.ts';

/**
 * The instructor link lasts: opened in a browser that never saw the class (another
 * device), or after this browser's storage is cleared, it still steers the class.
 */

const newPage = pagesForFile();

test('the instructor link opened in a fresh browser still controls the class', async ({ browser }) => {
  const laptop = await newPage(browser);
  const code = await createClass(laptop);

  // The page offers its own lasting link, folded away from the projector; it is the address.
  await laptop.getByText('Your instructor link (private)').click();
  const field = laptop.getByRole('textbox', { name: 'Instructor link' });
  await expect(field).toBeVisible();
  // At the address other devices reach, not this browser's localhost.
  const address = ServerAddress.parse(await (await laptop.request.get('/api/address')).json());
  const here = new URL(laptop.url());
  await expect(field).toHaveValue(`${address.joinBase}${here.pathname}${here.search}${here.hash}`);
  const link = await field.inputValue();
  expect(link).toMatch(/\/\?session=[\w-]+#secret=[\w-]{20,}$/);

  const ana = await newPage(browser);
  await joinClass(ana, code, 'Ana');

  // Another device: a browser context with nothing stored.
  const phone = await newPage(browser);
  await phone.goto(link);
  const roster = phone.getByRole('region', { name: 'Students' });
  // A fresh browser loads the page and connects from nothing: on a busy machine that takes a while.
  await expect(roster.getByText('1 connected of 1')).toBeVisible({ timeout: 60_000 });
  await startClass(phone);
  await expect(phone.getByText('Class running')).toBeVisible();
  await expect(laptop.getByText('Class running')).toBeVisible();
  await expect(ana.getByRole('heading', { name: 'Indicators' })).toBeVisible();

  // The laptop's storage is cleared: the address still holds the key.
  await laptop.evaluate(() => {
    localStorage.clear();
    sessionStorage.clear();
  });
  await laptop.reload();
  await expect(laptop.getByText('Class running')).toBeVisible();
  await expect(laptop.getByRole('region', { name: 'Table 1' })).toBeVisible();
});

test('a link with a wrong or missing key opens nothing', async ({ browser }) => {
  const laptop = await newPage(browser);
  await createClass(laptop);
  const session = new URL(laptop.url()).searchParams.get('session');
  expect(session).not.toBeNull();

  const stranger = await newPage(browser);
  await stranger.goto(`/?session=${session}#secret=not-the-key`);
  await expect(stranger.getByRole('alert')).toHaveText(/does not open the instructor page/);
  await expect(stranger.getByRole('button', { name: 'Start the class' })).toHaveCount(0);

  await stranger.goto(`/?session=${session}`);
  await stranger.reload();
  await expect(stranger.getByRole('alert')).toHaveText(/does not hold the private key/);
  await expect(laptop.getByText('Students are joining')).toBeVisible();
});
