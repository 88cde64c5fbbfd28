import { expect, test } from '@playwright/test';
import { ServerAddress } from '../../shared/server-address.ts';
import { createClass, joinClass, SCENARIO } from './instructor-pages.ts';
import { pagesForFile, startClass } from './pages.ts';

/**
 * How students get in, as the room sees it: the server's address for other devices (not
 * localhost), the code and a QR code of the student link; and the projector view, which
 * counts who joined and follows the tables without a secret or a name on it.
 */

const newPage = pagesForFile();

test('the class setup and the projector show the address students reach, the code and a QR code', async ({ browser }) => {
  const laptop = await newPage(browser);
  const address = ServerAddress.parse(await (await laptop.request.get('/api/address')).json());
  const code = await createClass(laptop);
  const secret = new URLSearchParams(new URL(laptop.url()).hash.slice(1)).get('secret') ?? '';
  expect(secret).not.toBe('');

  // The instructor page: the address other devices reach, never localhost while the machine has a network.
  const studentLink = `${address.joinBase}/?code=${code}&lang=en`;
  await expect(laptop.getByRole('textbox', { name: 'Student link' })).toHaveValue(studentLink);
  if (address.source !== 'local') expect(studentLink).not.toMatch(/localhost|127\.0\.0\.1/);
  else await expect(laptop.getByRole('note')).toContainText('works only on this computer');
  const qr = laptop.getByRole('img', { name: `QR code: scan it to join class ${code}` });
  await expect(qr).toHaveAttribute('src', /^data:image\/svg\+xml/);
  await expect(qr).toHaveAttribute('data-link', studentLink);

  const [projector] = await Promise.all([laptop.context().waitForEvent('page'), laptop.getByRole('link', { name: 'Open the projector view' }).click()]);
  await expect(projector).toHaveURL(new RegExp(`/\\?project=${code}$`));
  await expect(projector.getByRole('heading', { name: SCENARIO })).toBeVisible();
  await expect(projector.getByText(code, { exact: true })).toBeVisible();
  await expect(projector.getByRole('img', { name: `QR code: scan it to join class ${code}` })).toHaveAttribute('data-link', studentLink);
  await expect(projector.getByText('0 students joined (0 online)')).toBeVisible();

  const ana = await newPage(browser);
  await joinClass(ana, code, 'Ana', 'A-1');
  await expect(projector.getByText('1 student joined (1 online)')).toBeVisible();
  // The id she typed at join reaches the instructor's gradebook list.
  await expect(laptop.getByRole('textbox', { name: 'Id at your school for Ana' })).toHaveValue('A-1');
  await startClass(laptop);
  await expect(projector.getByText('The class is playing')).toBeVisible();
  const table = projector.getByRole('list', { name: 'Tables' }).getByRole('listitem');
  await expect(table).toHaveCount(1);
  await expect(table).toContainText('Table 1');
  await expect(table).toContainText(/Round \d/);

  // Nothing secret and no one's name: not in the page, nor in the address.
  const html = await projector.content();
  expect(html).not.toContain(secret);
  expect(html).not.toContain('Ana');
  expect(projector.url()).not.toContain('secret');
});

test('a projector link with a bad or unknown code says so and asks for nothing else', async ({ browser }) => {
  const page = await newPage(browser);
  await page.goto('/?project=ab1');
  await expect(page.getByRole('alert')).toHaveText('This is not a class code: check the projector link on the instructor page.');
  await page.goto('/?project=ACD');
  await expect(page.getByRole('alert')).toHaveText('A class code has exactly 6 letters and digits: this projector link is incomplete.');
  const bad = await page.request.get('/api/sessions/code/ab1/board');
  expect(bad.status()).toBe(400);
  expect((await bad.json()).code).toBe('code/invalid');

  // A student id that cannot be one is refused in the join form, and nothing is sent.
  const joins: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/api/sessions/join')) joins.push(r.url());
  });
  await page.goto('/?code=ACDEFG');
  await page.getByLabel('Your name').fill('Zed');
  await page.getByLabel('Your student id (optional)').fill('x'.repeat(41));
  await page.getByRole('button', { name: 'Join the class' }).click();
  await expect(page.getByText('A student id has at most 40 characters and no control characters (such as a line break).')).toBeVisible();
  await expect(page.getByLabel('Your student id (optional)')).toHaveAttribute('aria-invalid', 'true');
  expect(joins).toEqual([]);

  const unknown = 'ACDEFG';
  await page.goto(`/?project=${unknown}`);
  await expect(page.getByText(`No class is running with the code ${unknown}.`)).toBeVisible();
});
