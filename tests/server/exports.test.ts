import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@colyseus/sdk';
import Papa from 'papaparse';
import { z } from 'zod';
import type { BotPolicyId } from '../../shared/bots/policy.ts';
import { GameRecord } from '../../shared/record.ts';
import { DECISION_COLUMNS, STUDENT_COLUMNS } from '../../shared/review/schemas.ts';
import { replay, stateHash } from '../../shared/rules/index.ts';
import type { GameState } from '../../shared/rules/state.ts';
import type { Scenario } from '../../shared/scenario/schema.ts';
import { SCORED_MOVES } from '../../shared/scoring/card.ts';
import { InstructorView, JoinedSession } from '../../shared/session.ts';
import type { Actor } from '../../shared/actor.ts';
import type { SessionView } from '../../shared/session.ts';
import { Player, storedRecord, tempDataDir } from './harness.ts';
import { createSession, drive, enrol, loadScenario, openSessionRoom, sit, startClassServer, steer } from './session-harness.ts';
import type { ClassServer, MadeSession, Student } from './session-harness.ts';

let server: ClassServer;
let data: Awaited<ReturnType<typeof tempDataDir>>;
let scenario: Scenario;
let session: MadeSession;
let final: SessionView;
/** Each table's state at its end, as the instructor watching it live was shown it. */
const liveEnd = new Map<string, GameState>();

const TIMERS = { briefing: 1, negotiation: 2, decision: 2, resolution: 1, debrief: 1 };
/** A spreadsheet would run this as a formula if it reached a cell as typed. */
const FORMULA = '=HYPERLINK("http://x.test","win")';
const NAMES = ['Ana', 'Peña, José', FORMULA];
/** Temperaments that suit each side of the table, for the bots playing students' seats. */
const POLICIES: Record<string, BotPolicyId> = { us: 'coercive', mx: 'defensive' };

/** Joins by code with a school id, as the join screen sends it, and opens the student's session room. */
async function enrolWithId(name: string, schoolId: string): Promise<Student> {
  const res = await fetch(`${server.url}/api/sessions/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: session.code, name, schoolId }),
  });
  if (res.status !== 201) throw new Error(`join ${name}: HTTP ${res.status} ${await res.text()}`);
  const joined = JoinedSession.parse(await res.json());
  return { name, joined, lobby: await openSessionRoom(server, joined.sessionId, { studentToken: joined.studentToken }) };
}

let ana: Student;

beforeAll(async () => {
  data = await tempDataDir();
  server = await startClassServer(data.dir);
  scenario = await loadScenario();
  // Two tables for three students: one table has a student in each seat, the other a student and a bot.
  session = await createSession(server, { tables: 2, bots: 'dealmaker', timers: TIMERS, cards: 'immediate' });
  const instructor = await openSessionRoom(server, session.sessionId, { secret: session.secret });
  ana = await enrolWithId('Ana', 'S-0001');
  const others = await Promise.all(NAMES.slice(1).map((name) => enrol(server, session.code, name)));
  const students = [ana, ...others];
  // The instructor enters Peña's id afterwards.
  const pena = others[0];
  if (pena === undefined) throw new Error('no Peña');
  const set = await fetch(`${server.url}/api/sessions/${session.sessionId}/students/${pena.joined.studentId}/school-id`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${session.secret}` },
    body: JSON.stringify({ schoolId: ' P-42 ' }),
  });
  expect(set.status).toBe(200);
  await steer(server, session, { type: 'start' });
  const started = await instructor.session((v) => v.tables.length === 2 && v.roster.every((r) => r.seat !== null));
  // The instructor watches every table from its start, to know the state each one ends in.
  const watches = await Promise.all(
    started.tables.map(async (t) => {
      const watch = new Player(await new Client(server.url).joinById(t.gameId, { name: 'Instructor', secret: session.secret }));
      watch.room.reconnection.enabled = false;
      return watch;
    }),
  );
  // Ana plays her own seat from her browser; the others' seats are handed to bots of their temperament (they keep their seats).
  const seated = await sit(server, ana);
  drive(seated.player, scenario, POLICIES[seated.status.seat?.seat ?? ''] ?? 'dealmaker', 5);
  for (const r of started.roster) {
    if (r.studentId === ana.joined.studentId) continue;
    await steer(server, session, { type: 'seat-bot', table: r.table ?? '', seat: r.seat ?? '', policy: POLICIES[r.seat ?? ''] ?? 'dealmaker' });
  }
  final = await instructor.session((v) => v.tables.every((t) => t.phase === 'ended'));
  for (const [i, t] of started.tables.entries()) {
    const watch = watches[i];
    if (watch === undefined) continue;
    await watch.view((s) => s.phase === 'ended');
    liveEnd.set(t.gameId, InstructorView.parse(watch.latestOf('view')).state);
    await watch.room.leave();
  }
  await seated.player.room.leave();
  for (const inbox of [instructor, ...students.map((s) => s.lobby)]) await inbox.room.leave();
}, 180_000);

afterAll(async () => {
  await server?.close();
  await data?.remove();
});

function download(file: string, secret: string | null = session.secret): Promise<Response> {
  return fetch(`${server.url}/api/sessions/${session.sessionId}/export/${file}`, { headers: secret === null ? {} : { authorization: `Bearer ${secret}` } });
}

/** Checks what makes a file open cleanly in a spreadsheet, then parses it as one would. */
async function spreadsheet(res: Response, file: string): Promise<{ fields: string[]; rows: Record<string, string>[]; raw: string }> {
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  expect(res.headers.get('content-disposition')).toBe(`attachment; filename="border-bargain-${session.code}-${file}"`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const raw = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1);
  expect(raw).toContain('\r\n');
  expect(raw.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
  const parsed = Papa.parse<Record<string, string>>(raw, { header: true });
  expect(parsed.errors).toEqual([]);
  return { fields: parsed.meta.fields ?? [], rows: parsed.data, raw };
}

/** A text as a spreadsheet-safe cell: one that would start a formula is prefixed with a quote. */
function asCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

const POLICY_WORDS: Record<string, string> = { coercive: 'Coercive', defensive: 'Defensive', dealmaker: 'Dealmaker' };

/** Who made an entry, in the words the export promises. */
function madeBy(actor: Actor): string {
  if (actor.kind === 'student') return asCell(actor.name);
  if (actor.kind === 'bot') return `Bot (${POLICY_WORDS[actor.policy ?? ''] ?? '?'})`;
  throw new Error(`a decision by ${actor.kind}`);
}

describe('a session’s exports', () => {
  it('gives one decisions row per scored decision of every table, credited to whoever made it', async () => {
    const { fields, rows } = await spreadsheet(await download('decisions.csv'), 'decisions.csv');
    expect(fields).toEqual([...DECISION_COLUMNS]);
    let decisions = 0;
    for (const t of final.tables) {
      const record = await storedRecord(server, t.gameId);
      const scored = record.entries.flatMap((e) => (e.kind === 'move' && SCORED_MOVES.has(e.move.type) ? [e] : []));
      decisions += scored.length;
      // Game ids are URL-safe base64: one starting with "-" is quoted like a formula too.
      const mine = rows.filter((r) => r.game === asCell(t.gameId));
      expect(mine.map((r) => Number(r.seq))).toEqual(scored.map((e) => e.seq));
      expect(mine.map((r) => [r.made_by, r.made_by_kind, r.time])).toEqual(scored.map((e) => [madeBy(e.actor), e.actor.kind, new Date(e.at).toISOString()]));
      expect(mine.map((r) => r.seat)).toEqual(scored.map((e) => scenario.seats.find((s) => s.id === e.seat)?.name.en));
      expect(mine.every((r) => r.table === t.table && r.what_if === 'no' && r.forked_from === '')).toBe(true);
      expect((await server.store.loadCards(t.gameId)).length).toBe(scored.length);
    }
    expect(rows).toHaveLength(decisions);
    expect(decisions).toBeGreaterThan(10);
    // Ana played her own seat: her decisions are hers, with the id she entered; the others' seats were bots', and none is credited to them.
    const anas = rows.filter((r) => r.made_by === 'Ana');
    expect(anas.length).toBeGreaterThan(0);
    expect(anas.every((r) => r.made_by_kind === 'student' && r.student_id === 'S-0001')).toBe(true);
    expect(rows.filter((r) => r.made_by_kind === 'student').every((r) => r.made_by === 'Ana')).toBe(true);
    expect(rows.some((r) => r.made_by === 'Bot (Dealmaker)')).toBe(true);
    expect(rows.every((r) => r.detail !== '' && !/\b(us|mx)_/.test(r.detail ?? ''))).toBe(true);
  });

  it('gives one students row per student, crediting only their own decisions, ranked within the role across tables', async () => {
    const { fields, rows, raw } = await spreadsheet(await download('students.csv'), 'students.csv');
    expect(fields).toEqual([...STUDENT_COLUMNS]);
    expect(rows).toHaveLength(NAMES.length);
    expect(rows.map((r) => r.student).sort()).toEqual(['Ana', 'Peña, José', `'${FORMULA}`].sort());
    expect(raw).not.toMatch(/(^|,|\r\n)=HYPERLINK/);
    const ids = Object.fromEntries(rows.map((r) => [r.student, r.student_id]));
    expect(ids).toEqual({ Ana: 'S-0001', 'Peña, José': 'P-42', [`'${FORMULA}`]: '' });
    const anaTable = final.tables.find((t) => t.table === rows.find((r) => r.student === 'Ana')?.table);
    if (anaTable === undefined) throw new Error('Ana has no table');
    const anaRecord = await storedRecord(server, anaTable.gameId);
    const anaDecisions = anaRecord.entries.filter((e) => e.kind === 'move' && SCORED_MOVES.has(e.move.type) && e.actor.kind === 'student' && e.actor.memberId === ana.joined.studentId);
    for (const row of rows) {
      const table = final.tables.find((t) => t.table === row.table);
      if (table === undefined) throw new Error(`no table ${row.table}`);
      const end = replay(scenario, await storedRecord(server, table.gameId));
      const seat = scenario.seats.find((s) => s.name.en === row.seat);
      if (seat === undefined) throw new Error(`no seat named ${row.seat}`);
      expect(Number(row.final_score)).toBe(Math.round((end.seats[seat.id]?.score ?? NaN) * 100) / 100);
      expect(Number(row.role_tables)).toBe(2);
      expect([1, 2]).toContain(Number(row.role_rank));
      expect([0, 50, 100]).toContain(Number(row.role_percentile));
      if (row.student === 'Ana') {
        expect(Number(row.decisions)).toBe(anaDecisions.length);
        expect(row.first_move).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      } else {
        // A bot played this seat from the start: nothing it did is the student's.
        expect(row).toMatchObject({ decisions: '0', mean_score: '', first_move: '' });
        expect(Number(row.decisions_by_bots)).toBeGreaterThan(0);
      }
    }
  });

  it('gives a gradebook with one row per student in the columns Canvas and Moodle import', async () => {
    const { fields, rows } = await spreadsheet(await download('gradebook.csv'), 'gradebook.csv');
    const measure = (m: string) => `Border Bargain ${session.code}: ${m}`;
    expect(fields).toEqual(['Student', 'ID', 'SIS User ID', 'SIS Login ID', 'Section', measure('final score'), measure('percentile in role'), measure('mean decision score'), measure('decisions made')]);
    const students = (await spreadsheet(await download('students.csv'), 'students.csv')).rows;
    expect(rows.map((r) => [r.Student, r['SIS User ID'], r[measure('final score')], r[measure('percentile in role')], r[measure('mean decision score')], r[measure('decisions made')]])).toEqual(
      students.map((s) => [s.student, s.student_id, s.final_score, s.role_percentile, s.mean_score, s.decisions]),
    );
  });

  it('words the files in Spanish on request, and refuses a language it does not have', async () => {
    const res = await fetch(`${server.url}/api/sessions/${session.sessionId}/export/decisions.csv?lang=es`, { headers: { authorization: `Bearer ${session.secret}` } });
    const { rows } = await spreadsheet(res, 'decisions.csv');
    expect(rows.some((r) => r.made_by === 'Bot (Negociador)')).toBe(true);
    expect(rows.every((r) => r.what_if === 'no')).toBe(true);
    const bad = await fetch(`${server.url}/api/sessions/${session.sessionId}/export/decisions.csv?lang=fr`, { headers: { authorization: `Bearer ${session.secret}` } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { code: string }).code).toBe('query/invalid');
  });

  it('gives every table’s whole record, which replays to the state the table ended in', async () => {
    const res = await download('records.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="border-bargain-${session.code}-records.json"`);
    const body = z
      .object({ sessionId: z.string(), scenarioId: z.string(), tables: z.array(z.object({ table: z.string(), gameId: z.string(), record: GameRecord })) })
      .strict()
      .parse(await res.json());
    expect(body.sessionId).toBe(session.sessionId);
    expect(body.scenarioId).toBe(scenario.id);
    expect(body.tables.map((t) => [t.table, t.gameId])).toEqual(final.tables.map((t) => [t.table, t.gameId]));
    for (const t of body.tables) {
      const live = liveEnd.get(t.gameId);
      if (live === undefined) throw new Error(`table ${t.table} was not watched`);
      // The instructor's view leaves the seed out; everything else must match exactly.
      const replayed = { ...replay(scenario, t.record), seed: 0, rng: 0 };
      expect(replayed.phase).toBe('ended');
      expect(stateHash(replayed)).toBe(stateHash(live));
    }
  });

  it('are the instructor’s alone', async () => {
    for (const file of ['decisions.csv', 'students.csv', 'gradebook.csv', 'records.json']) {
      for (const secret of [null, 'not-the-secret']) {
        const res = await download(file, secret);
        expect(res.status).toBe(403);
        expect(((await res.json()) as { code: string }).code).toBe('session/forbidden');
      }
    }
  });
});
