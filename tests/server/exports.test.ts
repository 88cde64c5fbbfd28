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
import { InstructorView } from '../../shared/session.ts';
import type { SessionView } from '../../shared/session.ts';
import { Player, storedRecord, tempDataDir } from './harness.ts';
import { createSession, enrol, loadScenario, openSessionRoom, startClassServer, steer } from './session-harness.ts';
import type { ClassServer, MadeSession } from './session-harness.ts';

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

beforeAll(async () => {
  data = await tempDataDir();
  server = await startClassServer(data.dir);
  scenario = await loadScenario();
  // Two tables for three students: one table has a student in each seat, the other a student and a bot.
  session = await createSession(server, { tables: 2, bots: 'dealmaker', timers: TIMERS, cards: 'immediate' });
  const instructor = await openSessionRoom(server, session.sessionId, { secret: session.secret });
  const students = await Promise.all(NAMES.map((name) => enrol(server, session.code, name)));
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
  // The students' seats are played for them by bots of their temperament, at the server's pace; they keep their seats.
  for (const r of started.roster) {
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

describe('a session’s exports', () => {
  it('gives one decisions row per scored decision of every table, in the columns promised', async () => {
    const { fields, rows } = await spreadsheet(await download('decisions.csv'), 'decisions.csv');
    expect(fields).toEqual([...DECISION_COLUMNS]);
    let decisions = 0;
    for (const t of final.tables) {
      const record = await storedRecord(server, t.gameId);
      const scored = record.entries.filter((e) => e.kind === 'move' && SCORED_MOVES.has(e.move.type));
      decisions += scored.length;
      // Game ids are URL-safe base64: one starting with "-" is quoted like a formula too.
      const mine = rows.filter((r) => r.game === asCell(t.gameId));
      expect(mine.map((r) => Number(r.seq))).toEqual(scored.map((e) => e.seq));
      expect(mine.every((r) => r.table === t.table)).toBe(true);
      expect((await server.store.loadCards(t.gameId)).length).toBe(scored.length);
    }
    expect(rows).toHaveLength(decisions);
    expect(decisions).toBeGreaterThan(10);
    // Who held the seat: students by name, a bot by its policy; a cell that would start a formula is quoted.
    const names = new Map(final.roster.map((r) => [r.studentId, r.name]));
    const holders = (table: string, seat: string): string => {
      const held = final.tables.find((t) => t.table === table)?.seats[seat];
      const cell = [...(held?.students ?? []).map((id) => names.get(id) ?? id), ...(held?.bot ? [`bot:${held.bot}`] : [])].join('; ');
      return asCell(cell);
    };
    for (const row of rows) expect(row.students).toBe(holders(row.table ?? '', row.seat ?? ''));
    expect(rows.some((r) => r.students.startsWith(`'${FORMULA}`))).toBe(true);
    expect(rows.some((r) => r.students === 'bot:dealmaker')).toBe(true);
  });

  it('gives one students row per seated student, and a name that looks like a formula stays text', async () => {
    const { fields, rows, raw } = await spreadsheet(await download('students.csv'), 'students.csv');
    expect(fields).toEqual([...STUDENT_COLUMNS]);
    expect(rows).toHaveLength(NAMES.length);
    expect(rows.map((r) => r.student).sort()).toEqual(['Ana', 'Peña, José', `'${FORMULA}`].sort());
    expect(raw).not.toMatch(/(^|,|\r\n)=HYPERLINK/);
    for (const row of rows) {
      const table = final.tables.find((t) => t.table === row.table);
      if (table === undefined) throw new Error(`no table ${row.table}`);
      const end = replay(scenario, await storedRecord(server, table.gameId));
      expect(Number(row.final_score)).toBe(end.seats[row.seat ?? '']?.score);
    }
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
    for (const file of ['decisions.csv', 'students.csv', 'records.json']) {
      for (const secret of [null, 'not-the-secret']) {
        const res = await download(file, secret);
        expect(res.status).toBe(403);
        expect(((await res.json()) as { code: string }).code).toBe('session/forbidden');
      }
    }
  });
});
