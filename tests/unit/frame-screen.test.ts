import { Protocol } from '@colyseus/core';
import { Packr } from 'msgpackr';
import { describe, expect, it } from 'vitest';
import { screenFrame } from '../../server/rooms/frame-screen.ts';

/** A message frame as the SDK's `room.send` builds one: ROOM_DATA, the type as a fixstr, then the payload packed by a Packr of its own (records on). */
function sent(type: string, payload: unknown): Uint8Array {
  const name = [...Buffer.from(type)];
  return new Uint8Array([Protocol.ROOM_DATA, 0xa0 | name.length, ...name, ...new Packr().pack(payload)]);
}

describe('the frame screen', () => {
  it('reads a message the way the SDK sends it once, with where its header ends, for Colyseus to dispatch without the payload', () => {
    const move = { type: 'propose', version: 7, to: 'us', commitments: [{ seat: 'mx', instrument: 'mx_guard', amount: 5 }], rounds: 1 };
    expect(screenFrame(sent('move', move))).toEqual({ kind: 'message', headerBytes: 6, payload: move });
    expect(screenFrame(new Uint8Array([Protocol.ROOM_DATA, 0xa4, ...Buffer.from('move')]))).toEqual({ kind: 'message', headerBytes: 6, payload: undefined });
  });

  it('leaves Colyseus its own frames (joining, pings, leaving) untouched', () => {
    for (const code of [Protocol.JOIN_ROOM, Protocol.PING, Protocol.LEAVE_ROOM]) expect(screenFrame(new Uint8Array([code]))).toEqual({ kind: 'colyseus' });
  });

  it.each([
    ['an empty frame', new Uint8Array([])],
    ['a message without a type', new Uint8Array([Protocol.ROOM_DATA])],
    ['a payload that is not msgpack', new Uint8Array([Protocol.ROOM_DATA, 0xa4, ...Buffer.from('move'), 0xdc, 0x00, 0x05])],
    ['a payload nested too deep', new Uint8Array([Protocol.ROOM_DATA, 0xa4, ...Buffer.from('move'), ...new Array<number>(20_000).fill(0x91), 0xc0])],
  ])('says why a frame does not read: %s', (problem, frame) => {
    expect(screenFrame(frame)).toEqual({ kind: 'unreadable', problem });
  });
});
