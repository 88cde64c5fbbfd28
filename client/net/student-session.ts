import type { Room } from '@colyseus/sdk';
import { Refusal } from '../../shared/protocol.ts';
import type { Locale, Scenario } from '../../shared/scenario/schema.ts';
import { StudentStatus } from '../../shared/session.ts';
import { fetchLobby, fetchScenario, joinErrorMessage, joinTable, type ConnectionStatus, type Table } from './connection.ts';
import { openLiveRoom } from './live-room.ts';
import type { StudentIdentity } from './session-store.ts';

/**
 * A student in a class: the lobby connection, and the table it sends them to. The
 * session room says where to sit; this module joins that game with the seat token,
 * follows a move to another table, and keeps the lobby open for the session's news.
 */

export type SeatedTable = { gameId: string; seat: string; seatToken: string; table: Table; scenario: Scenario };

export type StudentModel = {
  status: ConnectionStatus;
  student: StudentStatus | null;
  /** The table this student plays at, once joined. */
  seated: SeatedTable | null;
  /** A seat was given and its table is being joined. */
  seating: boolean;
  /** Why the last attempt failed: reaching the table, or taking the seat the student chose. */
  problem: { about: 'table' | 'choice'; message: string } | null;
  /** The session no longer knows this student (ended and forgotten, or a stale token). */
  refused: string | null;
};
export type StudentListener = (model: StudentModel) => void;

export type StudentSession = {
  kind: 'student';
  key: string;
  model(): StudentModel;
  subscribe(listener: StudentListener): () => void;
  /** In a class where students pick: ask for this table and seat. */
  choose(table: string, seat: string): void;
  /** Try the given seat's table again after a failure. */
  retry(): void;
  close(): Promise<void>;
};

const scenarios = new Map<string, Promise<Scenario>>();

/** The scenario a game is played from; one fetch per scenario for the page's life. */
export async function scenarioOfGame(gameId: string): Promise<Scenario> {
  const lobby = await fetchLobby(gameId);
  if (lobby === null) throw new Error(`no game "${gameId}"`);
  let scenario = scenarios.get(lobby.scenarioId);
  if (scenario === undefined) {
    scenario = fetchScenario(lobby.scenarioId);
    scenarios.set(lobby.scenarioId, scenario);
    scenario.catch(() => scenarios.delete(lobby.scenarioId));
  }
  return scenario;
}

export function openStudentSession(identity: StudentIdentity, locale: () => Locale): StudentSession {
  const listeners = new Set<StudentListener>();
  const model: StudentModel = { status: 'connecting', student: null, seated: null, seating: false, problem: null, refused: null };
  let closed = false;
  /** Bumped for every seat asked for: an older join that finishes late is dropped. */
  let seatingSeq = 0;

  const emit = (): void => {
    for (const listener of listeners) listener(model);
  };

  /** The seat the server last gave: every status repeats it, and only a change means a move. */
  let target: StudentStatus['seat'] = null;
  const sameSeat = (a: StudentStatus['seat'], b: StudentStatus['seat']): boolean =>
    a === null || b === null ? a === b : a.gameId === b.gameId && a.seat === b.seat && a.seatToken === b.seatToken;

  const follow = async (seat: StudentStatus['seat']): Promise<void> => {
    if (sameSeat(seat, target) && (model.seated !== null || model.seating || seat === null)) return;
    target = seat;
    const token = ++seatingSeq;
    const previous = model.seated;
    model.seated = null;
    model.seating = seat !== null;
    model.problem = null;
    emit();
    await previous?.table.leave();
    if (seat === null) return;
    try {
      const scenario = await scenarioOfGame(seat.gameId);
      if (token !== seatingSeq || closed) return;
      const table = await joinTable(seat.gameId, { name: identity.name, seat: seat.seat, seatToken: seat.seatToken, locale: locale() });
      if (token !== seatingSeq || closed) {
        await table.leave();
        return;
      }
      model.seated = { ...seat, table, scenario };
    } catch (error) {
      if (token !== seatingSeq) return;
      model.problem = { about: 'table', message: joinErrorMessage(error) };
    }
    model.seating = false;
    emit();
  };

  const wire = (room: Room): void => {
    room.onMessage('status', (raw: unknown) => {
      const parsed = StudentStatus.safeParse(raw);
      if (!parsed.success) {
        console.error('unreadable class status from the server', parsed.error.issues.slice(0, 3));
        return;
      }
      model.student = parsed.data;
      emit();
      void follow(parsed.data.seat);
    });
    room.onMessage('refused', (raw: unknown) => {
      const parsed = Refusal.safeParse(raw);
      model.problem = { about: 'choice', message: parsed.success ? parsed.data.message : '' };
      emit();
    });
  };

  const room = openLiveRoom(
    identity.sessionId,
    { studentToken: identity.studentToken },
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
    },
  );

  return {
    kind: 'student',
    key: identity.studentToken,
    model: () => model,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    retry() {
      const seat = target;
      target = null;
      void follow(seat);
    },
    choose(table, seat) {
      model.problem = null;
      emit();
      room.send('choose', { table, seat });
    },
    async close() {
      closed = true;
      seatingSeq += 1;
      listeners.clear();
      const seated = model.seated;
      model.seated = null;
      await Promise.all([room.close(), seated?.table.leave()]);
    },
  };
}
