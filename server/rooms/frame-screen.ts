import { Protocol } from '@colyseus/core';
import type { Client, Room } from '@colyseus/core';
import { decode } from '@colyseus/schema';
import { unpack } from 'msgpackr';
import type { Logger } from 'pino';
import type { Refusal } from '../../shared/protocol.ts';
import { EdgeWarnings } from './edge-warnings.ts';
import { refusal } from './refusals.ts';

/**
 * Why a frame carrying a message cannot be read (its type or its msgpack payload does not
 * decode, or nests so deep that decoding overflows the stack), or null when it reads. Other
 * frames (joining, pings, leaving) are Colyseus's own and pass.
 */
export function unreadableFrame(buffer: Uint8Array): string | null {
  if (!(buffer instanceof Uint8Array) || buffer.byteLength === 0) return 'an empty frame';
  const code = buffer[0] === undefined ? -1 : buffer[0] & 0x1f;
  if (code !== Protocol.ROOM_DATA && code !== Protocol.ROOM_REQUEST) return null;
  try {
    const it = { offset: 1 };
    if (code === Protocol.ROOM_REQUEST) decode.number(buffer, it);
    if (it.offset >= buffer.byteLength) return 'a message without a type';
    if (decode.stringCheck(buffer, it)) decode.string(buffer, it);
    else decode.number(buffer, it);
    if (it.offset > buffer.byteLength) return 'a message type cut short';
    if (buffer.byteLength > it.offset) unpack(buffer.subarray(it.offset));
    return null;
  } catch (error) {
    return error instanceof RangeError && /call stack/i.test(error.message) ? 'a payload nested too deep' : 'a payload that is not msgpack';
  }
}

type MessageEntry = (client: Client, buffer: Uint8Array) => void;

/**
 * Puts the screen in front of a room's message entry. Colyseus decodes each message itself
 * and, when that throws, logs the stack at error level and drops the connection; here an
 * unreadable frame never reaches Colyseus's decoder (nor the room's handlers, nor the rules):
 * the room answers it with a typed refusal, through `answer`, and the log gets one warn line
 * per connection per minute. The entry is Colyseus's private `_onMessage`, looked up when a
 * client joins, so the screen is installed in `onCreate`, before anyone can.
 */
export function screenFrames(room: Room, log: Logger, answer: (client: Client, refused: Refusal) => void): void {
  const warnings = new EdgeWarnings(log);
  const entry = room as unknown as { _onMessage: MessageEntry };
  const colyseus = entry._onMessage;
  entry._onMessage = function screened(this: Room, client: Client, buffer: Uint8Array): void {
    const problem = unreadableFrame(buffer);
    if (problem === null) return colyseus.call(this, client, buffer);
    warnings.warn(client.sessionId, { roomId: room.roomId, bytes: buffer.byteLength, problem }, 'unreadable message refused');
    answer(client, refusal('move/malformed', `This message could not be read: ${problem}.`));
  };
}
