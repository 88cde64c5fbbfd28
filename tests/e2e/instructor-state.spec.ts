import { expect, test } from '@playwright/test';
import { createClass, joinClass } from './instructor-pages.ts';
import { pagesForFile, startClass } from './pages.ts';

/**
 * The instructor's page says how things stand now: a refusal sits with the control that
 * caused it and goes once that control succeeds or the table has moved on; an event already
 * in play is not offered again; once the class is over, nothing is left to steer.
 */

const newPage = pagesForFile();
const REFUSED = 'Events can be brought in before the round resolves.';

test('errors clear when their control succeeds or the table moves on, events in play are not offered, and an ended class has no controls', async ({ browser }, info) => {
  const instructor = await newPage(browser);
  const code = await createClass(instructor, 1);
  const ana = await newPage(browser);
  await joinClass(ana, code, 'Ana');
  await startClass(instructor);

  const table = instructor.getByRole('region', { name: 'Table 1', exact: true });
  const phase = table.locator('.phase-badge');
  await expect(phase).toHaveText('Briefing');
  const next = table.getByRole('button', { name: 'Next phase' });
  for (const reached of ['Negotiation', 'Decision', 'Resolution']) {
    await next.click();
    await expect(phase).toHaveText(reached);
  }

  // In resolution the rules refuse an event: the table's refusal is named for its control, and so is the class-wide one.
  const eventSelect = table.getByLabel('Event for table 1');
  await table.getByRole('button', { name: 'Inject', exact: true }).click();
  const tableError = table.getByRole('alert');
  await expect(tableError).toHaveText(`Inject: The server refused: ${REFUSED}`);
  const controls = instructor.getByRole('region', { name: 'All tables' });
  await controls.getByRole('button', { name: 'Inject into every table' }).click();
  const classError = controls.getByRole('alert');
  await expect(classError).toHaveText(`Inject into every table: The server refused: Table 1: ${REFUSED}`);
  // Another control's success leaves both standing: they still describe the table.
  await table.getByRole('button', { name: '+60 s' }).click();
  await expect(tableError).toHaveText(`Inject: The server refused: ${REFUSED}`);
  await instructor.screenshot({ path: info.outputPath('refused.png'), fullPage: true });

  // The table moves on to the next round: what the errors described is gone, and so are they.
  await next.click();
  await expect(phase).toHaveText('Debrief');
  await expect(tableError).toBeHidden();
  await expect(classError).toBeHidden();
  await next.click();
  await expect(table.getByText('Round 2 of')).toBeVisible();

  // An event brought in is listed as in play and not offered again, here or for every table.
  const offered = eventSelect.locator('option:not([disabled])').first();
  const firstEvent = (await offered.textContent()) ?? '';
  const eventId = (await offered.getAttribute('value')) ?? '';
  await eventSelect.selectOption(eventId);
  await table.getByRole('button', { name: 'Inject', exact: true }).click();
  const inPlay = `${firstEvent}: already in play this round`;
  const shown = eventSelect.locator(`option[value="${eventId}"]`);
  await expect(shown).toHaveText(inPlay);
  await expect(shown).toBeDisabled();
  await expect(controls.locator(`option[value="${eventId}"]`)).toHaveText(inPlay);
  await expect(controls.locator(`option[value="${eventId}"]`)).toBeDisabled();
  // The choice moves off it: what is picked can be brought in.
  await expect(eventSelect).not.toHaveValue(eventId);
  await instructor.screenshot({ path: info.outputPath('cleared.png'), fullPage: true });

  // Once the class has ended there is nothing left to steer: Start, End, the class-wide and every table's controls are gone; Watch and Replay stay.
  await instructor.getByRole('button', { name: 'End the class' }).click();
  await instructor.getByRole('button', { name: 'Yes, end the class' }).click();
  await expect(instructor.locator('.session-phase')).toHaveText(/over|ended/i);
  await expect(controls).toBeHidden();
  await expect(instructor.getByRole('button', { name: 'End the class' })).toBeHidden();
  await expect(instructor.getByRole('button', { name: 'Start the class' })).toBeHidden();
  await expect(table.getByRole('button', { name: 'Next phase' })).toBeHidden();
  await expect(table.getByRole('button', { name: 'End table' })).toBeHidden();
  await expect(table.locator('.replay-link')).toBeVisible();
  await expect(table.getByRole('button', { name: 'Inject', exact: true })).toBeHidden();
  await instructor.screenshot({ path: info.outputPath('ended.png'), fullPage: true });
});
