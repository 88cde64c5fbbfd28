import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import Papa from 'papaparse';
import { DECISION_COLUMNS, STUDENT_COLUMNS } from '../../shared/review/schemas.ts';
import { ClassList } from '../../shared/class-list.ts';
import { SessionView } from '../../shared/session.ts';
import { createClass, joinClass } from './instructor-pages.ts';
import { pagesForFile, startClass } from './pages.ts';

/**
 * The instructor takes the class's files from the instructor page: a school id entered
 * for a student, then the decisions, students and gradebook files downloaded in Chromium
 * and read with a CSV parser. The student's seat is handed to a bot before she moves, so
 * every decision at her seat is the bot's, and none may be credited to her.
 */

const newPage = pagesForFile();
const SEAT_NAMES: Record<string, string> = { us: 'United States', mx: 'Mexico' };
const SCHOOL_ID = 'S-1001';

type Csv = { fields: string[]; rows: Record<string, string>[] };

/** Presses an export button and reads the file the browser saved, as a spreadsheet would. */
async function download(page: Page, button: string): Promise<Csv & { filename: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('group', { name: 'Exports' }).getByRole('button', { name: button }).click()]);
  const text = await readFile(await file.path(), 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  const parsed = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return { filename: file.suggestedFilename(), fields: parsed.meta.fields ?? [], rows: parsed.data };
}

test('the exports credit a bot at a student’s seat to the bot, and carry the id the instructor entered', async ({ browser }) => {
  const laptop = await newPage(browser);
  const code = await createClass(laptop);
  const sessionId = new URL(laptop.url()).searchParams.get('session') ?? '';
  const secret = new URLSearchParams(new URL(laptop.url()).hash.slice(1)).get('secret') ?? '';
  const auth = { authorization: `Bearer ${secret}` };
  const ana = await newPage(browser);
  await joinClass(ana, code, 'Ana');

  // A bad id is named beside its field and nothing changes; a good one is saved.
  const idField = laptop.getByRole('textbox', { name: 'Id at your school for Ana' });
  await idField.fill('x'.repeat(41));
  await laptop.getByRole('button', { name: 'Save the id of Ana' }).click();
  await expect(laptop.getByText('A student id has at most 40 characters and no control characters (such as a line break).')).toBeVisible();
  await expect(idField).toHaveAttribute('aria-invalid', 'true');
  const untouched = ClassList.parse(await (await laptop.request.get(`/api/sessions/${sessionId}/students`, { headers: auth })).json());
  expect(untouched.map((s) => s.schoolId)).toEqual([null]);
  await idField.fill(` ${SCHOOL_ID} `);
  await laptop.getByRole('button', { name: 'Save the id of Ana' }).click();
  await expect(laptop.getByText('Saved.')).toBeVisible();
  await expect(idField).toHaveValue(SCHOOL_ID);

  await startClass(laptop);
  await expect(laptop.getByText('Class running')).toBeVisible();
  const view = async () => SessionView.parse(await (await laptop.request.get(`/api/sessions/${sessionId}`, { headers: auth })).json());
  await expect.poll(async () => (await view()).roster[0]?.seat ?? null, { timeout: 60_000 }).not.toBeNull();
  const anaSeat = (await view()).roster[0]?.seat ?? '';
  const anaSeatName = SEAT_NAMES[anaSeat] ?? anaSeat;

  // Her seat goes to a bot before she has moved: the table plays on, bots at both seats.
  const table = laptop.getByRole('region', { name: 'Table 1' });
  await table.getByRole('combobox', { name: `Who plays ${anaSeatName} at table 1` }).selectOption({ label: 'Bot: Dealmaker' });
  await table.getByRole('button', { name: `Apply to ${anaSeatName} at table 1` }).click();
  await expect(table.locator('.seat-holders', { hasText: 'Bot: Dealmaker' })).toHaveCount(2);

  // Decisions are scored off the rooms' thread: wait until one made at her seat is in the file.
  await expect
    .poll(
      async () => {
        const res = await laptop.request.get(`/api/sessions/${sessionId}/export/decisions.csv`, { headers: auth });
        return Papa.parse<Record<string, string>>((await res.text()).slice(1), { header: true, skipEmptyLines: true }).data.filter((row) => row.seat === anaSeatName).length;
      },
      { timeout: 150_000 },
    )
    .toBeGreaterThan(0);

  const decisions = await download(laptop, 'Decisions (CSV)');
  expect(decisions.filename).toBe(`border-bargain-${code}-decisions.csv`);
  expect(decisions.fields).toEqual([...DECISION_COLUMNS]);
  const atHerSeat = decisions.rows.filter((row) => row.seat === anaSeatName);
  expect(atHerSeat.length).toBeGreaterThan(0);
  for (const row of atHerSeat) {
    expect(row.made_by_kind).toBe('bot');
    expect(row.made_by).toBe('Bot (Dealmaker)');
    expect(row.student_id).toBe('');
    expect(row.what_if).toBe('no');
    expect(row.time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
  }
  expect(decisions.rows.filter((row) => row.made_by === 'Ana' || row.made_by_kind === 'student')).toEqual([]);

  const students = await download(laptop, 'Students (CSV)');
  expect(students.fields).toEqual([...STUDENT_COLUMNS]);
  expect(students.rows).toHaveLength(1);
  const her = students.rows[0];
  expect(her).toMatchObject({ student: 'Ana', student_id: SCHOOL_ID, table: '1', seat: anaSeatName, decisions: '0' });
  expect(Number(her?.decisions_by_bots)).toBeGreaterThanOrEqual(atHerSeat.length > 0 ? 1 : 0);

  const book = await download(laptop, 'Gradebook for Canvas or Moodle (CSV)');
  expect(book.filename).toBe(`border-bargain-${code}-gradebook.csv`);
  const measure = (name: string) => `Border Bargain ${code}: ${name}`;
  expect(book.fields).toEqual(['Student', 'ID', 'SIS User ID', 'SIS Login ID', 'Section', measure('final score'), measure('percentile in role'), measure('mean decision score'), measure('decisions made')]);
  expect(book.rows).toEqual([expect.objectContaining({ Student: 'Ana', 'SIS User ID': SCHOOL_ID, [measure('decisions made')]: '0', [measure('mean decision score')]: '' })]);

  // The same files in Spanish: the columns stay, the words change.
  await laptop.getByRole('group', { name: 'Exports' }).getByLabel('Language of the files').selectOption('es');
  const esDecisions = await download(laptop, 'Decisions (CSV)');
  expect(esDecisions.fields).toEqual([...DECISION_COLUMNS]);
  const spanishSeat = anaSeat === 'us' ? 'Estados Unidos' : 'México';
  expect(esDecisions.rows.filter((row) => row.seat === spanishSeat).every((row) => row.made_by_kind === 'bot')).toBe(true);
  expect(esDecisions.rows.some((row) => row.seat === spanishSeat)).toBe(true);
});
