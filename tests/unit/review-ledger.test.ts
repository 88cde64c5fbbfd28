import { describe, expect, it } from 'vitest';
import { replay } from '../../shared/rules/index.ts';
import { commitmentLedger } from '../../shared/review/commitment-ledger.ts';
import type { LedgerLine } from '../../shared/review/schemas.ts';
import { commitmentsRecord, recorder } from './fixtures/review-record.ts';
import { tinyScenario } from './fixtures/tiny-scenario.ts';

// The tiny scenario's coefficients: credibilityKept 5, credibilityBroken 15, no recovery.

describe('commitmentLedger: a threat carried out, a promise broken, an agreement partly kept', () => {
  const { scenario, record } = commitmentsRecord();
  const ledger = commitmentLedger(scenario, record);
  const made = { madeRound: 1, settledRound: 1, settledStep: 9 };
  const pending = { settledRound: null, settledStep: null, actual: null, outcome: 'pending', ratio: null, credibility: 0, limitedBy: null } as const;

  it('lists each commitment by the move that made it, with what the seat then did and what it cost in credibility', () => {
    expect(ledger).toEqual<LedgerLine[]>([
      // dest set tariff 20: the threatened consequence, carried out (+5).
      { kind: 'threat', id: 't1', seat: 'dest', counterpart: 'trans', madeSeq: 2, ...made, instrument: 'tariff', committed: 20, actual: 20, outcome: 'kept', ratio: null, credibility: 5, limitedBy: null },
      // trans met the condition (guard 5) and dest gave no aid: broken (−15).
      { kind: 'promise', id: 'r2', seat: 'dest', counterpart: 'trans', madeSeq: 3, ...made, instrument: 'aid', committed: 100, actual: 0, outcome: 'broken', ratio: null, credibility: -15, limitedBy: null },
      // guard 5 of a floor of 10 on 0..20: half kept, by choice (10 of 30 capacity spent): −15 × 0.5.
      { kind: 'agreement', id: 'a4', seat: 'trans', counterpart: 'dest', madeSeq: 5, ...made, instrument: 'guard', committed: 10, actual: 5, outcome: 'partly-kept', ratio: 0.5, credibility: -7.5, limitedBy: 'choice' },
      // tariff 20 against a ceiling of 0 on 0..25: 1 − 20/25 = 0.2 kept: −15 × 0.8.
      { kind: 'agreement', id: 'a4', seat: 'dest', counterpart: 'trans', madeSeq: 5, ...made, instrument: 'tariff', committed: 0, actual: 20, outcome: 'partly-kept', ratio: 0.2, credibility: -12, limitedBy: 'choice' },
      // Round 2 of the agreement has not been decided yet.
      { kind: 'agreement', id: 'a4', seat: 'trans', counterpart: 'dest', madeSeq: 5, madeRound: 1, instrument: 'guard', committed: 10, ...pending },
      { kind: 'agreement', id: 'a4', seat: 'dest', counterpart: 'trans', madeSeq: 5, madeRound: 1, instrument: 'tariff', committed: 0, ...pending },
    ]);
  });

  it('adds up to the change of each seat\'s credibility indicator', () => {
    const final = replay(scenario, record);
    const sum = (seat: string) => ledger.filter((l) => l.seat === seat).reduce((a, l) => a + l.credibility, 0);
    expect(sum('dest')).toBe(-22);
    expect(sum('trans')).toBe(-7.5);
    expect(final.seats.dest.indicators.credibility - 50).toBe(sum('dest'));
    expect(final.seats.trans.indicators.credibility - 50).toBe(sum('trans'));
  });
});

describe('commitmentLedger: a threat complied with, a promise lapsed, agreements kept and broken', () => {
  const scenario = tinyScenario();
  const r = recorder(scenario);
  r.advance();
  r.play('dest', { type: 'threaten', target: 'trans', demand: { instrument: 'guard', amount: 5 }, consequence: { instrument: 'tariff', amount: 20 }, dueRound: 1 }); // 2: t1
  r.play('dest', { type: 'promise', target: 'trans', condition: { instrument: 'guard', amount: 10 }, reward: { instrument: 'aid', amount: 50 }, dueRound: 2 }); // 3: r2
  r.play('trans', { type: 'propose', to: 'dest', commitments: [{ seat: 'dest', instrument: 'pathway', amount: 1000 }, { seat: 'trans', instrument: 'accept', amount: 500 }], rounds: 1 }); // 4: p3
  r.play('dest', { type: 'accept', proposalId: 'p3' }); // 5: a4
  r.advance();
  r.play('dest', { type: 'decide', levels: { tariff: 0, returns: 0, pathway: 1000, aid: 0 } });
  r.play('trans', { type: 'decide', levels: { guard: 5, accept: 0, loosen: 0 } });
  r.advance(); // 9: resolves round 1
  r.advance();
  r.advance();
  r.advance();
  r.play('trans', { type: 'ready' }); // 13
  r.advance(); // 14: round 2's decisions
  r.play('trans', { type: 'decide', levels: { guard: 5, accept: 0, loosen: 0 } });
  r.advance(); // 16: resolves round 2 (dest keeps its policy in force)

  it('credits the threatener when its target gives way, and nothing for a promise whose condition was not met', () => {
    const ledger = commitmentLedger(scenario, r.record);
    expect(ledger.map((l) => [l.kind, l.id, l.seat, l.madeSeq, l.settledRound, l.settledStep, l.committed, l.actual, l.outcome, l.ratio, l.credibility, l.limitedBy])).toEqual([
      ['threat', 't1', 'dest', 2, 1, 9, 20, 0, 'complied', null, 5, null],
      ['promise', 'r2', 'dest', 3, 2, 16, 50, 0, 'lapsed', null, 0, null],
      ['agreement', 'a4', 'dest', 5, 1, 9, 1000, 1000, 'kept', 1, 0, 'none'],
      ['agreement', 'a4', 'trans', 5, 1, 9, 500, 0, 'broken', 0, -15, 'choice'],
    ]);
    const final = replay(scenario, r.record);
    expect(final.seats.dest.indicators.credibility).toBe(55);
    expect(final.seats.trans.indicators.credibility).toBe(35);
  });

  it('is empty for a game with no word given', () => {
    expect(commitmentLedger(scenario, { ...r.record, entries: r.record.entries.slice(0, 1) })).toEqual([]);
    expect(commitmentLedger(scenario, { ...r.record, entries: [] })).toEqual([]);
  });

  it('leaves commitments pending when the record stops before they fall due', () => {
    const ledger = commitmentLedger(scenario, { ...r.record, entries: r.record.entries.slice(0, 8) });
    expect(ledger.map((l) => [l.id, l.seat, l.outcome, l.settledStep, l.actual, l.credibility])).toEqual([
      ['t1', 'dest', 'pending', null, null, 0],
      ['r2', 'dest', 'pending', null, null, 0],
      ['a4', 'dest', 'pending', null, null, 0],
      ['a4', 'trans', 'pending', null, null, 0],
    ]);
  });
});
