import type { GameRecord } from '../record.ts';
import { findInstrument } from '../rules/instruments.ts';
import type { Commitment, InstrumentUse, Move } from '../rules/moves.ts';
import { round2 } from '../rules/numbers.ts';
import { replay } from '../rules/replay.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { FrameworkCard } from '../scoring/card.ts';
import { profileOf } from '../scoring/profile.ts';
import type { DECISION_COLUMNS, STUDENT_COLUMNS } from './schemas.ts';

/** One table of a class session as the exports read it: its record, its cards, and who sat where. */
export type ExportTable = { table: string; gameId: string; record: GameRecord; cards: FrameworkCard[]; holders: Record<string, string[]> };
export type DecisionRow = Record<(typeof DECISION_COLUMNS)[number], string | number>;
export type StudentRow = Record<(typeof STUDENT_COLUMNS)[number], string | number>;

/** Holders named "bot:<policy>" are computer seats, not students. */
const isBot = (holder: string) => holder.startsWith('bot:');
const round1 = (n: number) => Math.round(n * 10) / 10;
/** Tables named by number sort as numbers: table 2 before table 10. */
const byName = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });
const byTable = (tables: ExportTable[]) => [...tables].sort((a, b) => byName(a.table, b.table));

function roleOf(scenario: Scenario, seat: string): string {
  return scenario.seats.find((s) => s.id === seat)?.role ?? '';
}

/** "mx_guard ≥ 40" for a floor, "us_tariff ≤ 0" for a ceiling, as the instrument commits. */
function bound(scenario: Scenario, use: InstrumentUse): string {
  const inst = findInstrument(scenario, use.instrument);
  const sign = inst === undefined ? '=' : inst.commit === 'atLeast' ? '≥' : '≤';
  return `${use.instrument} ${sign} ${use.amount}`;
}

function bundle(scenario: Scenario, commitments: Commitment[], rounds: number): string {
  const terms = commitments.map((c) => `${c.seat} ${bound(scenario, c)}`).join('; ');
  return `for ${rounds} round${rounds === 1 ? '' : 's'}: ${terms}`;
}

/** A move in one short English line, for a spreadsheet column a researcher can read. */
export function describeMove(scenario: Scenario, move: Move): string {
  switch (move.type) {
    case 'decide': {
      const order = scenario.instruments.map((i) => i.id);
      const levels = Object.entries(move.levels).sort(([a], [b]) => order.indexOf(a) - order.indexOf(b));
      return `decide: ${levels.map(([id, level]) => `${id} ${level}`).join(', ')}`;
    }
    case 'threaten':
      return `threaten ${move.target}: demand ${bound(scenario, move.demand)} by round ${move.dueRound}, else ${move.consequence.instrument} ${move.consequence.amount}`;
    case 'promise':
      return `promise ${move.target}: if ${bound(scenario, move.condition)} by round ${move.dueRound}, then ${move.reward.instrument} ${move.reward.amount}`;
    case 'propose':
      return `propose to ${move.to} ${bundle(scenario, move.commitments, move.rounds)}`;
    case 'counter':
      return `counter ${move.proposalId} ${bundle(scenario, move.commitments, move.rounds)}`;
    case 'accept':
    case 'reject':
    case 'withdraw':
      return `${move.type} ${move.proposalId}`;
    case 'chat':
      return `chat to ${move.to}`;
    case 'ready':
      return 'ready';
  }
}

/** One row per scored decision (per framework card), by table then record order. */
export function decisionRows(scenario: Scenario, tables: ExportTable[]): DecisionRow[] {
  const rows: DecisionRow[] = [];
  for (const t of byTable(tables)) {
    for (const card of [...t.cards].sort((a, b) => a.seq - b.seq)) {
      const k = card.classification;
      rows.push({
        table: t.table,
        game: t.gameId,
        round: card.round,
        seq: card.seq,
        seat: card.seat,
        role: roleOf(scenario, card.seat),
        students: (t.holders[card.seat] ?? []).join('; '),
        move: card.move.type,
        detail: describeMove(scenario, card.move),
        instrument: k.instrument,
        aim: k.aim ?? '',
        leverage: k.leverage.join('; '),
        bargaining: k.bargaining,
        political_cost: round2(card.ledger.costs.political),
        reputational_cost: round2(card.ledger.costs.reputational),
        implementation_cost: round2(card.ledger.costs.implementation),
        score: round1(card.evaluation.score),
        label: card.evaluation.label,
        case: card.case,
      });
    }
  }
  return rows;
}

/**
 * One row per student (a student holding a seat gets that seat's profile and final
 * score), by table, seat (in the scenario's order) and name. Computer seats are left out.
 */
export function studentRows(scenario: Scenario, tables: ExportTable[]): StudentRow[] {
  const rows: StudentRow[] = [];
  for (const t of byTable(tables)) {
    const seats = scenario.seats.filter((s) => (t.holders[s.id] ?? []).some((h) => !isBot(h)));
    if (seats.length === 0) continue;
    const final = replay(scenario, t.record);
    for (const seat of seats) {
      const p = profileOf(seat.id, t.cards);
      const students = (t.holders[seat.id] ?? []).filter((h) => !isBot(h)).sort(byName);
      for (const student of students) {
        rows.push({
          student,
          table: t.table,
          seat: seat.id,
          role: seat.role,
          decisions: p.decisions,
          mean_score: p.meanScore,
          coercive: p.instruments.coercive,
          cooperative: p.instruments.cooperative,
          unilateral: p.instruments.unilateral,
          restraint: p.instruments.restraint,
          punitive: p.aims.punitive,
          extractive: p.aims.extractive,
          defensive: p.aims.defensive,
          deterrent: p.aims.deterrent,
          political_cost: p.costs.political,
          reputational_cost: p.costs.reputational,
          implementation_cost: p.costs.implementation,
          final_score: round2(final.seats[seat.id]?.score ?? 0),
        });
      }
    }
  }
  return rows;
}
