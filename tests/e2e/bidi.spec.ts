import { expect, test, type Locator, type Page } from '@playwright/test';
import { pagesForFile, takeSeat, startClass } from './pages.ts';

/**
 * A name can carry a right-to-left override (U+202E). Shown without isolation, it would
 * reverse every word after it in the same line ("— United States" read backwards), so a
 * student could disguise whom a line is about. Every place a typed name meets our own
 * words isolates it; these checks read where the browser actually laid each letter out.
 */

const OVERRIDE = '\u202Eevil';
const LONG_MINUTES = 30;
const LONG = LONG_MINUTES * 60;
const SCENARIO = 'us-mexico-2019';

const newPage = pagesForFile();

/**
 * Whether `word`, inside `within`, runs left to right as written: its first letter laid
 * out left of its last. An override leaking out of a name reverses it.
 */
async function readsInOrder(within: Locator, word: string): Promise<boolean> {
  return within.evaluate((root, w) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const text = node as Text;
      const at = text.data.indexOf(w);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(text, at);
      range.setEnd(text, at + 1);
      const first = range.getBoundingClientRect().left;
      range.setStart(text, at + w.length - 1);
      range.setEnd(text, at + w.length);
      const last = range.getBoundingClientRect().left;
      return first < last;
    }
    throw new Error(`"${w}" is not in this element`);
  }, word);
}

test('a right-to-left override in a name does not reorder the table header around it', async ({ browser, request, baseURL }) => {
  const created = await request.post('/api/games', {
    data: { scenarioId: SCENARIO, timers: { briefing: LONG, negotiation: LONG, decision: LONG, resolution: LONG, debrief: LONG } },
  });
  expect(created.status()).toBe(201);
  const { gameId } = (await created.json()) as { gameId: string };
  const link = `${baseURL}/?game=${gameId}`;

  const spoofer = await newPage(browser);
  const ana = await newPage(browser);
  await takeSeat(spoofer, link, OVERRIDE, 'United States');
  await takeSeat(ana, link, 'Ana', 'Mexico');

  // Ana's header: "‮evil — United States" must still read "United States" left to right.
  const line = ana.locator('.player-name').filter({ hasText: 'United States' });
  await expect(line).toContainText(OVERRIDE);
  expect(await readsInOrder(line, 'United States')).toBe(true);
  // And on the spoofer's own page, "(you)" after the name too.
  const own = spoofer.locator('.player-name').filter({ hasText: '(you)' });
  await expect(own).toContainText(OVERRIDE);
  expect(await readsInOrder(own, 'United States')).toBe(true);
  expect(await readsInOrder(own, 'you')).toBe(true);
});

test('a right-to-left override in a name does not reorder the class lobby or the dashboard', async ({ browser, request }) => {
  const created = await request.post('/api/sessions', {
    data: { scenarioId: SCENARIO, tables: 1, timers: { briefing: LONG, negotiation: LONG, decision: LONG, resolution: LONG, debrief: LONG } },
  });
  expect(created.status()).toBe(201);
  const session = (await created.json()) as { code: string; instructorUrl: string };

  const student = await newPage(browser);
  await student.goto(`/?code=${session.code}`);
  await student.getByLabel('Your name').fill(OVERRIDE);
  await student.getByRole('button', { name: 'Join the class' }).click();
  await expect(student.getByText(/^You are in as .+\.$/)).toContainText(OVERRIDE);
  // "Not ‮evil? Join with another name": the words after the name stay in order.
  const notMe = student.getByRole('button', { name: /^Not / });
  await expect(notMe).toContainText(OVERRIDE);
  expect(await readsInOrder(notMe, 'another name')).toBe(true);

  const instructor = await newPage(browser);
  await instructor.goto(session.instructorUrl);
  const roster = instructor.getByRole('region', { name: 'Students' });
  await expect(roster.getByText('1 connected of 1')).toBeVisible();
  await expect(roster.locator('.roster-entry')).toContainText(OVERRIDE);

  await startClass(instructor);
  const holders = instructor.getByRole('region', { name: 'Table 1' }).locator('.seat-holders').filter({ hasText: OVERRIDE });
  await expect(holders).toHaveCount(1);
  await expect(student.getByRole('heading', { name: 'Indicators' })).toBeVisible();
  const header = student.locator('.player-name').filter({ hasText: '(you)' });
  expect(await readsInOrder(header, 'you')).toBe(true);
});
