import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import type { Actor } from '../../shared/actor.ts';
import type { GameRecord } from '../../shared/record.ts';
import { replay, type Move } from '../../shared/rules/index.ts';
import { decisionRows, describeMove, gradebook, studentRows, type ExportStudent, type ExportTable } from '../../shared/review/exports.ts';
import { roleStandings } from '../../shared/review/role-standing.ts';
import { DECISION_COLUMNS, STUDENT_COLUMNS } from '../../shared/review/schemas.ts';
import { cardsOfRecord, profileOf } from '../../shared/scoring/index.ts';
import { toCsv } from '../../server/review/csv.ts';
import { commitmentsRecord } from './fixtures/review-record.ts';

const { scenario, record } = commitmentsRecord();
const cards = cardsOfRecord(scenario, record);
const student = (memberId: string, name: string): Actor => ({ kind: 'student', memberId, name });
const BOT: Actor = { kind: 'bot', policy: 'defensive' };

/** The same play, credited to whoever a table says made each seat's moves (by seq). */
function creditedTo(gameId: string, by: (seat: string, seq: number) => Actor): GameRecord {
  return { ...record, gameId, entries: record.entries.map((e) => (e.kind === 'move' ? { ...e, actor: by(e.seat, e.seq) } : e)) };
}

// Table 10: Zoë makes dest's first moves, then Ana takes over; a bot plays trans. Table 2: Bea and Carl.
const roster: ExportStudent[] = [
  { memberId: 'm-zoe', name: 'Zoë', schoolId: 'S-100', table: '10', seat: 'dest' },
  { memberId: 'm-ana', name: 'Ana', schoolId: null, table: '10', seat: 'dest' },
  { memberId: 'm-trans', name: 'Tomás', schoolId: 'S-300', table: '10', seat: 'trans' },
  { memberId: 'm-bea', name: 'Bea', schoolId: 'S-200', table: '2', seat: 'dest' },
  { memberId: 'm-carl', name: 'Carl', schoolId: null, table: '2', seat: 'trans' },
  { memberId: 'm-late', name: 'Late', schoolId: null, table: null, seat: null },
];
const table10 = creditedTo('g10', (seat, seq) => (seat === 'trans' ? BOT : seq <= 3 ? student('m-zoe', 'Zoë') : student('m-ana', 'Ana')));
const table2 = creditedTo('g2', (seat) => (seat === 'dest' ? student('m-bea', 'Bea') : student('m-carl', 'Carl')));
// A what-if of table 2 after step 4, played by someone forking under another name: it is marked and credits no one in the gradebook.
const whatIf = creditedTo('gw', (seat, seq) => (seq <= 4 ? (seat === 'dest' ? student('m-bea', 'Bea') : student('m-carl', 'Carl')) : student('m-bea', 'Bea')));
const tables: ExportTable[] = [
  { table: '10', gameId: 'g10', record: table10, cards, whatIf: null },
  { table: '2', gameId: 'gw', record: { ...whatIf, createdAt: record.createdAt + 1 }, cards, whatIf: { table: '2', step: 4 } },
  { table: '2', gameId: 'g2', record: table2, cards, whatIf: null },
];

describe('describeMove', () => {
  const v = { version: 0 };
  it.each<[Move, string]>([
    [{ ...v, type: 'decide', levels: { aid: 50, tariff: 10 } }, 'decision: Tariff 10, Aid 50'],
    [{ ...v, type: 'threaten', target: 'trans', demand: { instrument: 'guard', amount: 10 }, consequence: { instrument: 'tariff', amount: 20 }, dueRound: 2 }, 'threat to Transit: demands Guard at least 10 by round 2, otherwise Tariff 20'],
    [{ ...v, type: 'promise', target: 'trans', condition: { instrument: 'loosen', amount: 0 }, reward: { instrument: 'aid', amount: 100 }, dueRound: 1 }, 'promise to Transit: if Loosen at most 0 by round 1, then Aid 100'],
    [{ ...v, type: 'propose', to: 'trans', commitments: [{ seat: 'trans', instrument: 'guard', amount: 10 }, { seat: 'dest', instrument: 'tariff', amount: 0 }], rounds: 2 }, 'proposal to Transit for 2 rounds: Transit: Guard at least 10; Destination: Tariff at most 0'],
    [{ ...v, type: 'counter', proposalId: 'p3', commitments: [{ seat: 'trans', instrument: 'guard', amount: 5 }], rounds: 1 }, 'counter-proposal (p3) for 1 round: Transit: Guard at least 5'],
    [{ ...v, type: 'accept', proposalId: 'p3' }, 'acceptance (p3)'],
    [{ ...v, type: 'reject', proposalId: 'p3' }, 'rejection (p3)'],
    [{ ...v, type: 'withdraw', proposalId: 'p3' }, 'withdrawal (p3)'],
    [{ ...v, type: 'chat', to: 'dest', text: 'hello' }, 'chat to Destination'],
    [{ ...v, type: 'ready' }, 'ready'],
  ])('%j reads "%s"', (move, text) => {
    expect(describeMove(scenario, move)).toBe(text);
  });

  it('speaks Spanish when asked', () => {
    expect(describeMove(scenario, { ...v, type: 'threaten', target: 'trans', demand: { instrument: 'guard', amount: 10 }, consequence: { instrument: 'tariff', amount: 20 }, dueRound: 2 }, 'es')).toBe(
      'amenaza a Transit: exige Guard al menos 10 para la ronda 2, si no Tariff 20',
    );
  });
});

describe('roleStandings', () => {
  it('ranks within a role only, ties sharing a rank, percentile of the others beaten (ties half)', () => {
    const s = roleStandings([
      { key: 'a', role: 'destination', score: 10 },
      { key: 'b', role: 'destination', score: 30 },
      { key: 'c', role: 'destination', score: 10 },
      { key: 'd', role: 'destination', score: 5 },
      { key: 'x', role: 'transit', score: -100 },
    ]);
    expect(Object.fromEntries(s)).toEqual({
      a: { rank: 2, of: 4, percentile: 50 },
      b: { rank: 1, of: 4, percentile: 100 },
      c: { rank: 2, of: 4, percentile: 50 },
      d: { rank: 4, of: 4, percentile: 0 },
      x: { rank: 1, of: 1, percentile: 100 },
    });
  });
});

describe('decisionRows', () => {
  const rows = decisionRows(scenario, tables, roster);

  it('gives one row per card, table 2 and its what-if before table 10, each in record order', () => {
    expect(cards.map((c) => c.move.type)).toEqual(['threaten', 'promise', 'propose', 'accept', 'decide', 'decide']);
    expect(rows.map((r) => [r.game, r.seq])).toEqual(['g2', 'gw', 'g10'].flatMap((g) => [2, 3, 4, 5, 7, 8].map((seq) => [g, seq])));
    for (const row of rows) expect(Object.keys(row)).toEqual([...DECISION_COLUMNS]);
  });

  it('credits each decision to who made it, a bot as the bot, with readable seat names and ISO times', () => {
    const card = cards[0];
    const at = record.entries.find((e) => e.seq === 2)?.at ?? NaN;
    expect(rows[12]).toEqual({
      table: '10', game: 'g10', what_if: 'no', forked_from: '', round: 1, seq: 2, time: new Date(at).toISOString(),
      seat: 'Destination', role: 'destination', made_by: 'Zoë', made_by_kind: 'student', student_id: 'S-100',
      move: 'threat', detail: 'threat to Transit: demands Guard at least 10 by round 1, otherwise Tariff 20',
      instrument: card.classification.instrument, aim: card.classification.aim ?? '', leverage: card.classification.leverage.join('; '),
      bargaining: card.classification.bargaining,
      political_cost: Math.round(card.ledger.costs.political * 100) / 100,
      reputational_cost: Math.round(card.ledger.costs.reputational * 100) / 100,
      implementation_cost: Math.round(card.ledger.costs.implementation * 100) / 100,
      score: Math.round(card.evaluation.score * 10) / 10, label: card.evaluation.label, case: card.case,
    });
    expect(rows.filter((r) => r.game === 'g10').map((r) => [r.seq, r.made_by, r.made_by_kind])).toEqual([
      [2, 'Zoë', 'student'], [3, 'Zoë', 'student'], [4, 'Ana', 'student'], [5, 'Bot (Defensive)', 'bot'], [7, 'Ana', 'student'], [8, 'Bot (Defensive)', 'bot'],
    ]);
    // Tomás sits at the bot's seat: none of its decisions are his.
    expect(rows.some((r) => r.made_by === 'Tomás')).toBe(false);
  });

  it('marks a what-if and says where it was forked', () => {
    const forked = rows.filter((r) => r.game === 'gw');
    expect(forked.every((r) => r.what_if === 'yes' && r.forked_from === 'table 2, after step 4')).toBe(true);
    expect(rows.filter((r) => r.game !== 'gw').every((r) => r.what_if === 'no' && r.forked_from === '')).toBe(true);
  });
});

describe('studentRows', () => {
  const rows = studentRows(scenario, tables, roster);
  const final = replay(scenario, record);

  it('gives one row per student of the roster, by table, seat and name, unseated last', () => {
    expect(rows.map((r) => [r.table, r.seat, r.student])).toEqual([
      ['2', 'Destination', 'Bea'], ['2', 'Transit', 'Carl'], ['10', 'Destination', 'Ana'], ['10', 'Destination', 'Zoë'], ['10', 'Transit', 'Tomás'], ['', '', 'Late'],
    ]);
    for (const row of rows) expect(Object.keys(row)).toEqual([...STUDENT_COLUMNS]);
  });

  it("credits each student with their own decisions only: a teammate's, a bot's and a what-if's are not theirs", () => {
    const by = (name: string) => rows.find((r) => r.student === name);
    const own = (seqs: number[]) => profileOf('dest', cards.filter((c) => seqs.includes(c.seq)));
    expect(by('Zoë')).toMatchObject({ student_id: 'S-100', decisions: 2, decisions_by_bots: 0, mean_score: own([2, 3]).meanScore });
    expect(by('Ana')).toMatchObject({ student_id: '', decisions: 2, mean_score: own([4, 7]).meanScore });
    expect(by('Tomás')).toMatchObject({ student_id: 'S-300', decisions: 0, decisions_by_bots: 2, mean_score: '', coercive: 0 });
    // Bea's what-if moves (seq 7 in the fork) are not counted twice: 4 decisions at table 2.
    expect(by('Bea')).toMatchObject({ decisions: 4, mean_score: own([2, 3, 4, 7]).meanScore, final_score: Math.round(final.seats.dest.score * 100) / 100 });
    expect(by('Late')).toMatchObject({ decisions: 0, final_score: '', role_rank: '', role_percentile: '', first_move: '' });
  });

  it('ranks each seat within its role across the class tables (both tables played alike: a tie)', () => {
    for (const row of rows.filter((r) => r.table !== '')) expect(row).toMatchObject({ role_rank: 1, role_tables: 2, role_percentile: 50 });
    const zoe = rows.find((r) => r.student === 'Zoë');
    const at = (seq: number) => new Date(record.entries.find((e) => e.seq === seq)?.at ?? NaN).toISOString();
    expect(zoe).toMatchObject({ first_move: at(2), last_move: at(3) });
  });
});

describe('gradebook', () => {
  const book = gradebook(scenario, tables, roster, 'ABC234');

  it('has the columns Canvas reads, then one per measure, one row per student, and parses back as a CSV', () => {
    expect(book.columns).toEqual([
      'Student', 'ID', 'SIS User ID', 'SIS Login ID', 'Section',
      'Border Bargain ABC234: final score', 'Border Bargain ABC234: percentile in role', 'Border Bargain ABC234: mean decision score', 'Border Bargain ABC234: decisions made',
    ]);
    const parsed = Papa.parse<Record<string, string>>(toCsv(book.columns, book.rows).slice(1), { header: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual(book.columns);
    expect(parsed.data.map((r) => [r.Student, r['SIS User ID'], r['Border Bargain ABC234: decisions made']])).toEqual([
      ['Bea', 'S-200', '4'], ['Carl', '', '2'], ['Ana', '', '2'], ['Zoë', 'S-100', '2'], ['Tomás', 'S-300', '0'], ['Late', '', '0'],
    ]);
    expect(parsed.data.find((r) => r.Student === 'Tomás')?.['Border Bargain ABC234: mean decision score']).toBe('');
  });
});
