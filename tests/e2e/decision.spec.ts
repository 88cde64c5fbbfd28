import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { pagesForFile, takeSeat } from './pages.ts';

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
  await expect(brief.getByRole('listitem')).toHaveText([/^broken as set Agreement 1: tariffs for enforcement: you keep National Guard deployment at least 10 thousand personnel\.$/]);
  // Mexico's guards in force (6 thousand) are below the floor: the table would record them, breaking the deal.
  await expect(brief).toContainText('If you do not seal before the deadline, the table records your levels in force: National Guard deployment 6 thousand personnel');
  await expect(brief).toContainText(/Those levels break Agreement 1: tariffs for enforcement \(National Guard deployment at least 10 thousand personnel\)\./);

  const guards = mx.getByLabel('National Guard deployment (thousand personnel)');
  const slider = mx.getByRole('slider', { name: 'National Guard deployment, slider' });
  const mark = mx.locator('.level-row', { has: guards }).locator('.level-mark');
  await expect(mark).toHaveText(/^Breaks Agreement 1: tariffs for enforcement; you agreed to National Guard deployment at least 10 thousand personnel\.$/);
  await expect(guards).toHaveAccessibleDescription(/Breaks Agreement 1: tariffs for enforcement;/);

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
  await expect(brief.getByRole('listitem')).toHaveText([/^kept as set Agreement 1: tariffs for enforcement: you keep/]);

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
    await mx.screenshot({ path: `test-results/decision-page-${width}x${height}.png` });
  }
});

test('a decision not sealed in time: the form says beforehand what the table will record, and afterwards what it did', async ({ browser, request, baseURL }) => {
  // A short decision phase only; everything before it waits on the players.
  const response = await request.post('/api/games', { data: { scenarioId: SCENARIO, timers: { briefing: LONG, negotiation: LONG, decision: 40, resolution: LONG, debrief: LONG } } });
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

type Holdable = { __hold: boolean; __release(): void; __heldText(): string };

/**
 * Runs in the page before its scripts: every WebSocket it opens can hold incoming messages
 * while `__hold` is set, and deliver them in order on `__release()`, as a slow link would.
 */
function holdableSockets(): void {
  const Native = window.WebSocket;
  const page = window as unknown as Holdable & { WebSocket: typeof WebSocket };
  const held: { socket: WebSocket; data: unknown }[] = [];
  const replayed = new WeakSet<Event>();
  page.__hold = false;
  class Holding extends Native {
    constructor(...args: ConstructorParameters<typeof WebSocket>) {
      super(...args);
      // Registered before the client's own handler, so it can keep a message from it.
      this.addEventListener('message', (event) => {
        if (!page.__hold || replayed.has(event)) return;
        event.stopImmediatePropagation();
        held.push({ socket: this, data: event.data });
      });
    }
  }
  page.WebSocket = Holding;
  page.__release = () => {
    page.__hold = false;
    for (const { socket, data } of held.splice(0)) {
      const event = new MessageEvent('message', { data });
      replayed.add(event);
      socket.dispatchEvent(event);
    }
  };
  page.__heldText = () =>
    held.map(({ data }) => (typeof data === 'string' ? data : data instanceof ArrayBuffer ? new TextDecoder().decode(data) : '')).join('\n');
}

/** The message beside a control: it describes the control, and the table's alert says it too. */
async function expectBeside(page: Page, control: ReturnType<Page['getByRole']>, text: string | RegExp): Promise<void> {
  await expect(control).toHaveAccessibleDescription(typeof text === 'string' ? new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : text);
  await expect(page.getByRole('alert')).toContainText(text);
}

test('each refusal and bad input shows beside the field or button that caused it, and in the alert', async ({ browser, request, baseURL }) => {
  const gameId = await createGame(request);
  const link = `${baseURL}/?game=${gameId}`;
  const us = await openPage(browser);
  const mx = await openPage(browser);
  // What reaches Mexico's page from the server can be held back (a slow link), so the United States can change the table under its feet.
  await mx.addInitScript(holdableSockets);
  await takeSeat(us, link, 'Ana', 'United States');
  await takeSeat(mx, link, 'Beto', 'Mexico');
  const both = [us, mx];
  await bothReady(both, 'Negotiation');

  // The proposal form: nothing included, a level out of range, a duration out of range.
  const sendProposal = mx.getByRole('button', { name: 'Send proposal' });
  await sendProposal.click();
  await expectBeside(mx, sendProposal, 'Include at least one commitment.');
  const guardsOffer = mx.getByLabel('Amount: National Guard deployment');
  await guardsOffer.fill('99');
  await sendProposal.click();
  await expectBeside(mx, guardsOffer, 'National Guard deployment must be between 0 and 25 in steps of 1.');
  await expect(guardsOffer).toHaveAttribute('aria-invalid', 'true');
  await guardsOffer.fill('');
  await sendProposal.click();
  await expectBeside(mx, guardsOffer, 'National Guard deployment must be between 0 and 25 in steps of 1.');
  await guardsOffer.fill('12');
  await expect(guardsOffer).not.toHaveAttribute('aria-invalid', 'true');
  const rounds = mx.getByLabel('For how many rounds');
  for (const bad of ['0', '2.5', '']) {
    await rounds.fill(bad);
    await sendProposal.click();
    await expectBeside(mx, rounds, 'The number of rounds must be a whole number from 1 to 12.');
  }
  await rounds.fill('1');

  // Threats and promises: an empty demand, a due round past the game.
  await mx.getByLabel('What you demand of them').selectOption({ label: 'Development and security aid (million dollars)' });
  const demand = mx.getByLabel('Level you demand');
  const announce = mx.getByRole('button', { name: 'Announce' });
  await demand.fill('');
  await announce.click();
  await expectBeside(mx, demand, 'Development and security aid must be between 0 and 500 in steps of 50.');
  await demand.fill('100');
  const consequence = mx.getByLabel('Level you will use');
  await consequence.fill('-3');
  await announce.click();
  await expectBeside(mx, consequence, 'National Guard deployment must be between 0 and 25 in steps of 1.');
  await consequence.fill('5');
  const due = mx.getByLabel('Due by round');
  await due.fill('9');
  await announce.click();
  await expectBeside(mx, due, 'The due round is not valid.');
  await due.fill('1');

  // Chat: an empty line, a line too long.
  const message = mx.getByLabel('Message', { exact: true });
  const sendMessage = mx.getByRole('button', { name: 'Send message' });
  await message.fill('   ');
  await sendMessage.click();
  await expectBeside(mx, message, 'Write a message first.');
  await message.fill('x'.repeat(501));
  await sendMessage.click();
  await expectBeside(mx, message, 'A message can have at most 500 characters.');
  await message.fill('');

  // A threat that would break one's own agreement is flagged before it is sent.
  await agree(us, mx);
  await us.getByLabel('Addressed to').selectOption({ label: 'Mexico' });
  await us.getByLabel('What you demand of them').selectOption({ label: 'COMAR asylum places (thousand places)' });
  await us.getByLabel('Level you demand').fill('5');
  await us.getByLabel('What you will do otherwise').selectOption({ label: 'Tariff on Mexican goods (percent)' });
  await us.getByLabel('Level you will use').fill('10');
  await us.getByLabel('Due by round').fill('1');
  await expect(us.getByRole('button', { name: 'Announce' })).toHaveAccessibleDescription(
    /Carrying this out would break Agreement \d: tariffs for enforcement; you agreed to Tariff on Mexican goods at most 0 percent\./,
  );
  await us.getByLabel('Due by round').fill('4');
  await expect(us.locator('.pledge-warning')).toBeEmpty();

  // The server's refusal: the United States withdraws its offer while Mexico, not yet told, accepts it.
  await us.getByLabel('Include: National Guard deployment (Mexico)').check();
  await us.getByLabel('Amount: National Guard deployment').fill('15');
  await us.getByLabel('For how many rounds').fill('1');
  await us.getByRole('button', { name: 'Send proposal' }).click();
  const offer = mx.getByRole('listitem').filter({ hasText: 'From United States to Mexico' }).filter({ has: mx.getByRole('button', { name: /^Accept/ }) });
  await expect(offer).toContainText('National Guard deployment at least 15 thousand personnel');
  await mx.evaluate(() => ((window as unknown as Holdable).__hold = true));
  await us.getByRole('button', { name: /^Withdraw United States offer \d$/ }).click();
  await expect(us.getByText('withdrawn', { exact: true })).toBeVisible();
  const accept = offer.getByRole('button', { name: /^Accept/ });
  await expect(accept).toHaveAccessibleName(/^Accept United States offer \d$/);
  const proposalId = (await offer.getAttribute('data-proposal')) ?? '';
  await accept.click();
  // The refusal is back (held with the news of the withdrawal); then both reach the page, in order.
  await expect.poll(() => mx.evaluate(() => (window as unknown as Holdable).__heldText().includes('proposal/not-open'))).toBe(true);
  await mx.evaluate(() => (window as unknown as Holdable).__release());
  const item = mx.locator(`li[data-proposal="${proposalId}"]`);
  await expect(item.locator('.field-error')).toHaveText('That proposal is no longer open: it was withdrawn.');
  await expect(mx.getByRole('alert')).toHaveText('That proposal is no longer open: it was withdrawn.');

  // The decision: a level out of range or empty, said beside that level.
  await bothReady(both, 'Decision');
  const guards = mx.getByLabel('National Guard deployment (thousand personnel)');
  const seal = mx.getByRole('button', { name: 'Seal decision' });
  for (const bad of ['26', '-1', '7.5', '']) {
    await guards.fill(bad);
    await seal.click();
    await expectBeside(mx, guards, 'National Guard deployment must be between 0 and 25 in steps of 1.');
  }
  await guards.fill('25');
  await mx.getByLabel('COMAR asylum places (thousand places)').fill('20');
  await seal.click();
  await expectBeside(mx, seal, /^Over budget by/);
  await mx.locator('section.decision').screenshot({ path: 'test-results/decision-error.png' });
});

test('a reload keeps the unsent chat, the proposal and threat being built, and the unsealed decision; corrupt storage is ignored', async ({ browser, request, baseURL }) => {
  const gameId = await createGame(request);
  const link = `${baseURL}/?game=${gameId}`;
  const us = await openPage(browser);
  const mx = await openPage(browser);
  await takeSeat(us, link, 'Ana', 'United States');
  await takeSeat(mx, link, 'Beto', 'Mexico');
  const both = [us, mx];
  await bothReady(both, 'Negotiation');

  const line = 'Hola — ¿hablamos de aranceles? 🙂';
  await mx.getByLabel('Message', { exact: true }).fill(line);
  await mx.getByLabel('Include: Tariff on Mexican goods (United States)').check();
  await mx.getByLabel('Amount: Tariff on Mexican goods').fill('0');
  await mx.getByLabel('For how many rounds').fill('2');
  await mx.getByRole('radio', { name: 'Promise' }).check();
  await mx.getByLabel('What they must do').selectOption({ label: 'Development and security aid (million dollars)' });
  await mx.getByLabel('Level you demand').fill('200');
  await mx.getByLabel('Level you will use').fill('');

  await mx.reload();
  await expectPhase([mx], 'Negotiation');
  await expect(mx.getByLabel('Message', { exact: true })).toHaveValue(line);
  await expect(mx.getByLabel('Include: Tariff on Mexican goods (United States)')).toBeChecked();
  await expect(mx.getByLabel('Amount: Tariff on Mexican goods')).toHaveValue('0');
  await expect(mx.getByLabel('For how many rounds')).toHaveValue('2');
  await expect(mx.getByRole('radio', { name: 'Promise' })).toBeChecked();
  await expect(mx.getByLabel('What they must do')).toHaveValue('us_aid');
  await expect(mx.getByLabel('Level you demand')).toHaveValue('200');
  await expect(mx.getByLabel('Level you will use')).toHaveValue('');

  // Sent, the line is no longer a draft: a reload brings back an empty box.
  await mx.getByRole('button', { name: 'Send message' }).click();
  await expect(us.getByRole('log').getByText(line, { exact: true })).toBeVisible();

  await bothReady(both, 'Decision');
  await mx.getByLabel('National Guard deployment (thousand personnel)').fill('14');
  await mx.getByLabel('COMAR asylum places (thousand places)').fill('');
  await mx.reload();
  await expectPhase([mx], 'Decision');
  await expect(mx.getByLabel('National Guard deployment (thousand personnel)')).toHaveValue('14');
  await expect(mx.getByRole('slider', { name: 'National Guard deployment, slider' })).toHaveValue('14');
  await expect(mx.getByLabel('COMAR asylum places (thousand places)')).toHaveValue('');
  await expect(mx.getByLabel('Message', { exact: true })).toHaveValue('');

  // Storage someone else wrote, or half a write: ignored, the form starts from the levels in force.
  await mx.evaluate((id) => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('border-bargain:drafts:') && key.includes(id)) localStorage.setItem(key, '{"decision":{"round":"one"},"chat":');
  }, gameId);
  await mx.reload();
  await expectPhase([mx], 'Decision');
  await expect(mx.getByLabel('National Guard deployment (thousand personnel)')).toHaveValue('6');
  await expect(mx.getByLabel('Message', { exact: true })).toHaveValue('');
});
