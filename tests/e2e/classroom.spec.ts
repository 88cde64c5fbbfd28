import { expect, test, type Locator, type Page } from '@playwright/test';
import { pagesForFile } from './pages.ts';

/**
 * A whole class through the pages an instructor and students use: the instructor sets a
 * class up on the landing page, three students join by code in their own browsers, the
 * instructor starts, pauses a table, speaks to the class, watches a table and ends it.
 * Timers are long, so nothing here waits on a game clock.
 */

const SCENARIO = 'Tariffs at the Border: United States and Mexico, 2019';
const LONG_MINUTES = '30';
const EVE = '<b>Eve</b>';
const NOTICE = 'Ten minutes left: wrap up your deals.';

const newPage = pagesForFile();

function scenarioCard(page: Page): Locator {
  return page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: SCENARIO, exact: true }) });
}

/** The class is set up from the landing page; returns the join code. */
async function createClass(page: Page): Promise<string> {
  await page.goto('/');
  const card = scenarioCard(page);
  await card.getByRole('button', { name: 'Run a class' }).click();
  await card.getByRole('radio', { name: 'A number of tables' }).check();

  // Bad input is named beside its field, and nothing is sent.
  const sessions: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/api/sessions')) sessions.push(r.url());
  });
  await card.getByRole('textbox', { name: 'Number of tables' }).fill('0');
  await card.getByLabel('Negotiation').fill('-2');
  await card.getByRole('button', { name: 'Create class session' }).click();
  await expect(card.getByText('The number of tables must be a whole number from 1 to 100.')).toBeVisible();
  await expect(card.getByText('Enter minutes and seconds, for example 2:30 or 5, from 0:01 to 600:00.')).toBeVisible();
  await expect(card.getByRole('textbox', { name: 'Number of tables' })).toHaveAttribute('aria-invalid', 'true');
  expect(sessions).toEqual([]);

  await card.getByRole('textbox', { name: 'Number of tables' }).fill('2');
  for (const phase of ['Briefing', 'Negotiation', 'Decision', 'Resolution', 'Debrief']) await card.getByLabel(phase, { exact: true }).fill(LONG_MINUTES);
  await expect(card.getByLabel('Fill empty seats with bots')).toBeChecked();
  await card.getByRole('button', { name: 'Create class session' }).click();

  const link = card.getByLabel('Student link');
  // The link opens in the language of the page that made it.
  await expect(link).toHaveValue(/\/\?code=[A-Z0-9]{6}&lang=en$/);
  const code = new URL(await link.inputValue()).searchParams.get('code') ?? '';
  await expect(card.getByText(code, { exact: true })).toBeVisible();
  await card.getByRole('link', { name: 'Open the instructor page' }).click();
  await expect(page.getByRole('heading', { name: SCENARIO })).toBeVisible();
  // The secret stays in the fragment, which no server sees: the address is the lasting link.
  await expect(page).toHaveURL(/\/\?session=[\w-]+#secret=[\w-]+$/);
  return code;
}

async function joinClass(page: Page, code: string, name: string): Promise<void> {
  await page.goto(`/?code=${code.toLowerCase()}`);
  await expect(page.getByLabel('Class code')).toHaveValue(code);
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Join the class' }).click();
  await expect(page.getByRole('heading', { name: 'Waiting for the instructor to start' })).toBeVisible();
  await expect(page.getByText(`You are in as ${name}.`, { exact: true })).toBeVisible();
}

/** The seat this page plays, as its table header says: "Ana — Mexico (you)". */
async function mySeat(page: Page): Promise<string> {
  const me = page.getByRole('list', { name: 'Players' }).getByRole('listitem').filter({ hasText: '(you)' });
  await expect(me).toHaveCount(1);
  return (await me.locator('.player-name').innerText()).trim();
}

test('an instructor runs a class: join by code, start, pause, announce, watch, end', async ({ browser }) => {
  const instructor = await newPage(browser);
  const code = await createClass(instructor);

  const ana = await newPage(browser);
  const beto = await newPage(browser);
  const eve = await newPage(browser);
  await joinClass(ana, code, 'Ana');

  // Beto types the code on the landing page, in lower case.
  await beto.goto('/');
  await beto.getByRole('textbox', { name: 'Link or code' }).fill(code.toLowerCase());
  await beto.getByRole('button', { name: 'Join game' }).click();
  await expect(beto.getByLabel('Class code')).toHaveValue(code);
  await beto.getByLabel('Your name').fill('Beto');
  await beto.getByRole('button', { name: 'Join the class' }).click();
  await expect(beto.getByRole('heading', { name: 'Waiting for the instructor to start' })).toBeVisible();

  await joinClass(eve, code, EVE);
  await expect(eve.locator('.lobby b')).toHaveCount(0);
  await eve.screenshot({ path: 'test-results/lobby.png', fullPage: true });

  // The roster shows every name as typed, markup included as plain text.
  const roster = instructor.getByRole('region', { name: 'Students' });
  await expect(roster.getByText('3 connected of 3')).toBeVisible();
  for (const name of ['Ana', 'Beto', EVE]) await expect(roster.getByRole('list', { name: 'Class list' }).getByText(name, { exact: true })).toBeVisible();
  await expect(instructor.locator('.roster b')).toHaveCount(0);

  // The instructor page speaks Spanish too.
  await instructor.getByRole('button', { name: 'Español' }).click();
  await expect(instructor.getByRole('button', { name: 'Empezar la clase' })).toBeVisible();
  await expect(instructor.getByRole('region', { name: 'Estudiantes' }).getByText('3 conectados de 3')).toBeVisible();
  await instructor.getByRole('button', { name: 'English' }).click();

  // One seat of the two tables would have no student: the instructor is told what the bot there will do, and confirms.
  await instructor.getByRole('button', { name: 'Start the class' }).click();
  const asked = instructor.getByRole('group', { name: 'Start the class' });
  await expect(asked).toContainText('Starting now opens 2 tables, and 1 seat has no student yet.');
  await expect(asked).toContainText('A Dealmaker bot plays each of those seats: it puts balanced deals on the table');
  await asked.getByRole('button', { name: 'Start anyway' }).click();
  await expect(instructor.getByText('Class running')).toBeVisible();
  for (const page of [ana, beto, eve]) await expect(page.getByRole('heading', { name: 'Indicators' })).toBeVisible();
  const anaSeat = await mySeat(ana);
  expect(anaSeat).toMatch(/^Ana — (United States|Mexico) \(you\)$/);
  await expect(eve.getByText(`${EVE} — `, { exact: false })).toBeVisible();

  const table1 = instructor.getByRole('region', { name: 'Table 1' });
  const table2 = instructor.getByRole('region', { name: 'Table 2' });
  await expect(table1).toBeVisible();
  await expect(table2).toBeVisible();
  // Three students at two tables of two seats: one seat is a bot's.
  await expect(instructor.locator('.seat-holders', { hasText: 'Bot: Dealmaker' })).toHaveCount(1);

  await table1.getByRole('button', { name: 'Pause' }).click();
  await expect(table1.getByText('Paused', { exact: true })).toBeVisible();
  await expect(table1.getByRole('button', { name: 'Resume' })).toBeVisible();
  await expect(table2.getByRole('button', { name: 'Pause' })).toBeVisible();

  // This round's own scripted event is already in play: it is listed as such and not offered (instructor-state.spec shows a refusal).
  const events = table2.getByLabel('Event for table 2');
  const roundOne = events.locator('option', { hasText: 'scripted for round 1' }).first();
  await expect(roundOne).toContainText('already in play this round');
  await expect(roundOne).toBeDisabled();

  // An announcement that is too long is stopped before it is sent.
  const announcement = instructor.getByLabel('Announcement to every student');
  await announcement.fill('x'.repeat(501));
  await instructor.getByRole('button', { name: 'Send announcement' }).click();
  await expect(instructor.getByText('An announcement can have at most 500 characters.')).toBeVisible();
  await announcement.fill(NOTICE);
  await instructor.getByRole('button', { name: 'Send announcement' }).click();
  for (const page of [ana, beto, eve]) {
    await expect(page.getByRole('status').filter({ hasText: 'Message from your instructor' })).toContainText(NOTICE);
  }
  await expect(announcement).toHaveValue('');
  await eve.getByRole('button', { name: 'Dismiss' }).click();
  await expect(eve.getByText(NOTICE)).toBeHidden();
  await instructor.screenshot({ path: 'test-results/instructor.png', fullPage: true });

  // Watch opens the table read-only in a new tab, with the instructor's secret from this browser.
  const [watching] = await Promise.all([instructor.context().waitForEvent('page'), table1.getByRole('link', { name: /Watch table 1/ }).click()]);
  await expect(watching.getByText('Watching', { exact: true })).toBeVisible();
  await expect(watching.getByRole('heading', { name: 'Indicators' })).toBeVisible();
  await expect(watching.getByRole('button', { name: 'Ready', exact: true })).toBeDisabled();
  await watching.screenshot({ path: 'test-results/watch.png', fullPage: true });
  await watching.close();

  // A returning student comes back to the same seat without typing anything.
  await ana.reload();
  await expect(ana.getByRole('heading', { name: 'Indicators' })).toBeVisible();
  expect(await mySeat(ana)).toBe(anaSeat);

  await instructor.getByRole('button', { name: 'End the class' }).click();
  await instructor.getByRole('button', { name: 'Yes, end the class' }).click();
  await expect(instructor.getByText('Class ended')).toBeVisible();
  for (const page of [ana, beto, eve]) await expect(page.getByText('Phase: Game over', { exact: true })).toBeVisible();
});

test('a wrong code and a name already taken get readable answers', async ({ browser }) => {
  const instructor = await newPage(browser);
  const code = await createClass(instructor);
  const ana = await newPage(browser);
  await joinClass(ana, code, 'Ana');

  const page = await newPage(browser);
  await page.goto('/?code=');
  const codeField = page.getByLabel('Class code');
  const name = page.getByLabel('Your name');
  const join = page.getByRole('button', { name: 'Join the class' });

  // Checked in the page first: nothing is sent for these.
  await join.click();
  await expect(page.getByText('Enter the class code.')).toBeVisible();
  await codeField.fill('ab1');
  await join.click();
  await expect(page.getByText('This is not a class code: check each letter and digit with your instructor’s screen.')).toBeVisible();
  await codeField.fill('acd');
  await expect(codeField).toHaveValue('ACD');
  await join.click();
  await expect(page.getByText('A class code has exactly 6 letters and digits.')).toBeVisible();
  await codeField.fill(code);
  await name.fill('x'.repeat(41));
  await join.click();
  await expect(page.getByText('Your name can have at most 40 characters.')).toBeVisible();
  await expect(name).toHaveAttribute('aria-invalid', 'true');

  // The server's answers, next to the field they are about.
  const unknown = code === 'ACDEFG' ? 'GFEDCA' : 'ACDEFG';
  await codeField.fill(unknown);
  await name.fill('Zed');
  await join.click();
  await expect(page.getByText('No class has this code. Check it with your instructor’s screen.')).toBeVisible();
  await expect(codeField).toHaveAttribute('aria-invalid', 'true');

  await codeField.fill(code);
  await name.fill('Ana');
  await join.click();
  await expect(page.getByText('Someone in this class already uses this name: add an initial or choose another.')).toBeVisible();
  await expect(name).toHaveAttribute('aria-invalid', 'true');

  // In Spanish, the page and its answers.
  await page.getByRole('button', { name: 'Español' }).click();
  await expect(page.getByRole('heading', { name: 'Unirse a una clase' })).toBeVisible();
  await page.getByLabel('Código de la clase').fill(code);
  await page.getByLabel('Tu nombre').fill('Ana');
  await page.getByRole('button', { name: 'Unirse a la clase' }).click();
  await expect(page.getByText('Alguien de esta clase ya usa este nombre: añade una inicial o elige otro.')).toBeVisible();
  await page.getByLabel('Tu nombre').fill('Zoe');
  await page.getByRole('button', { name: 'Unirse a la clase' }).click();
  await expect(page.getByRole('heading', { name: 'Esperando a que el docente empiece' })).toBeVisible();
  await page.getByRole('button', { name: 'English' }).click();
});
