import type { Room } from '@colyseus/sdk';
import type { Locale, Scenario } from '../../shared/scenario/schema.ts';
import {
  ControlOutcome,
  CreatedSession,
  JoinedSession,
  SessionView,
  type CreateSessionBody,
  type JoinSessionBody,
  type SessionControl,
} from '../../shared/session.ts';
import { joinTable, parsedOrThrow, requestJson, type ConnectionStatus, type Table } from './connection.ts';
import { openLiveRoom } from './live-room.ts';
import type { StudentIdentity } from './session-store.ts';
import { openStudentSession, scenarioOfGame, type StudentSession } from './student-session.ts';

/**
 * Class sessions: the HTTP calls (create, join, instructor controls) and the live
 * classroom connections. A page holds at most one of those at a time (a student's lobby,
 * the instructor's desk, or one watched table); it outlives a language switch and is
 * closed when the page goes elsewhere.
 */

export type { StudentModel, StudentSession } from './student-session.ts';

export async function createSession(body: CreateSessionBody): Promise<CreatedSession> {
  const raw = await requestJson('/api/sessions', { method: 'POST', body: JSON.stringify(body) });
  return parsedOrThrow(CreatedSession, raw, 'new class session');
}

/** Rejects with an HttpError: 404 unknown code, 409 name taken, 429 too many tries, 400 bad input. */
export async function joinSession(body: JoinSessionBody): Promise<JoinedSession> {
  const raw = await requestJson('/api/sessions/join', { method: 'POST', body: JSON.stringify(body) });
  return parsedOrThrow(JoinedSession, raw, 'class join');
}

/** A control the server took, but some tables it was sent to refused (a table that has ended cannot pause). */
export class ControlRefused extends Error {
  readonly tables: { table: string; message: string }[];
  constructor(tables: { table: string; message: string }[]) {
    super(tables.map((x) => `${x.table}: ${x.message}`).join('; '));
    this.tables = tables;
  }
}

/** Rejects with an HttpError (the whole control refused) or a ControlRefused (some tables refused it). */
export async function sendControl(sessionId: string, secret: string, control: SessionControl): Promise<void> {
  const raw = await requestJson(`/api/sessions/${encodeURIComponent(sessionId)}/control`, { method: 'POST', body: JSON.stringify(control) }, secret);
  const outcome = ControlOutcome.safeParse(raw);
  if (!outcome.success) return;
  const refused = Object.entries(outcome.data.tables).flatMap(([table, result]) => (result.ok ? [] : [{ table, message: result.message ?? result.code ?? '' }]));
  if (refused.length > 0) throw new ControlRefused(refused);
}

export async function fetchSession(sessionId: string, secret: string): Promise<SessionView> {
  return parsedOrThrow(SessionView, await requestJson(`/api/sessions/${encodeURIComponent(sessionId)}`, {}, secret), 'class session');
}

// ---- the instructor's desk --------------------------------------------------------

export type DeskModel = {
  status: ConnectionStatus;
  view: SessionView | null;
  /** The secret does not open this session. */
  refused: string | null;
};
export type DeskListener = (model: DeskModel) => void;

export type InstructorDesk = {
  kind: 'desk';
  key: string;
  sessionId: string;
  model(): DeskModel;
  subscribe(listener: DeskListener): () => void;
  /** Rejects with the server's reason; success shows in the next view. */
  control(control: SessionControl): Promise<void>;
  close(): Promise<void>;
};

function openDesk(sessionId: string, secret: string): InstructorDesk {
  const listeners = new Set<DeskListener>();
  const model: DeskModel = { status: 'connecting', view: null, refused: null };
  const emit = (): void => {
    for (const listener of listeners) listener(model);
  };
  const wire = (room: Room): void => {
    room.onMessage('session', (raw: unknown) => {
      const parsed = SessionView.safeParse(raw);
      if (!parsed.success) {
        console.error('unreadable class view from the server', parsed.error.issues.slice(0, 3));
        return;
      }
      model.view = parsed.data;
      emit();
    });
  };
  const room = openLiveRoom(
    sessionId,
    { secret },
    {
      wire,
      status(status) {
        model.status = status;
        emit();
      },
      refused(message) {
        model.refused = message;
        model.status = 'offline';
        emit();
      },
      // An ended class has closed its room; the server still shows how it ended.
      async gone() {
        const view = await fetchSession(sessionId, secret);
        if (view.phase !== 'ended') return false;
        model.view = view;
        model.status = 'offline';
        emit();
        return true;
      },
    },
  );
  return {
    kind: 'desk',
    key: `${sessionId}:${secret}`,
    sessionId,
    model: () => model,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    control: (control) => sendControl(sessionId, secret, control),
    async close() {
      listeners.clear();
      await room.close();
    },
  };
}

// ---- watching a table -------------------------------------------------------------

export type WatchedTable = {
  kind: 'watch';
  key: string;
  /** Resolves once the spectator view is joined; rejects with why it could not be. */
  ready: Promise<{ table: Table; scenario: Scenario }>;
  close(): Promise<void>;
};

function openWatch(gameId: string, secret: string, name: string, locale: Locale): WatchedTable {
  let closed = false;
  const ready = (async () => {
    const scenario = await scenarioOfGame(gameId);
    const table = await joinTable(gameId, { name, locale }, { secret });
    if (closed) await table.leave();
    return { table, scenario };
  })();
  ready.catch(() => undefined);
  return {
    kind: 'watch',
    key: `${gameId}:${secret}`,
    ready,
    async close() {
      closed = true;
      const joined = await ready.catch(() => null);
      await joined?.table.leave();
    },
  };
}

// ---- the one live classroom connection of this page --------------------------------

let live: StudentSession | InstructorDesk | WatchedTable | null = null;

/** Let go of whatever classroom connection the page holds (the page is going elsewhere). */
export function closeClassroom(): void {
  const closing = live;
  live = null;
  void closing?.close();
}

export function studentSession(identity: StudentIdentity, locale: () => Locale): StudentSession {
  if (live?.kind === 'student' && live.key === identity.studentToken) return live;
  closeClassroom();
  const session = openStudentSession(identity, locale);
  live = session;
  return session;
}

export function instructorDesk(sessionId: string, secret: string): InstructorDesk {
  if (live?.kind === 'desk' && live.key === `${sessionId}:${secret}`) return live;
  closeClassroom();
  const desk = openDesk(sessionId, secret);
  live = desk;
  return desk;
}

export function watchTable(gameId: string, secret: string, name: string, locale: Locale): WatchedTable {
  if (live?.kind === 'watch' && live.key === `${gameId}:${secret}`) return live;
  closeClassroom();
  const watched = openWatch(gameId, secret, name, locale);
  live = watched;
  return watched;
}
