import { matchMaker, Room, ServerError } from '@colyseus/core';
import type { Client, Delayed } from '@colyseus/core';
import type { Logger } from 'pino';
import { MAX_MESSAGE_BYTES } from '../../shared/protocol.ts';
import type { Refusal } from '../../shared/protocol.ts';
import { SessionClientMessage, SessionJoinOptions } from '../../shared/session.ts';
import type { ControlOutcome, SessionControl, SessionView, StudentStatus } from '../../shared/session.ts';
import { choosableTables, sessionView, studentStatus, tableChoices, type ClassState, type ClassTable } from '../sessions/class-state.ts';
import { Classroom, type ClassAnswer } from '../sessions/classroom.ts';
import { secretMatches } from '../sessions/credentials.ts';
import type { GameRoom } from './game-room.ts';
import { HARD_MESSAGES_PER_SECOND, hardMessageLimit, MAX_STUDENTS_PER_SESSION, SESSION_SEAT_RESERVATION_SECONDS, SESSION_VIEW_INTERVAL_MS } from './limits.ts';
import { MessageBudget } from './rate-limit.ts';
import { screenFrames } from './frame-screen.ts';
import { claimedType, describeIssues, messageBytes, refusal } from './refusals.ts';
import type { RoomDeps, SessionRoomOptions } from './room-deps.ts';
import { hashSeatToken } from './seat-token.ts';
import type { TableReport } from './table-commands.ts';
import { storedStanding } from './table-dashboard.ts';

/** Who a connection is: a student (with the token they came with, repeated as their seat token) or the instructor. */
type Visitor = { kind: 'student'; studentId: string; token: string } | { kind: 'instructor' };

type Reconnection = ReturnType<Room['allowReconnection']>;

/**
 * One class session, live: the lobby, the roster and the tables' summaries. Students
 * connect with their token and hear their status (where to sit, announcements); the
 * instructor connects with the secret and sees the whole class. HTTP controls and joins
 * reach it through `matchMaker.remoteRoomCall`, and run one at a time in its queue.
 */
export class SessionRoom extends Room {
  maxClients = MAX_STUDENTS_PER_SESSION + 50;
  autoDispose = false;
  maxMessagesPerSecond = HARD_MESSAGES_PER_SECOND;
  seatReservationTimeout = SESSION_SEAT_RESERVATION_SECONDS;

  private loaded: Classroom | null = null;
  private deps: RoomDeps | null = null;
  private log: Logger | null = null;
  private budget: MessageBudget | null = null;
  private queue: Promise<void> = Promise.resolve();
  private readonly visitors = new Map<string, Visitor>();
  private readonly reconnections = new Map<string, Reconnection>();
  /** Statuses and the instructor's view are sent at most SESSION_VIEW_INTERVAL_MS apart. */
  private dirtyStudents = new Set<string>();
  private dirtyAll = false;
  private flushTimer: Delayed | null = null;
  private lastFlush = 0;

  private get classroom(): Classroom {
    if (this.loaded === null) throw new Error('session room used before its session was loaded');
    return this.loaded;
  }

  private get classState(): ClassState {
    return this.classroom.state;
  }

  async onCreate(options: SessionRoomOptions): Promise<void> {
    const { sessionId, deps } = options;
    if (typeof sessionId !== 'string' || !deps.openings.has(sessionId)) {
      throw new ServerError(403, 'session rooms are opened by the server, not by clients');
    }
    const session = await deps.store.loadSession(sessionId);
    if (session === null) throw new ServerError(404, `no session "${sessionId}"`);
    const scenario = deps.catalogue.get(session.config.scenarioId);
    if (scenario === undefined) throw new ServerError(500, `scenario "${session.config.scenarioId}" of session "${sessionId}" is not loaded`);
    this.roomId = sessionId;
    // Reached only by its id, with a student token or the instructor's secret.
    await this.setPrivate(true);
    this.deps = deps;
    this.log = deps.log.child({ sessionId });
    this.budget = new MessageBudget(deps.messageRate);
    screenFrames(this, this.log, (client, refused) => this.receiveUnreadable(client, refused), (client, type, raw) => this.receive(client, type, raw));
    this.maxMessagesPerSecond = hardMessageLimit(deps.messageRate);
    const students = await deps.store.loadStudents(sessionId);
    const tables = new Map<string, ClassTable>();
    for (const t of (await deps.store.loadSessionTables(sessionId)).sort((a, b) => Number(a.table) - Number(b.table))) {
      // A live table reports as its room opens; an ended one has no room, so its record says where it stands.
      const standing = t.finished ? await storedStanding(deps.store, scenario, t.gameId) : null;
      const report: TableReport | null = standing === null ? null : { table: t.table, gameId: t.gameId, ...standing, paused: false, deadline: null, connected: [] };
      tables.set(t.table, { table: t.table, gameId: t.gameId, finished: t.finished, bots: await deps.store.loadSeatBots(t.gameId), report });
    }
    const state: ClassState = {
      session,
      seatIds: scenario.seats.map((s) => s.id),
      students: new Map(students.map((s) => [s.studentId, s])),
      tables,
      present: new Set(),
    };
    this.loaded = new Classroom(state, deps, this.log, { studentsChanged: (ids) => this.markDirty(ids) });
    // Tables already open (a session room reopened after its tables) report once asked.
    for (const table of tables.values()) {
      if (table.finished) continue;
      matchMaker.remoteRoomCall<GameRoom>(table.gameId, 'tableReport', []).then(
        (report: TableReport | null) => report !== null && this.tableChanged(report),
        () => undefined,
      );
    }
    this.log.info({ phase: session.phase, students: students.length, tables: tables.size }, 'session room opened');
  }

  // ---- connections ----------------------------------------------------------------

  onAuth(_client: Client, options: unknown): Visitor {
    const parsed = SessionJoinOptions.safeParse(options);
    if (!parsed.success) throw new ServerError(400, `cannot join the session: ${describeIssues(parsed.error)}`);
    if ('secret' in parsed.data) {
      if (!secretMatches(parsed.data.secret, this.classState.session.secretHash)) throw new ServerError(403, 'that is not this session’s instructor secret');
      return { kind: 'instructor' };
    }
    const token = parsed.data.studentToken;
    const tokenHash = hashSeatToken(token);
    for (const student of this.classState.students.values()) {
      if (student.tokenHash === tokenHash) return { kind: 'student', studentId: student.studentId, token };
    }
    throw new ServerError(403, 'that student token is not of this session: join with the code again');
  }

  onJoin(client: Client, _options: unknown, visitor: Visitor): void {
    this.visitors.set(client.sessionId, visitor);
    if (visitor.kind === 'instructor') {
      client.send('session', sessionView(this.classState));
      return;
    }
    this.classState.present.add(visitor.studentId);
    client.send('status', this.statusFor(visitor.studentId, visitor.token));
    this.markDirty([]);
  }

  onDrop(client: Client): void {
    this.setPresence(client.sessionId);
    const reconnection = this.allowReconnection(client, this.deps?.reconnectSeconds ?? 60);
    this.reconnections.set(client.sessionId, reconnection);
    reconnection.catch(() => undefined);
  }

  onReconnect(client: Client): void {
    this.reconnections.delete(client.sessionId);
    const visitor = this.visitors.get(client.sessionId);
    if (visitor?.kind === 'student') {
      this.classState.present.add(visitor.studentId);
      // Anything may have changed while the laptop slept.
      client.send('status', this.statusFor(visitor.studentId, visitor.token));
      this.markDirty([]);
    } else if (visitor?.kind === 'instructor') {
      client.send('session', sessionView(this.classState));
    }
  }

  onLeave(client: Client, code?: number): void {
    this.reconnections.delete(client.sessionId);
    this.budget?.forget(client.sessionId);
    this.setPresence(client.sessionId, true);
    this.log?.info({ sessionId: client.sessionId, code }, 'connection gone');
  }

  onDispose(): void {
    this.flushTimer?.clear();
    this.log?.info('session room closed');
  }

  /** A student is present while any of their connections is up (not dropped, not gone). */
  private setPresence(sessionId: string, gone = false): void {
    const visitor = this.visitors.get(sessionId);
    if (gone) this.visitors.delete(sessionId);
    if (visitor?.kind !== 'student') return;
    const others = [...this.visitors].some(
      ([id, v]) => id !== sessionId && v.kind === 'student' && v.studentId === visitor.studentId && !this.reconnections.has(id),
    );
    if (!others) this.classState.present.delete(visitor.studentId);
    this.markDirty([]);
  }

  // ---- messages -----------------------------------------------------------------

  private receive(client: Client, type: string, raw: unknown): void {
    const refused = this.screen(client, type, raw);
    this.enqueue(async () => {
      if (refused !== null) return void client.send('refused', refused);
      const visitor = this.visitors.get(client.sessionId);
      const pick = SessionClientMessage.choose.safeParse(raw);
      if (!pick.success) return void client.send('refused', refusal('move/malformed', `This choice could not be read: ${describeIssues(pick.error)}`, 'choose'));
      if (visitor?.kind !== 'student') return void client.send('refused', refusal('seat/not-yours', 'Only a student picks a seat.', 'choose'));
      const answer = await this.classroom.choose(visitor.studentId, pick.data);
      if (!answer.ok) client.send('refused', refusal(answer.code === 'seat/unknown' || answer.code === 'session/ended' ? answer.code : 'target/invalid', answer.message, 'choose'));
    });
  }

  /** A frame that did not decode: refused in its turn, or not answered at all past the sender's rate. */
  private receiveUnreadable(client: Client, refused: Refusal): void {
    if (this.budget !== null && !this.budget.spend(client.sessionId, Date.now())) return;
    this.enqueue(async () => void client.send('refused', refused));
  }

  private screen(client: Client, type: string, raw: unknown): Refusal | null {
    if (this.budget !== null && !this.budget.spend(client.sessionId, Date.now())) {
      return refusal('rate/limited', 'Too many messages: wait a moment and try again.', claimedType(raw) ?? type.slice(0, 40));
    }
    if (messageBytes(raw) > MAX_MESSAGE_BYTES) {
      return refusal('message/too-large', `Messages are limited to ${MAX_MESSAGE_BYTES} bytes.`, type.slice(0, 40));
    }
    if (!Object.hasOwn(SessionClientMessage, type)) return refusal('move/malformed', `Unknown message type "${type.slice(0, 40)}": only "choose" is accepted here.`, type.slice(0, 40));
    return null;
  }

  private enqueue(task: () => Promise<void>): void {
    this.queue = this.queue.then(task).catch((error: unknown) => {
      this.log?.error({ err: error }, 'session room task failed');
    });
  }

  /** A queued call whose answer an HTTP request awaits. */
  private run<T>(task: () => Promise<ClassAnswer<T>>): Promise<ClassAnswer<T>> {
    return new Promise((resolve) => {
      this.enqueue(async () => {
        try {
          resolve(await task());
        } catch (error) {
          this.log?.error({ err: error }, 'a session request failed');
          resolve({ ok: false, status: 503, code: 'server/unavailable', message: 'The server could not complete this; try again.' });
        }
      });
    });
  }

  // ---- calls from the HTTP API and the tables (matchMaker.remoteRoomCall) ------------

  /** A student joining by code: the HTTP edge minted their token and sends only its hash. */
  admit(name: string, tokenHash: string): Promise<ClassAnswer<{ studentId: string }>> {
    return this.run(() => this.classroom.admit(name, tokenHash, MAX_STUDENTS_PER_SESSION));
  }

  control(control: SessionControl): Promise<ClassAnswer<ControlOutcome>> {
    return this.run(async () => {
      const answer = await this.classroom.control(control);
      if (this.classState.session.phase === 'ended') this.autoDispose = true;
      return answer;
    });
  }

  view(): SessionView {
    return sessionView(this.classState);
  }

  tableChanged(report: TableReport): void {
    const table = this.classState.tables.get(report.table);
    if (table === undefined || table.gameId !== report.gameId) return;
    table.report = report;
    if (report.phase === 'ended') table.finished = true;
    this.markDirty([]);
  }

  // ---- telling --------------------------------------------------------------------

  private statusFor(studentId: string, token: string): StudentStatus {
    const state = this.classState;
    const student = state.students.get(studentId);
    if (student === undefined) throw new Error(`no student ${studentId}`);
    const config = state.session.config;
    const choices = config.assignment === 'choose' ? tableChoices(state, choosableTables(state, this.classroom.plannedTables()), config.studentsPerTable) : undefined;
    return studentStatus(state, student, token, choices);
  }

  /** Some students' statuses changed (an empty list: only the instructor's view). */
  private markDirty(ids: readonly string[] | 'all'): void {
    if (ids === 'all') this.dirtyAll = true;
    else for (const id of ids) this.dirtyStudents.add(id);
    if (this.flushTimer !== null) return;
    const wait = Math.max(0, this.lastFlush + SESSION_VIEW_INTERVAL_MS - Date.now());
    this.flushTimer = this.clock.setTimeout(() => this.flush(), wait);
  }

  private flush(): void {
    this.flushTimer = null;
    this.lastFlush = Date.now();
    const all = this.dirtyAll;
    const dirty = this.dirtyStudents;
    this.dirtyAll = false;
    this.dirtyStudents = new Set();
    let view: SessionView | null = null;
    for (const client of this.clients) {
      const visitor = this.visitors.get(client.sessionId);
      if (visitor === undefined) continue;
      if (visitor.kind === 'instructor') {
        view ??= sessionView(this.classState);
        client.send('session', view);
      } else if (all || dirty.has(visitor.studentId)) {
        client.send('status', this.statusFor(visitor.studentId, visitor.token));
      }
    }
  }
}
