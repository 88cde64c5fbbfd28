import { describe, expect, it } from 'vitest';
import { replay, type Move } from '../../shared/rules/index.ts';
import { decisionRows, describeMove, studentRows, type ExportTable } from '../../shared/review/exports.ts';
import { DECISION_COLUMNS, STUDENT_COLUMNS } from '../../shared/review/schemas.ts';
import { cardsOfRecord, profileOf } from '../../shared/scoring/index.ts';
import { commitmentsRecord } from './fixtures/review-record.ts';

const { scenario, record } = commitmentsRecord();
const cards = cardsOfRecord(scenario, record);
const tables: ExportTable[] = [
  { table: '10', gameId: 'g10', record: { ...record, gameId: 'g10' }, cards, holders: { dest: ['Zoë', 'Ana'], trans: ['bot:defensive'] } },
  { table: '2', gameId: 'g2', record: { ...record, gameId: 'g2' }, cards, holders: { dest: ['Bea'], trans: ['Carl'] } },
];

describe('describeMove', () => {
  const v = { version: 0 };
  it.each<[Move, string]>([
    [{ ...v, type: 'decide', levels: { aid: 50, tariff: 10 } }, 'decide: tariff 10, aid 50'],
    [{ ...v, type: 'threaten', target: 'trans', demand: { instrument: 'guard', amount: 10 }, consequence: { instrument: 'tariff', amount: 20 }, dueRound: 2 }, 'threaten trans: demand guard ≥ 10 by round 2, else tariff 20'],
    [{ ...v, type: 'promise', target: 'trans', condition: { instrument: 'loosen', amount: 0 }, reward: { instrument: 'aid', amount: 100 }, dueRound: 1 }, 'promise trans: if loosen ≤ 0 by round 1, then aid 100'],
    [{ ...v, type: 'propose', to: 'trans', commitments: [{ seat: 'trans', instrument: 'guard', amount: 10 }, { seat: 'dest', instrument: 'tariff', amount: 0 }], rounds: 2 }, 'propose to trans for 2 rounds: trans guard ≥ 10; dest tariff ≤ 0'],
    [{ ...v, type: 'counter', proposalId: 'p3', commitments: [{ seat: 'trans', instrument: 'guard', amount: 5 }], rounds: 1 }, 'counter p3 for 1 round: trans guard ≥ 5'],
    [{ ...v, type: 'accept', proposalId: 'p3' }, 'accept p3'],
    [{ ...v, type: 'reject', proposalId: 'p3' }, 'reject p3'],
    [{ ...v, type: 'withdraw', proposalId: 'p3' }, 'withdraw p3'],
    [{ ...v, type: 'chat', to: 'dest', text: 'hello' }, 'chat to dest'],
    [{ ...v, type: 'ready' }, 'ready'],
  ])('%j reads "%s"', (move, text) => {
    expect(describeMove(scenario, move)).toBe(text);
  });
});

describe('decisionRows', () => {
  const rows = decisionRows(scenario, tables);

  it('gives one row per card, table 2 before table 10, each in record order', () => {
    expect(cards.map((c) => c.move.type)).toEqual(['threaten', 'promise', 'propose', 'accept', 'decide', 'decide']);
    expect(rows).toHaveLength(2 * cards.length);
    expect(rows.map((r) => [r.table, r.seq])).toEqual([...['2', '10'].flatMap((t) => [2, 3, 4, 5, 7, 8].map((seq) => [t, seq]))]);
  });

  it('has exactly the export\'s columns, in order', () => {
    for (const row of rows) expect(Object.keys(row)).toEqual([...DECISION_COLUMNS]);
  });

  it('fills a row from the card, the seat and its holders', () => {
    const card = cards[0];
    expect(rows[6]).toEqual({
      table: '10', game: 'g10', round: 1, seq: 2, seat: 'dest', role: 'destination', students: 'Zoë; Ana',
      move: 'threaten', detail: 'threaten trans: demand guard ≥ 10 by round 1, else tariff 20',
      instrument: card.classification.instrument, aim: card.classification.aim ?? '', leverage: card.classification.leverage.join('; '),
      bargaining: card.classification.bargaining,
      political_cost: Math.round(card.ledger.costs.political * 100) / 100,
      reputational_cost: Math.round(card.ledger.costs.reputational * 100) / 100,
      implementation_cost: Math.round(card.ledger.costs.implementation * 100) / 100,
      score: Math.round(card.evaluation.score * 10) / 10, label: card.evaluation.label, case: card.case,
    });
    expect(rows[11]).toMatchObject({ seat: 'trans', role: 'transit', students: 'bot:defensive', move: 'decide', detail: 'decide: guard 5, accept 0, loosen 0' });
  });
});

describe('studentRows', () => {
  const rows = studentRows(scenario, tables);
  const final = replay(scenario, record);

  it('gives one row per student, by table, seat and name, leaving computer seats out', () => {
    expect(rows.map((r) => [r.table, r.seat, r.student])).toEqual([
      ['2', 'dest', 'Bea'], ['2', 'trans', 'Carl'], ['10', 'dest', 'Ana'], ['10', 'dest', 'Zoë'],
    ]);
    for (const row of rows) expect(Object.keys(row)).toEqual([...STUDENT_COLUMNS]);
  });

  it('fills a student\'s row from the seat\'s profile and the game\'s final score', () => {
    const p = profileOf('trans', cards);
    expect(p.decisions).toBe(2);
    expect(rows[1]).toEqual({
      student: 'Carl', table: '2', seat: 'trans', role: 'transit', decisions: 2, mean_score: p.meanScore,
      ...p.instruments, ...p.aims,
      political_cost: p.costs.political, reputational_cost: p.costs.reputational, implementation_cost: p.costs.implementation,
      final_score: final.seats.trans.score,
    });
    expect(rows[0]).toMatchObject({ student: 'Bea', decisions: 4, final_score: final.seats.dest.score });
  });
});
