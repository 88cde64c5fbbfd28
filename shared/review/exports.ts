import type { Actor } from '../actor.ts';
import type { GameRecord } from '../record.ts';
import { findInstrument } from '../rules/instruments.ts';
import type { Commitment, InstrumentUse, Move } from '../rules/moves.ts';
import { round2 } from '../rules/numbers.ts';
import { replay } from '../rules/replay.ts';
import type { Locale, Scenario } from '../scenario/schema.ts';
import type { FrameworkCard } from '../scoring/card.ts';
import { profileOf } from '../scoring/profile.ts';
import { actorWords, exportWord, moveWord } from './export-words.ts';
import { roleStandings, type RoleStanding } from './role-standing.ts';
import type { DECISION_COLUMNS, STUDENT_COLUMNS } from './schemas.ts';

/**
 * One game of a class session as the exports read it: a table, or a what-if forked from
 * one (`whatIf`: the table it came from and the step it was forked after).
 */
export type ExportTable = { table: string; gameId: string; record: GameRecord; cards: FrameworkCard[]; whatIf: { table: string; step: number } | null };
/** A student of the class: the roster's id, the name, the id they or the instructor entered, where they sit now. */
export type ExportStudent = { memberId: string; name: string; schoolId: string | null; table: string | null; seat: string | null };
export type DecisionRow = Record<(typeof DECISION_COLUMNS)[number], string | number>;
export type StudentRow = Record<(typeof STUDENT_COLUMNS)[number], string | number>;

const round1 = (n: number) => Math.round(n * 10) / 10;
/** Tables named by number sort as numbers: table 2 before table 10. */
const byName = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });
const byTable = (tables: readonly ExportTable[]) =>
  [...tables].sort((a, b) => byName(a.table, b.table) || Number(a.whatIf !== null) - Number(b.whatIf !== null) || (a.record.createdAt - b.record.createdAt));
const iso = (at: number) => new Date(at).toISOString();

function seatName(scenario: Scenario, seat: string, locale: Locale): string {
  return scenario.seats.find((s) => s.id === seat)?.name[locale] ?? seat;
}

function roleOf(scenario: Scenario, seat: string): string {
  return scenario.seats.find((s) => s.id === seat)?.role ?? '';
}

/** "National Guard deployment at least 40", as the instrument commits (a floor or a ceiling). */
function bound(scenario: Scenario, use: InstrumentUse, locale: Locale): string {
  const inst = findInstrument(scenario, use.instrument);
  if (inst === undefined) return `${use.instrument} ${use.amount}`;
  return `${inst.label[locale]} ${exportWord(locale, inst.commit)} ${use.amount}`;
}

function level(scenario: Scenario, use: InstrumentUse, locale: Locale): string {
  return `${findInstrument(scenario, use.instrument)?.label[locale] ?? use.instrument} ${use.amount}`;
}

function bundle(scenario: Scenario, commitments: readonly Commitment[], rounds: number, locale: Locale): string {
  const terms = commitments.map((c) => `${seatName(scenario, c.seat, locale)}: ${bound(scenario, c, locale)}`).join('; ');
  return `${rounds === 1 ? exportWord(locale, 'oneRound') : exportWord(locale, 'rounds', { count: rounds })}: ${terms}`;
}

/** A move in one line of words, with the scenario's names for seats and instruments. */
export function describeMove(scenario: Scenario, move: Move, locale: Locale = 'en'): string {
  const word = moveWord(locale, move.type);
  const seat = (id: string) => seatName(scenario, id, locale);
  switch (move.type) {
    case 'decide': {
      const order = scenario.instruments.map((i) => i.id);
      const levels = Object.entries(move.levels).sort(([a], [b]) => order.indexOf(a) - order.indexOf(b));
      return `${word}: ${levels.map(([instrument, amount]) => level(scenario, { instrument, amount }, locale)).join(', ')}`;
    }
    case 'threaten':
      return `${word} ${exportWord(locale, 'to')} ${seat(move.target)}: ${exportWord(locale, 'demand')} ${bound(scenario, move.demand, locale)} ${exportWord(locale, 'byRound', { round: move.dueRound })}, ${exportWord(locale, 'otherwise')} ${level(scenario, move.consequence, locale)}`;
    case 'promise':
      return `${word} ${exportWord(locale, 'to')} ${seat(move.target)}: ${exportWord(locale, 'ifThen')} ${bound(scenario, move.condition, locale)} ${exportWord(locale, 'byRound', { round: move.dueRound })}, ${exportWord(locale, 'then')} ${level(scenario, move.reward, locale)}`;
    case 'propose':
      return `${word} ${exportWord(locale, 'to')} ${seat(move.to)} ${bundle(scenario, move.commitments, move.rounds, locale)}`;
    case 'counter':
      return `${word} (${move.proposalId}) ${bundle(scenario, move.commitments, move.rounds, locale)}`;
    case 'accept':
    case 'reject':
    case 'withdraw':
      return `${word} (${move.proposalId})`;
    case 'chat':
      return `${word} ${exportWord(locale, 'to')} ${seat(move.to)}`;
    case 'ready':
      return word;
  }
}

/** Each entry's actor by seq: who made the decision a card is about. */
export function actorsBySeq(record: GameRecord): Map<number, Actor> {
  return new Map(record.entries.map((entry) => [entry.seq, entry.actor]));
}

function entryTime(record: GameRecord, seq: number): string {
  const entry = record.entries.find((e) => e.seq === seq);
  return entry === undefined ? '' : iso(entry.at);
}

/**
 * One row per scored decision (per framework card) of every table and what-if, by table
 * (a table's what-ifs after it) then record order. `made_by` is who made that decision:
 * a student by name, a bot by its policy, never the seat's other holders.
 */
export function decisionRows(scenario: Scenario, tables: readonly ExportTable[], roster: readonly ExportStudent[], locale: Locale = 'en'): DecisionRow[] {
  const schoolIds = new Map(roster.map((s) => [s.memberId, s.schoolId ?? '']));
  const rows: DecisionRow[] = [];
  for (const t of byTable(tables)) {
    const actors = actorsBySeq(t.record);
    for (const card of [...t.cards].sort((a, b) => a.seq - b.seq)) {
      const k = card.classification;
      const actor: Actor = actors.get(card.seq) ?? { kind: 'unknown' };
      rows.push({
        table: t.table,
        game: t.gameId,
        what_if: exportWord(locale, t.whatIf === null ? 'no' : 'yes'),
        forked_from: t.whatIf === null ? '' : exportWord(locale, 'forkOf', { table: t.whatIf.table, step: t.whatIf.step }),
        round: card.round,
        seq: card.seq,
        time: entryTime(t.record, card.seq),
        seat: seatName(scenario, card.seat, locale),
        role: roleOf(scenario, card.seat),
        made_by: actorWords(locale, actor),
        made_by_kind: actor.kind,
        student_id: actor.kind === 'student' && actor.memberId !== null ? (schoolIds.get(actor.memberId) ?? '') : '',
        move: moveWord(locale, card.move.type),
        detail: describeMove(scenario, card.move, locale),
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

/** What a student did and how their seat finished: only the decisions they made themselves count as theirs. */
export type StudentResult = {
  student: ExportStudent;
  /** Their own decisions' cards, at every class table they sat at (never a what-if, never a bot's or a teammate's). */
  own: FrameworkCard[];
  /** Decisions a bot made at their seat. */
  byBots: number;
  firstMove: number | null;
  lastMove: number | null;
  /** Their seat's final (or current) objective score and its standing in the role; null when unseated. */
  final: { score: number; standing: RoleStanding } | null;
};

/** Every student of the roster, in table, seat and name order (unseated students last). */
export function studentResults(scenario: Scenario, tables: readonly ExportTable[], roster: readonly ExportStudent[]): StudentResult[] {
  const classTables = tables.filter((t) => t.whatIf === null);
  const scores = new Map(classTables.map((t) => [t.table, replay(scenario, t.record)]));
  const standings = roleStandings(
    classTables.flatMap((t) => scenario.seats.map((seat) => ({ key: `${t.table}\u0000${seat.id}`, role: seat.role, score: scores.get(t.table)?.seats[seat.id]?.score ?? 0 }))),
  );
  const seatOrder = (seat: string | null) => (seat === null ? Infinity : scenario.seats.findIndex((s) => s.id === seat));
  const ordered = [...roster].sort(
    (a, b) => Number(a.table === null) - Number(b.table === null) || byName(a.table ?? '', b.table ?? '') || seatOrder(a.seat) - seatOrder(b.seat) || byName(a.name, b.name),
  );
  return ordered.map((student) => {
    const own: FrameworkCard[] = [];
    const times: number[] = [];
    let byBots = 0;
    for (const t of classTables) {
      const actors = actorsBySeq(t.record);
      for (const card of t.cards) {
        const actor = actors.get(card.seq);
        if (actor?.kind === 'student' && actor.memberId === student.memberId) {
          own.push(card);
          const at = t.record.entries.find((e) => e.seq === card.seq)?.at;
          if (at !== undefined) times.push(at);
        } else if (actor?.kind === 'bot' && t.table === student.table && card.seat === student.seat) {
          byBots += 1;
        }
      }
    }
    const seatKey = `${student.table ?? ''}\u0000${student.seat ?? ''}`;
    const standing = standings.get(seatKey);
    const score = student.table === null || student.seat === null ? undefined : scores.get(student.table)?.seats[student.seat]?.score;
    return {
      student,
      own,
      byBots,
      firstMove: times.length === 0 ? null : Math.min(...times),
      lastMove: times.length === 0 ? null : Math.max(...times),
      final: standing === undefined || score === undefined ? null : { score: round2(score), standing },
    };
  });
}

/** A student's own decisions as one profile, wherever they sat (a student moved between seats keeps their moves). */
function ownProfile(own: readonly FrameworkCard[]) {
  return profileOf('', own.map((card) => ({ ...card, seat: '' })));
}

/** One row per student of the roster: their own decisions' profile, their seat's result and its standing in the role. */
export function studentRows(scenario: Scenario, tables: readonly ExportTable[], roster: readonly ExportStudent[], locale: Locale = 'en'): StudentRow[] {
  return studentResults(scenario, tables, roster).map(({ student, own, byBots, firstMove, lastMove, final }) => {
    const p = ownProfile(own);
    const none = own.length === 0;
    return {
      student: student.name,
      student_id: student.schoolId ?? '',
      table: student.table ?? '',
      seat: student.seat === null ? '' : seatName(scenario, student.seat, locale),
      role: student.seat === null ? '' : roleOf(scenario, student.seat),
      decisions: own.length,
      decisions_by_bots: byBots,
      mean_score: none ? '' : p.meanScore,
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
      final_score: final?.score ?? '',
      role_rank: final?.standing.rank ?? '',
      role_tables: final?.standing.of ?? '',
      role_percentile: final?.standing.percentile ?? '',
      first_move: firstMove === null ? '' : iso(firstMove),
      last_move: lastMove === null ? '' : iso(lastMove),
    };
  });
}

/**
 * The gradebook: one row per student, one column per measure, in the columns Canvas reads
 * (Student, ID, SIS User ID, SIS Login ID, Section; each further column becomes an
 * assignment) and Moodle maps (an identifier column, then one column per grade item).
 * The student's entered id goes in "SIS User ID"; Canvas's own ID is left for Canvas.
 */
export function gradebook(scenario: Scenario, tables: readonly ExportTable[], roster: readonly ExportStudent[], code: string): { columns: string[]; rows: Record<string, string | number>[] } {
  const measures = {
    final: `Border Bargain ${code}: final score`,
    percentile: `Border Bargain ${code}: percentile in role`,
    mean: `Border Bargain ${code}: mean decision score`,
    decisions: `Border Bargain ${code}: decisions made`,
  };
  const columns = ['Student', 'ID', 'SIS User ID', 'SIS Login ID', 'Section', measures.final, measures.percentile, measures.mean, measures.decisions];
  const rows = studentResults(scenario, tables, roster).map(({ student, own, final }) => ({
    Student: student.name,
    ID: '',
    'SIS User ID': student.schoolId ?? '',
    'SIS Login ID': '',
    Section: '',
    [measures.final]: final?.score ?? '',
    [measures.percentile]: final?.standing.percentile ?? '',
    [measures.mean]: own.length === 0 ? '' : ownProfile(own).meanScore,
    [measures.decisions]: own.length,
  }));
  return { columns, rows };
}
