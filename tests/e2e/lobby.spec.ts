import { expect, test, type APIRequestContext } from '@playwright/test';
import { CreatedSession, SessionControl } from '../../shared/session.ts';
import { pagesForFile } from './pages.ts';

/**
 * A student at a class table is told what happens to their seat: handed to a bot by the
 * instructor, then given back. The class is run through the HTTP API, as the instructor's
 * page does; the student uses the page.
 */

const page = pagesForFile();
const LONG = 600;

async function control(request: APIRequestContext, created: CreatedSession, body: SessionControl): Promise<void> {
  const secret = new URLSearchParams(created.instructorUrl.split('#')[1] ?? '').get('secret') ?? '';
  const response = await request.post(`/api/sessions/${created.sessionId}/control`, { data: body, headers: { authorization: `Bearer ${secret}` } });
  expect(response.status()).toBe(200);
}

test('a student is told when the instructor hands their seat to a bot, and when it comes back', async ({ browser, request }) => {
  const made = await request.post('/api/sessions', {
    data: { scenarioId: 'us-mexico-2019', tables: 1, assignment: 'instructor', bots: 'dealmaker', timers: { briefing: LONG, negotiation: LONG, decision: LONG, resolution: LONG, debrief: LONG } },
  });
  expect(made.status()).toBe(201);
  const created = CreatedSession.parse(await made.json());
  const ana = await page(browser);
  await ana.goto(`/?code=${created.code}`);
  await ana.getByLabel('Your name').fill('Ana');
  await ana.getByRole('button', { name: 'Join the class' }).click();
  await expect(ana.getByRole('heading', { name: 'Waiting for the instructor to start' })).toBeVisible();
  const students = await request.get(`/api/sessions/${created.sessionId}`, { headers: { authorization: `Bearer ${new URLSearchParams(created.instructorUrl.split('#')[1] ?? '').get('secret') ?? ''}` } });
  const studentId = ((await students.json()) as { roster: { studentId: string }[] }).roster[0]?.studentId ?? '';
  await control(request, created, { type: 'move-student', studentId, table: '1', seat: 'us' });
  await control(request, created, { type: 'start' });
  await expect(ana.getByRole('heading', { name: 'Indicators' })).toBeVisible();

  await control(request, created, { type: 'seat-bot', table: '1', seat: 'us', policy: 'restraint' });
  await expect(ana.getByText('The instructor has handed your seat to a bot for now (Bot (Restraint)): watch the table; the seat comes back to you when the instructor hands it back.')).toBeVisible();
  await control(request, created, { type: 'seat-bot', table: '1', seat: 'us', policy: null });
  await expect(ana.getByText('Your seat is yours again: you can act for it.')).toBeVisible();
});

test('a student the instructor moves to another table is taken to it, and told', async ({ browser, request }) => {
  const made = await request.post('/api/sessions', {
    data: { scenarioId: 'us-mexico-2019', tables: 2, assignment: 'instructor', bots: 'dealmaker', timers: { briefing: LONG, negotiation: LONG, decision: LONG, resolution: LONG, debrief: LONG } },
  });
  expect(made.status()).toBe(201);
  const created = CreatedSession.parse(await made.json());
  const secret = new URLSearchParams(created.instructorUrl.split('#')[1] ?? '').get('secret') ?? '';
  const ana = await page(browser);
  await ana.goto(`/?code=${created.code}`);
  await ana.getByLabel('Your name').fill('Ana');
  await ana.getByRole('button', { name: 'Join the class' }).click();
  await expect(ana.getByRole('heading', { name: 'Waiting for the instructor to start' })).toBeVisible();
  const roster = await request.get(`/api/sessions/${created.sessionId}`, { headers: { authorization: `Bearer ${secret}` } });
  const studentId = ((await roster.json()) as { roster: { studentId: string }[] }).roster[0]?.studentId ?? '';
  await control(request, created, { type: 'move-student', studentId, table: '1', seat: 'us' });
  await control(request, created, { type: 'start' });
  await expect(ana.getByRole('heading', { name: 'Indicators' })).toBeVisible();

  // Seated and playing, she is moved to the other table's other seat: her page follows her there.
  await control(request, created, { type: 'move-student', studentId, table: '2', seat: 'mx' });
  await expect(ana.getByText('The instructor moved you: you now play Mexico (transit state).')).toBeVisible();
  // Table 2's bots have played on alone: she catches up on Mexico's briefing there.
  await expect(ana.getByRole('heading', { name: 'You are joining a game under way' })).toBeVisible();
  await expect(ana.getByRole('group').getByText(/^You speak for the government of Mexico/)).toBeVisible();
  await expect(ana.getByText('Taking your seat…')).toHaveCount(0);
  const session = await request.get(`/api/sessions/${created.sessionId}`, { headers: { authorization: `Bearer ${secret}` } });
  const view = (await session.json()) as { roster: { studentId: string; table: string | null; seat: string | null }[] };
  expect(view.roster.find((r) => r.studentId === studentId)).toMatchObject({ table: '2', seat: 'mx' });
  await ana.screenshot({ path: test.info().outputPath('moved-student.png') });
});
