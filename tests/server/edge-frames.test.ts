import { describe, expect, it } from 'vitest';
import { MAX_FRAME_BYTES } from '../../server/rooms/limits.ts';
import { createGame, joinGame, storedRecord } from './harness.ts';
import type { Player } from './harness.ts';
import { classServerForFile, createSession, enrol } from './session-harness.ts';

const file = classServerForFile();

/** A message frame as Colyseus frames one: the ROOM_DATA code, the type as a short msgpack string, then the payload bytes. */
function messageFrame(type: string, payload: number[]): Uint8Array {
  const name = [...Buffer.from(type)];
  return new Uint8Array([13, 0xa0 | name.length, ...name, ...payload]);
}

/** An array16 header promising five elements, and none of them. */
const CUT_SHORT = messageFrame('move', [0xdc, 0x00, 0x05]);
/** 5,000 arrays each holding the next, around a nil. */
const DEEP = messageFrame('move', [...new Array<number>(5000).fill(0x91), 0xc0]);

/** Lines the server logged since `from` at error level or above, or carrying a stack. */
function loud(from: number): unknown[] {
  return file.server.logs.lines.slice(from).filter((line) => Number(line.level) >= 50 || /\n\s+at /.test(String(line.msg)) || 'stack' in line || 'err' in line);
}

async function table(): Promise<{ gameId: string; ana: Player; beto: Player }> {
  const gameId = await createGame(file.server);
  const ana = await joinGame(file.server, gameId, { name: 'Ana', seat: 'mx' });
  const beto = await joinGame(file.server, gameId, { name: 'Beto', seat: 'us' });
  await Promise.all([ana.view((_s, v) => Object.keys(v.occupants).length === 2), beto.view((_s, v) => Object.keys(v.occupants).length === 2)]);
  return { gameId, ana, beto };
}

describe('a frame that does not decode', () => {
  it('gets a typed refusal each time and one warn line for the connection; nothing reaches the rules; the table carries on', async () => {
    const { gameId, ana, beto } = await table();
    const logFrom = file.server.logs.lines.length;
    const version = ana.version;
    const from = ana.mark();
    for (let i = 0; i < 3; i++) {
      ana.room.connection.send(CUT_SHORT);
      ana.room.connection.send(DEEP);
    }
    await ana.wait(() => ana.since(from, 'refused').length === 6, from);
    const refusals = ana.since(from, 'refused').map((m) => m.payload);
    expect(refusals).toEqual([
      ...[0, 1, 2].flatMap(() => [
        { code: 'move/malformed', message: 'This message could not be read: a payload that is not msgpack.' },
        { code: 'move/malformed', message: 'This message could not be read: a payload nested too deep.' },
      ]),
    ]);
    expect(ana.connected).toBe(true);
    const warned = file.server.logs.lines.slice(logFrom).filter((line) => line.msg === 'unreadable message refused');
    expect(warned).toEqual([expect.objectContaining({ level: 40, connection: ana.room.sessionId, roomId: gameId, problem: 'a payload that is not msgpack', bytes: CUT_SHORT.byteLength })]);
    expect(loud(logFrom)).toEqual([]);

    expect((await storedRecord(file.server, gameId)).entries).toEqual([]);
    expect(ana.version).toBe(version);
    ana.move({ type: 'chat', version: ana.version, to: 'us', text: 'still talking' });
    await beto.view((s) => s.chat.some((c) => c.text === 'still talking'));
    await Promise.all([ana.room.leave(), beto.room.leave()]);
  });

  it('in the session room too: a typed refusal, one warn line, the student stays connected', async () => {
    const session = await createSession(file.server, { bots: null });
    const student = await enrol(file.server, session.code, 'Ana');
    const logFrom = file.server.logs.lines.length;
    const from = student.lobby.mark();
    student.lobby.room.connection.send(DEEP);
    student.lobby.room.connection.send(CUT_SHORT);
    await student.lobby.wait(() => student.lobby.received.slice(from).filter((m) => m.type === 'refused').length === 2, from);
    expect(student.lobby.received.slice(from).filter((m) => m.type === 'refused').map((m) => m.payload)).toEqual([
      { code: 'move/malformed', message: 'This message could not be read: a payload nested too deep.' },
      { code: 'move/malformed', message: 'This message could not be read: a payload that is not msgpack.' },
    ]);
    expect(file.server.logs.lines.slice(logFrom).filter((line) => line.msg === 'unreadable message refused')).toEqual([
      expect.objectContaining({ level: 40, connection: student.lobby.room.sessionId, roomId: session.sessionId, problem: 'a payload nested too deep' }),
    ]);
    expect(loud(logFrom)).toEqual([]);
    expect(student.lobby.room.connection.isOpen).toBe(true);
    expect((await student.lobby.status()).name).toBe('Ana');
    await student.lobby.room.leave();
  });
});

describe('a frame over the size limit', () => {
  it('closes that connection with 1009 (Message Too Big) and one warn line without a stack; the table carries on', async () => {
    const { gameId, ana, beto } = await table();
    const logFrom = file.server.logs.lines.length;
    const closed = new Promise<number>((resolve) => ana.room.onLeave((code) => resolve(code)));
    ana.room.connection.send(new Uint8Array(MAX_FRAME_BYTES + 1).fill(13));
    expect(await closed).toBe(1009);
    const line = await file.server.logs.waitFor((l) => String(l.msg).startsWith('connection closed'));
    expect(line).toMatchObject({ level: 40, msg: 'connection closed: Max payload size exceeded', code: 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH', connection: ana.room.sessionId });
    expect(loud(logFrom)).toEqual([]);

    beto.move({ type: 'chat', version: beto.version, to: 'mx', text: 'anyone there?' });
    await beto.view((s) => s.chat.some((c) => c.text === 'anyone there?'));
    expect((await storedRecord(file.server, gameId)).entries).toMatchObject([{ kind: 'move', seat: 'us', move: { type: 'chat' } }]);
    await beto.room.leave();
  });
});
