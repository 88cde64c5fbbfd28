import type { BotPolicyId } from '../../shared/bots/policy.ts';
import type { RosterEntry, SessionView, StudentStatus, TableChoice, TableSummary } from '../../shared/session.ts';
import type { TableReport } from '../rooms/table-commands.ts';
import { MAX_TABLES, placeAll, tableCountFor, tableLabel, tableSlots } from './assignment.ts';
import type { StoredSession, StoredStudent } from '../store/store.ts';

/** A table of the class as the session room holds it: its game, its bots, and the table's last report. */
export type ClassTable = {
  table: string;
  gameId: string;
  finished: boolean;
  bots: Record<string, BotPolicyId>;
  report: TableReport | null;
};

/**
 * Everything a session room knows about its class, and the views built from it. The room
 * changes it (after the store has the change); these functions only read it.
 */
export type ClassState = {
  session: StoredSession;
  seatIds: readonly string[];
  /** In join order. */
  students: Map<string, StoredStudent>;
  /** In table order. */
  tables: Map<string, ClassTable>;
  /** Students with a live connection to the session room. */
  present: Set<string>;
};

export function studentsAt(state: ClassState, table: string, seat: string): StoredStudent[] {
  return [...state.students.values()].filter((s) => s.table === table && s.seat === seat);
}

export function isConnected(state: ClassState, studentId: string): boolean {
  if (state.present.has(studentId)) return true;
  for (const table of state.tables.values()) if (table.report?.connected.includes(studentId) === true) return true;
  return false;
}

export function sessionView(state: ClassState): SessionView {
  const roster: RosterEntry[] = [...state.students.values()].map((s) => ({
    studentId: s.studentId,
    name: s.name,
    table: s.table,
    seat: s.seat,
    connected: isConnected(state, s.studentId),
  }));
  const tables: TableSummary[] = [...state.tables.values()].map((t) => ({
    table: t.table,
    gameId: t.gameId,
    round: t.report?.round ?? 1,
    phase: t.report?.phase ?? (t.finished ? 'ended' : 'briefing'),
    paused: t.report?.paused ?? false,
    deadline: t.report?.deadline ?? null,
    seats: Object.fromEntries(
      state.seatIds.map((seat) => [seat, { students: studentsAt(state, t.table, seat).map((s) => s.studentId), bot: t.bots[seat] ?? null }]),
    ),
    indicators: t.report?.indicators ?? {},
    scores: t.report?.scores ?? {},
    events: t.report?.events ?? [],
    waitingOn: t.report?.waitingOn ?? [],
    lastActive: t.report?.lastActive ?? {},
    latest: t.report?.latest ?? [],
  }));
  const { session } = state;
  return { sessionId: session.sessionId, code: session.code, scenarioId: session.config.scenarioId, phase: session.phase, roster, tables, startPlan: startPlan(state) };
}

/**
 * What Start would do now, placed as the start places students: the tables it would make,
 * the seats left without a student, and the bot that would play them. Null once started.
 */
export function startPlan(state: ClassState): SessionView['startPlan'] {
  const { session, seatIds } = state;
  if (session.phase !== 'lobby') return null;
  const config = session.config;
  const students = [...state.students.values()];
  const chosen = students.map((s) => Number(s.table ?? 0));
  const count = Math.min(MAX_TABLES, Math.max(tableCountFor(config, students.length, seatIds.length), ...chosen));
  const labels = Array.from({ length: count }, (_v, i) => tableLabel(i));
  const slots = tableSlots(labels, seatIds, (table, seat) => studentsAt(state, table, seat).length);
  if (config.assignment !== 'instructor') {
    const unplaced = students.filter((s) => s.table === null || !labels.includes(s.table)).map((s) => s.studentId);
    for (const placement of placeAll(unplaced, slots).values()) {
      const slot = slots.find((x) => x.table === placement.table && x.seat === placement.seat);
      if (slot !== undefined) slot.students += 1;
    }
  }
  return { tables: count, emptySeats: slots.filter((slot) => slot.students === 0).length, bots: config.bots };
}

/** Labels of the tables a student may pick: the live ones once started; before, as many as the class would need. */
export function choosableTables(state: ClassState, plannedCount: number): string[] {
  if (state.session.phase === 'lobby') return Array.from({ length: plannedCount }, (_v, i) => String(i + 1));
  return [...state.tables.values()].filter((t) => !t.finished).map((t) => t.table);
}

export function tableChoices(state: ClassState, labels: readonly string[], perTable: number | undefined): TableChoice[] {
  return labels.map((table) => {
    const atTable = [...state.students.values()].filter((s) => s.table === table).length;
    const full = perTable !== undefined && atTable >= perTable;
    return {
      table,
      seats: state.seatIds.map((seat) => ({
        seat,
        students: studentsAt(state, table, seat).length,
        bot: state.tables.get(table)?.bots[seat] !== undefined,
        open: !full,
      })),
    };
  });
}

/** What one student is told; `seatToken` is the token they joined the session room with. */
export function studentStatus(state: ClassState, student: StoredStudent, seatToken: string, choices: TableChoice[] | undefined): StudentStatus {
  const table = student.table === null ? undefined : state.tables.get(student.table);
  const seat = table !== undefined && student.seat !== null ? { gameId: table.gameId, seat: student.seat, seatToken } : null;
  const status: StudentStatus = {
    sessionId: state.session.sessionId,
    name: student.name,
    phase: state.session.phase,
    seat,
    announcement: state.session.announcement,
  };
  if (choices !== undefined) status.choices = choices;
  return status;
}
