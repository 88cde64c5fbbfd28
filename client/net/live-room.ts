import type { Room } from '@colyseus/sdk';
import type { SessionClientMessage } from '../../shared/session.ts';
import { typedSend, type TypedSend } from './typed-send.ts';
import { REJOIN_DELAYS_MS, REJOINABLE, roomClient, type ConnectionStatus } from './connection.ts';

/**
 * A class session's room, joined by id with the same credentials (a student token or
 * the instructor's secret) for as long as the page wants it: the SDK heals short drops,
 * and a lost room is joined again. Joining with those credentials is idempotent on the server.
 */
export type LiveRoom = {
  send: TypedSend<SessionClientMessage>;
  close(): Promise<void>;
};

export type LiveRoomEvents = {
  /** Called for every room joined, first and again: register message handlers here. */
  wire(room: Room): void;
  status(status: ConnectionStatus): void;
  /** The server refused the credentials: joining again would not help. */
  refused(message: string, code: number | undefined): void;
  /** Asked when the room is not found: true means it is gone for good (no more retries). */
  gone?(): Promise<boolean>;
};

/** The matchmaker's "no such room": a session that has ended and closed, or one a restarting server has not reopened yet. */
export const ROOM_NOT_FOUND = 522;

function errorCode(error: unknown): number | undefined {
  if (!(error instanceof Error) || !('code' in error)) return undefined;
  return typeof error.code === 'number' ? error.code : undefined;
}

/** A refusal (a token or secret this session does not know) rather than a failure worth retrying. */
export function isRefusal(error: unknown): error is Error & { code: number } {
  const code = errorCode(error);
  return code !== undefined && code >= 400 && code < 500;
}

export function openLiveRoom(roomId: string, options: Record<string, unknown>, events: LiveRoomEvents): LiveRoom {
  let room: Room | null = null;
  let closed = false;

  const attach = (joined: Room): void => {
    room = joined;
    events.wire(joined);
    joined.onDrop(() => events.status('reconnecting'));
    joined.onReconnect(() => events.status('online'));
    joined.onLeave((code) => {
      if (closed || room !== joined) return;
      room = null;
      if (REJOINABLE.has(code)) void join(1);
      else events.status('offline');
    });
    events.status('online');
  };

  // A declaration: attach's leave handler may call it before this function returns.
  async function join(attempt: number, lastError?: unknown): Promise<void> {
    if (closed) return;
    if (attempt > 0) {
      events.status('reconnecting');
      const delay = REJOIN_DELAYS_MS[attempt - 1];
      if (delay === undefined) {
        // Still no such room after every retry: the session is over, not merely restarting.
        if (errorCode(lastError) === ROOM_NOT_FOUND && lastError instanceof Error) return events.refused(lastError.message, ROOM_NOT_FOUND);
        return events.status('offline');
      }
      await new Promise((resolve) => setTimeout(resolve, delay));
      if (closed) return;
    }
    try {
      const joined = await roomClient().joinById(roomId, options);
      if (closed) {
        await joined.leave(true).catch(() => undefined);
        return;
      }
      attach(joined);
    } catch (error) {
      if (isRefusal(error)) return events.refused(error.message, error.code);
      if (errorCode(error) === ROOM_NOT_FOUND && events.gone !== undefined && (await events.gone().catch(() => false))) return;
      await join(attempt + 1, error);
    }
  }

  events.status('connecting');
  void join(0);

  return {
    send(type, payload) {
      if (room !== null) typedSend<SessionClientMessage>(room)(type, payload);
    },
    async close() {
      closed = true;
      const leaving = room;
      room = null;
      await leaving?.leave(true).catch(() => undefined);
    },
  };
}
