import { describe, expect, it } from 'vitest';
import type { Move } from '../../shared/rules/index.ts';
import { marksOf, seatTimeline, timelineOf } from '../../shared/review/timeline.ts';
import type { TimelineEntry } from '../../shared/review/schemas.ts';
import type { FrameworkCard, Label } from '../../shared/scoring/card.ts';
import { recorder } from './fixtures/review-record.ts';
import { tinyScenario } from './fixtures/tiny-scenario.ts';

const L = (en: string) => ({ en, es: en });
const base = tinyScenario();

/** The tiny scenario with a second transit state, so that two seats can talk behind a third's back. */
const scenario = tinyScenario({
  seats: [
    ...base.seats,
    { ...base.seats[1], id: 'third', name: L('Third'), color: '#6a1b9a' },
  ],
  instruments: [
    ...base.instruments,
    { id: 'wall', seat: 'third', effect: 'enforcement', label: L('Wall'), help: L('Build.'), param: { min: 0, max: 10, step: 1, unit: L('km') }, commit: 'atLeast', cost: { political: 0, reputational: 0, implementation: 1 }, strength: 0.01 },
  ],
  events: [{ id: 'caravan', chance: 0, title: L('Caravan'), text: L('A caravan sets out.'), effects: { flowMultiplier: 1.5 } }],
});

const r = recorder(scenario);
r.advance(); // 1
r.play('dest', { type: 'chat', to: 'trans', text: 'Shall we talk?' }); // 2
r.play('trans', { type: 'chat', to: 'third', text: 'Do not tell dest.' }); // 3
r.play('dest', { type: 'propose', to: 'trans', commitments: [{ seat: 'trans', instrument: 'guard', amount: 10 }], rounds: 1 }); // 4
r.advance(); // 5
r.play('dest', { type: 'decide', levels: { tariff: 5 } }); // 6
r.play('trans', { type: 'decide', levels: { guard: 10 } }); // 7
r.advance(); // 8: leaves the decision phase, resolves round 1
r.advance(); // 9
r.advance(); // 10: round 2's briefing
r.record.entries.push({ kind: 'inject', seq: 11, at: 0, actor: { kind: 'instructor' }, eventId: 'caravan' });
r.record.entries.push({ kind: 'end', seq: 12, at: 0, actor: { kind: 'instructor' } });
const record = r.record;
const moveAt = (seq: number) => {
  const e = record.entries[seq - 1];
  if (e.kind !== 'move') throw new Error(`entry ${seq} is not a move`);
  return e.move;
};

function entry(seq: number, kind: TimelineEntry['kind'], round: number, phase: string, seat: string | null = null, move: Move | null = null, moveType = move?.type ?? null, eventId: string | null = null): TimelineEntry {
  return { seq, at: 0, kind, seat, moveType, move, round, phase, eventId };
}

const full: TimelineEntry[] = [
  entry(1, 'advance', 1, 'briefing'),
  entry(2, 'move', 1, 'negotiation', 'dest', moveAt(2)),
  entry(3, 'move', 1, 'negotiation', 'trans', moveAt(3)),
  entry(4, 'move', 1, 'negotiation', 'dest', moveAt(4)),
  entry(5, 'advance', 1, 'negotiation'),
  entry(6, 'move', 1, 'decision', 'dest', moveAt(6)),
  entry(7, 'move', 1, 'decision', 'trans', moveAt(7)),
  entry(8, 'advance', 1, 'decision'),
  entry(9, 'advance', 1, 'resolution'),
  entry(10, 'advance', 1, 'debrief'),
  entry(11, 'inject', 2, 'briefing', null, null, null, 'caravan'),
  entry(12, 'end', 2, 'briefing'),
];

describe('timelineOf', () => {
  it('lists every entry whole, in the round and phase it was made in', () => {
    expect(timelineOf(scenario, record)).toEqual(full);
  });
});

describe('seatTimeline: what a seat may read while its game runs', () => {
  it('shows dest its own moves, talks with it whole, another\'s decision by type, and nothing of a word between two others', () => {
    expect(seatTimeline(scenario, record, 'dest')).toEqual([
      full[0], full[1],
      full[3], full[4], full[5],
      { ...full[6], move: null },
      full[7], full[8], full[9], full[10], full[11],
    ]);
  });

  it('shows trans its own words and moves whole, dest\'s words to it whole, and dest\'s decision by type', () => {
    expect(seatTimeline(scenario, record, 'trans')).toEqual([
      full[0], full[1], full[2], full[3],
      full[4], { ...full[5], move: null }, full[6],
      full[7], full[8], full[9], full[10], full[11],
    ]);
  });

  it('shows third the message addressed to it, nothing of the offer between two others, and hides every decision', () => {
    const seen = seatTimeline(scenario, record, 'third');
    expect(seen.map((e) => e.seq)).toEqual([1, 3, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(seen.filter((e) => e.kind === 'move').map((e) => [e.seq, e.moveType, e.move])).toEqual([
      [3, 'chat', moveAt(3)], [6, 'decide', null], [7, 'decide', null],
    ]);
  });
});

function card(seq: number, label: Label, impact: number): FrameworkCard {
  const e = record.entries[seq - 1];
  if (e.kind !== 'move') throw new Error(`entry ${seq} is not a move`);
  return {
    seq, seat: e.seat, round: 1, move: e.move,
    classification: { instrument: 'cooperative', aim: null, leverage: [], bargaining: 'positive-sum' },
    ledger: { costs: { political: 0, reputational: 0, implementation: 0 }, concessions: 0, harmsAverted: 0 },
    evaluation: { score: 50, label, expected: 50 + impact, best: 60, baseline: 50, bestAlternative: null, alternatives: 3, horizon: 1 },
    case: 'none', flags: [],
    explanation: [{ key: 'a', params: {} }, { key: 'b', params: {} }],
  };
}

describe('marksOf', () => {
  // dest: two decisions that moved its outlook (turning points); trans: one that moved nothing (impact 0 is never one).
  const cards = [card(4, 'good', 2), card(6, 'blunder', -5), card(7, 'best', 0)];

  it('marks each entry at its step, labels scored decisions from their cards, and flags turns and the resolution', () => {
    const marks = marksOf(timelineOf(scenario, record), cards);
    expect(marks.map((m) => [m.step, m.seq, m.label, m.turning, m.resolves])).toEqual([
      [1, 1, null, false, false],
      [2, 2, null, false, false],
      [3, 3, null, false, false],
      [4, 4, 'good', true, false],
      [5, 5, null, false, false],
      [6, 6, 'blunder', true, false],
      [7, 7, 'best', false, false],
      [8, 8, null, false, true],
      [9, 9, null, false, false],
      [10, 10, null, false, false],
      [11, 11, null, false, false],
      [12, 12, null, false, false],
    ]);
    expect(marks[6]).toEqual({ step: 7, seq: 7, kind: 'move', seat: 'trans', moveType: 'decide', round: 1, phase: 'decision', label: 'best', turning: false, resolves: false });
    expect(marks[10]).toEqual({ step: 11, seq: 11, kind: 'inject', seat: null, moveType: null, round: 2, phase: 'briefing', label: null, turning: false, resolves: false });
  });

  it('points a redacted timeline\'s marks at their places in the full record', () => {
    const marks = marksOf(seatTimeline(scenario, record, 'dest'), cards.filter((c) => c.seat === 'dest'));
    expect(marks.map((m) => [m.step, m.label, m.turning])).toEqual([
      [1, null, false], [2, null, false], [4, 'good', true], [5, null, false], [6, 'blunder', true],
      [7, null, false], [8, null, false], [9, null, false], [10, null, false], [11, null, false], [12, null, false],
    ]);
  });
});
