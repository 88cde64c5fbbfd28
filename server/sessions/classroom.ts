import { randomInt } from 'node:crypto';
import { matchMaker } from '@colyseus/core';
import type { Logger } from 'pino';
import type { BotPolicyId } from '../../shared/bots/policy.ts';
import type { AnyCode } from '../../shared/protocol.ts';
import type { ChooseSeat, ControlOutcome, SessionControl } from '../../shared/session.ts';
import type { GameRoom } from '../rooms/game-room.ts';
import type { RoomDeps } from '../rooms/room-deps.ts';
import { tableCommandOf, type TableCommand, type TableOutcome } from '../rooms/table-commands.ts';
import { nameKey, type StoredStudent } from '../store/store.ts';
import { MAX_TABLES, placeAll, placeLate, tableCapacity, tableCountFor, tableLabel, tableSlots, type Placement } from './assignment.ts';
import { choosableTables, studentsAt, type ClassState, type ClassTable } from './class-state.ts';
import { newId } from './credentials.ts';

/** An answer for the HTTP edge: a value, or a status with a namespaced code and a readable message. */
export type ClassAnswer<T> = { ok: true; value: T } | { ok: false; status: number; code: AnyCode; message: string };

/** What changed, for the room to tell: some students' statuses (or everyone's), and the instructor's view. */
export type ClassListener = { studentsChanged(ids: readonly string[] | 'all'): void };

const refuse = <T>(status: number, code: AnyCode, message: string): ClassAnswer<T> => ({ ok: false, status, code, message });

/** Table labels an instructor may name: the tables there are, and the next one. */

/**
 * A class session's rules of seating and steering: who joins, who sits where, which
 * seats bots play, and which table hears which control. Every change is written to the
 * store first, then to the state the views are built from, then the tables are told.
 * Calls come one at a time (the session room queues them).
 */
export class Classroom {
  readonly state: ClassState;
  private readonly deps: RoomDeps;
  private readonly log: Logger;
  private readonly listener: ClassListener;

  constructor(state: ClassState, deps: RoomDeps, log: Logger, listener: ClassListener) {
    this.state = state;
    this.deps = deps;
    this.log = log;
    this.listener = listener;
  }

  private get config() {
    return this.state.session.config;
  }

  private get sessionId(): string {
    return this.state.session.sessionId;
  }

  /** How many tables the lobby plans for, so students choosing in it have somewhere to sit. */
  plannedTables(): number {
    const chosen = [...this.state.students.values()].map((s) => Number(s.table ?? 0));
    const needed = tableCountFor(this.config, this.state.students.size + 1, this.state.seatIds.length);
    return Math.min(MAX_TABLES, Math.max(needed, ...chosen));
  }

  // ---- joining ------------------------------------------------------------------

  async admit(name: string, tokenHash: string, maxStudents: number): Promise<ClassAnswer<{ studentId: string }>> {
    if (this.state.session.phase === 'ended') return refuse(410, 'session/ended', 'This class session has ended.');
    const key = nameKey(name);
    if ([...this.state.students.values()].some((s) => nameKey(s.name) === key)) {
      return refuse(409, 'name/taken', 'Someone in this class already uses that name: pick another.');
    }
    if (this.state.students.size >= maxStudents) return refuse(409, 'session/full', 'This class session is full.');
    const student: StoredStudent = { sessionId: this.sessionId, studentId: newId(), name, tokenHash, table: null, seat: null, joinedAt: Date.now() };
    await this.deps.store.addStudent(student);
    this.state.students.set(student.studentId, student);
    this.log.info({ studentId: student.studentId }, 'student joined');
    if (this.state.session.phase === 'running' && this.config.assignment === 'auto') await this.seatLate(student);
    this.listener.studentsChanged(this.config.assignment === 'choose' ? 'all' : [student.studentId]);
    return { ok: true, value: { studentId: student.studentId } };
  }

  async choose(studentId: string, pick: ChooseSeat): Promise<ClassAnswer<null>> {
    const student = this.state.students.get(studentId);
    if (student === undefined) return refuse(404, 'student/unknown', 'You are not in this class.');
    if (this.config.assignment !== 'choose') return refuse(409, 'target/invalid', 'Seats in this class are assigned: you cannot pick one.');
    if (this.state.session.phase === 'ended') return refuse(410, 'session/ended', 'This class session has ended.');
    if (this.state.session.phase === 'running' && student.table !== null) return refuse(409, 'target/invalid', 'You already have a seat.');
    if (!choosableTables(this.state, this.plannedTables()).includes(pick.table)) return refuse(404, 'target/invalid', `There is no table "${pick.table}" to pick.`);
    if (!this.state.seatIds.includes(pick.seat)) return refuse(404, 'seat/unknown', `There is no seat "${pick.seat}" at a table.`);
    const atTable = [...this.state.students.values()].filter((s) => s.table === pick.table && s.studentId !== studentId).length;
    if (this.config.studentsPerTable !== undefined && atTable >= this.config.studentsPerTable) {
      return refuse(409, 'target/invalid', `Table ${pick.table} is full: pick another.`);
    }
    await this.seat(student, pick);
    this.listener.studentsChanged('all');
    return { ok: true, value: null };
  }

  // ---- controls -------------------------------------------------------------------

  async control(control: SessionControl): Promise<ClassAnswer<ControlOutcome>> {
    const phase = this.state.session.phase;
    if (phase === 'ended') return refuse(409, 'session/ended', 'This class session has ended.');
    switch (control.type) {
      case 'start':
        if (phase !== 'lobby') return refuse(409, 'session/started', 'The session has already started.');
        await this.start();
        return done({});
      case 'announce': {
        await this.deps.store.setAnnouncement(this.sessionId, control.text);
        this.state.session.announcement = control.text;
        this.listener.studentsChanged('all');
        return done(await this.tell(null, { type: 'announce', text: control.text, at: Date.now() }));
      }
      case 'move-student':
        return this.moveStudent(control.studentId, control.table, control.seat);
      case 'seat-bot':
        return this.seatBot(control.table, control.seat, control.policy);
      case 'end':
        if (control.table === undefined) return this.endSession();
        return this.steerTables(control.table, { type: 'end' });
      case 'pause':
      case 'resume':
      case 'extend':
      case 'advance':
      case 'inject': {
        const command = tableCommandOf(control, Date.now());
        if (command === null) return refuse(400, 'control/unknown', 'That control is not for tables.');
        return this.steerTables(control.table, command);
      }
    }
  }

  /** Tables come to life: enough of them for the class, every student seated as the assignment mode says, bots in empty seats. */
  private async start(): Promise<void> {
    const students = [...this.state.students.values()];
    const chosen = students.map((s) => Number(s.table ?? 0));
    const count = Math.min(MAX_TABLES, Math.max(tableCountFor(this.config, students.length, this.state.seatIds.length), ...chosen));
    for (let i = 0; i < count; i++) await this.createTable(tableLabel(i));
    if (this.config.assignment !== 'instructor') {
      const unplaced = students.filter((s) => s.table === null || !this.state.tables.has(s.table)).map((s) => s.studentId);
      const placements = placeAll(unplaced, this.slots(false));
      for (const [studentId, placement] of placements) {
        const student = this.state.students.get(studentId);
        if (student !== undefined) await this.seat(student, placement);
      }
    }
    await this.deps.store.setSessionPhase(this.sessionId, 'running');
    this.state.session.phase = 'running';
    for (const table of this.state.tables.values()) {
      await this.fillWithBots(table);
      await this.deps.openGame(table.gameId);
    }
    this.log.info({ tables: count, students: students.length }, 'session started');
    this.listener.studentsChanged('all');
  }

  private async endSession(): Promise<ClassAnswer<ControlOutcome>> {
    const outcome = await this.tell(null, { type: 'end' });
    await this.deps.store.setSessionPhase(this.sessionId, 'ended');
    this.state.session.phase = 'ended';
    this.log.info('session ended');
    this.listener.studentsChanged('all');
    return done(outcome);
  }

  /** A control for one table (refused as a whole when that table refuses) or for all of them (each table's answer). */
  private async steerTables(label: string | undefined, command: TableCommand): Promise<ClassAnswer<ControlOutcome>> {
    if (this.state.session.phase !== 'running') return refuse(409, 'session/not-started', 'Start the session first: its tables do not exist yet.');
    if (label !== undefined && !this.state.tables.has(label)) return refuse(404, 'table/unknown', `There is no table "${label}".`);
    const outcome = await this.tell(label ?? null, command);
    const answer = label === undefined ? undefined : outcome[label];
    if (answer !== undefined && !answer.ok) return refuse(409, answer.code, answer.message);
    return done(outcome);
  }

  /** Sends a command to one table or every table still playing; each answers for itself. */
  private async tell(label: string | null, command: TableCommand): Promise<ControlOutcome['tables']> {
    const targets = [...this.state.tables.values()].filter((t) => (label === null ? !t.finished || command.type === 'announce' : t.table === label));
    const answers = await Promise.all(targets.map(async (t) => [t.table, await this.steer(t, command)] as const));
    return Object.fromEntries(answers.map(([table, outcome]) => [table, outcome.ok ? { ok: true } : { ok: false, code: outcome.code, message: outcome.message }]));
  }

  private async steer(table: ClassTable, command: TableCommand): Promise<TableOutcome> {
    try {
      return await matchMaker.remoteRoomCall<GameRoom>(table.gameId, 'steer', [command]);
    } catch (error) {
      this.log.warn({ err: error, table: table.table }, 'a table did not answer a control');
      return { ok: false, code: 'game/over', message: 'This table is closed.' };
    }
  }

  private async moveStudent(studentId: string, label: string, seat: string | undefined): Promise<ClassAnswer<ControlOutcome>> {
    const student = this.state.students.get(studentId);
    if (student === undefined) return refuse(404, 'student/unknown', 'There is no such student in this class.');
    if (seat !== undefined && !this.state.seatIds.includes(seat)) return refuse(404, 'seat/unknown', `There is no seat "${seat}" at a table.`);
    const running = this.state.session.phase === 'running';
    const nextLabel = tableLabel(this.state.tables.size);
    const known = running ? this.state.tables.has(label) || label === nextLabel : /^[1-9]\d*$/.test(label) && Number(label) <= MAX_TABLES;
    if (!known) return refuse(404, 'table/unknown', `There is no table "${label}".`);
    const table = running && !this.state.tables.has(label) ? await this.createTable(label) : this.state.tables.get(label);
    const target = seat ?? this.emptiestSeat(label);
    await this.seat(student, { table: label, seat: target });
    if (table !== undefined && running && !(await isOpen(table))) {
      await this.fillWithBots(table);
      await this.deps.openGame(table.gameId);
    }
    this.listener.studentsChanged([studentId]);
    return done({});
  }

  private async seatBot(label: string, seat: string, policy: BotPolicyId | null): Promise<ClassAnswer<ControlOutcome>> {
    if (this.state.session.phase !== 'running') return refuse(409, 'session/not-started', 'Start the session first: its tables do not exist yet.');
    const table = this.state.tables.get(label);
    if (table === undefined) return refuse(404, 'table/unknown', `There is no table "${label}".`);
    if (!this.state.seatIds.includes(seat)) return refuse(404, 'seat/unknown', `There is no seat "${seat}" at a table.`);
    await this.setBot(table, seat, policy);
    await this.reseat(table);
    return done({});
  }

  // ---- seats --------------------------------------------------------------------

  /** A student arriving after the start, placed as the split and the balance say (a new table if every table is full). */
  private async seatLate(student: StoredStudent): Promise<void> {
    const capacity = tableCapacity(this.config, this.state.seatIds.length);
    let late = placeLate(this.slots(true), capacity);
    if (late.kind === 'new-table' && this.state.tables.size < MAX_TABLES) {
      const table = await this.createTable(tableLabel(this.state.tables.size));
      await this.seat(student, { table: table.table, seat: this.state.seatIds[0] ?? '' });
      await this.fillWithBots(table);
      await this.deps.openGame(table.gameId);
      return;
    }
    if (late.kind === 'new-table') late = placeLate(this.slots(true), null);
    if (late.kind === 'seat') await this.seat(student, late.placement);
  }

  /**
   * Puts a student in a seat (store first). A bot keeping that seat warm hands it over;
   * a seat the student leaves empty at a running table gets the class's bot. The tables
   * concerned read their seats again.
   */
  private async seat(student: StoredStudent, placement: Placement): Promise<void> {
    const from = student.table === null ? undefined : this.state.tables.get(student.table);
    const fromSeat = student.seat;
    await this.deps.store.seatStudent(this.sessionId, student.studentId, placement.table, placement.seat);
    student.table = placement.table;
    student.seat = placement.seat;
    const to = this.state.tables.get(placement.table);
    if (to !== undefined && to.bots[placement.seat] !== undefined) await this.setBot(to, placement.seat, null);
    if (from !== undefined && fromSeat !== null && (from !== to || fromSeat !== placement.seat)) {
      if (this.config.bots !== null && studentsAt(this.state, from.table, fromSeat).length === 0 && this.state.session.phase === 'running') {
        await this.setBot(from, fromSeat, this.config.bots);
      }
      if (from !== to) await this.reseat(from);
    }
    if (to !== undefined) await this.reseat(to);
    this.listener.studentsChanged([student.studentId]);
  }

  private async setBot(table: ClassTable, seat: string, policy: BotPolicyId | null): Promise<void> {
    await this.deps.store.saveSeatBot(table.gameId, seat, policy);
    if (policy === null) delete table.bots[seat];
    else table.bots[seat] = policy;
  }

  /** Empty seats get the class's bot, when it has one. */
  private async fillWithBots(table: ClassTable): Promise<void> {
    const policy = this.config.bots;
    if (policy === null) return;
    for (const seat of this.state.seatIds) {
      if (studentsAt(this.state, table.table, seat).length === 0 && table.bots[seat] === undefined) await this.setBot(table, seat, policy);
    }
  }

  private async createTable(label: string): Promise<ClassTable> {
    const scenario = this.deps.catalogue.get(this.config.scenarioId);
    if (scenario === undefined) throw new Error(`scenario ${this.config.scenarioId} is not loaded`);
    const gameId = newId();
    await this.deps.store.createGame({
      gameId,
      scenarioId: scenario.id,
      scenarioVersion: scenario.version,
      seed: randomInt(0, 2 ** 31 - 1),
      createdAt: Date.now(),
      timers: this.config.timers ?? {},
      cards: this.config.cards,
      session: { sessionId: this.sessionId, table: label },
    });
    const table: ClassTable = { table: label, gameId, finished: false, bots: {}, report: null };
    this.state.tables.set(label, table);
    return table;
  }

  /** The table's room reads its seats again; a table not open yet reads them when it opens. */
  private async reseat(table: ClassTable): Promise<void> {
    if (!(await isOpen(table))) return;
    try {
      await matchMaker.remoteRoomCall<GameRoom>(table.gameId, 'reseat', []);
    } catch (error) {
      this.log.warn({ err: error, table: table.table }, 'a table did not take its new seating');
    }
  }

  private slots(openOnly: boolean) {
    const labels = [...this.state.tables.values()].filter((t) => !openOnly || !t.finished).map((t) => t.table);
    return tableSlots(labels, this.state.seatIds, (table, seat) => studentsAt(this.state, table, seat).length);
  }

  private emptiestSeat(label: string): string {
    const counts = this.state.seatIds.map((seat) => ({ seat, n: studentsAt(this.state, label, seat).length }));
    counts.sort((a, b) => a.n - b.n);
    return counts[0]?.seat ?? '';
  }
}

function done(tables: ControlOutcome['tables']): ClassAnswer<ControlOutcome> {
  return { ok: true, value: { ok: true, tables } };
}

/** A table whose room is (or should be) open: created with the session running. Its room may be in another process. */
async function isOpen(table: ClassTable): Promise<boolean> {
  return table.report !== null || (await matchMaker.getRoomById(table.gameId)) !== undefined;
}
