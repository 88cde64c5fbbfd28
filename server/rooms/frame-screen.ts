import { Protocol } from '@colyseus/core';
import type { Client, Room } from '@colyseus/core';
import { decode } from '@colyseus/schema';
import { unpack } from 'msgpackr';
import type { Logger } from 'pino';
import type { Refusal } from '../../shared/protocol.ts';
import { EdgeWarnings } from './edge-warnings.ts';
import { refusal } from './refusals.ts';

/**
 * What a frame holds: Colyseus's own business (joining, pings, leaving); a message that
 * does not read (why); or a message read, with where its header (code, request id, type)
 * ends and its payload decoded.
 */
export type ScreenedFrame = { kind: 'colyseus' } | { kind: 'unreadable'; problem: string } | { kind: 'message'; headerBytes: number; payload: unknown };

/**
 * Reads a frame that carries a message once, here: its type, then its msgpack payload,
 * which may not decode or may nest so deep that decoding overflows the stack.
 */
export function screenFrame(buffer: Uint8Array): ScreenedFrame {
  if (!(buffer instanceof Uint8Array) || buffer.byteLength === 0) return { kind: 'unreadable', problem: 'an empty frame' };
  const code = buffer[0] === undefined ? -1 : buffer[0] & 0x1f;
  if (code !== Protocol.ROOM_DATA && code !== Protocol.ROOM_REQUEST) return { kind: 'colyseus' };
  try {
    const it = { offset: 1 };
    if (code === Protocol.ROOM_REQUEST) decode.number(buffer, it);
    if (it.offset >= buffer.byteLength) return { kind: 'unreadable', problem: 'a message without a type' };
    if (decode.stringCheck(buffer, it)) decode.string(buffer, it);
    else decode.number(buffer, it);
    if (it.offset > buffer.byteLength) return { kind: 'unreadable', problem: 'a message type cut short' };
    const payload: unknown = buffer.byteLength > it.offset ? unpack(buffer.subarray(it.offset)) : undefined;
    return { kind: 'message', headerBytes: it.offset, payload };
  } catch (error) {
    return { kind: 'unreadable', problem: error instanceof RangeError && /call stack/i.test(error.message) ? 'a payload nested too deep' : 'a payload that is not msgpack' };
  }
}

type MessageEntry = (client: Client, buffer: Uint8Array) => void;
/** A room's reader of every message it is sent, as `onMessage('*')` calls it, with the payload decoded once. */
export type MessageReader = (client: Client, type: string, payload: unknown) => void;

/**
 * Puts the screen in front of a room's message entry and registers the room's reader.
 * Colyseus decodes each message itself and, when that throws, logs the stack at error level
 * and drops the connection; here an unreadable frame never reaches Colyseus's decoder (nor
 * the room's reader, nor the rules): the room answers it with a typed refusal, through
 * `answer`, and the log gets one warn line per connection per minute.
 *
 * A frame that reads is decoded once: Colyseus gets the frame without its payload (it still
 * counts the message against its cut-off, drops a leaving client's, and dispatches it by type,
 * synchronously), and the reader gets the payload decoded here. The entry is Colyseus's
 * private `_onMessage`, looked up when a client joins, so the screen is installed in
 * `onCreate`, before anyone can.
 */
export function screenFrames(room: Room, log: Logger, answer: (client: Client, refused: Refusal) => void, read: MessageReader): void {
  const warnings = new EdgeWarnings(log);
  const entry = room as unknown as { _onMessage: MessageEntry };
  const colyseus = entry._onMessage;
  /** The payload of the frame Colyseus is dispatching right now, decoded by the screen. */
  let carried: { payload: unknown } | null = null;
  entry._onMessage = function screened(this: Room, client: Client, buffer: Uint8Array): void {
    const frame = screenFrame(buffer);
    switch (frame.kind) {
      case 'colyseus':
        return colyseus.call(this, client, buffer);
      case 'unreadable':
        warnings.warn(client.sessionId, { roomId: room.roomId, bytes: buffer.byteLength, problem: frame.problem }, 'unreadable message refused');
        return answer(client, refusal('move/malformed', `This message could not be read: ${frame.problem}.`));
      case 'message':
        carried = { payload: frame.payload };
        try {
          colyseus.call(this, client, buffer.subarray(0, frame.headerBytes));
        } finally {
          carried = null;
        }
    }
  };
  room.onMessage('*', (client: Client, type: string | number, payload: unknown) => read(client, String(type), carried === null ? payload : carried.payload));
}
