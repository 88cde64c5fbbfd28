import { describe, expect, it } from 'vitest';
import { matchMaker } from '@colyseus/core';
import { Client } from '@colyseus/sdk';
import { GAME_ROOM, GameSummary } from '../../shared/protocol.ts';
import { SESSION_ROOM } from '../../shared/session.ts';
import { createGame, joinGame, LONG_TIMERS } from './harness.ts';
import { classServerForFile, createSession, enrol, sit, steer } from './session-harness.ts';

const file = classServerForFile();

async function matchmake(method: string, room: string, body: unknown): Promise<Response> {
  return fetch(`${file.server.url}/matchmake/${method}/${room}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

async function takenSeats(gameId: string): Promise<string[]> {
  const res = await fetch(`${file.server.url}/api/games/${gameId}`);
  return GameSummary.parse(await res.json()).seats.flatMap((s) => (s.taken ? [s.id] : []));
}

describe('a table is reached only by invitation', () => {
  it.each(['join', 'joinOrCreate', 'create'])('refuses /matchmake/%s for a game and for a session, over HTTP', async (method) => {
    const gameId = await createGame(file.server);
    await createSession(file.server);
    for (const room of [GAME_ROOM, SESSION_ROOM]) {
      const res = await matchmake(method, room, { name: 'Stranger', seat: 'mx', gameId, sessionId: 'x' });
      expect(res.status, `${method} ${room}`).toBe(403);
      const answer = JSON.stringify(await res.json());
      expect(answer).toMatch(/by invitation only/);
      expect(answer).not.toContain(gameId);
    }
    expect(await takenSeats(gameId)).toEqual([]);
  });

  it('refuses the SDK’s join-by-name and join-or-create; no seat is taken', async () => {
    const gameId = await createGame(file.server);
    const client = new Client(file.server.url);
    await expect(client.join(GAME_ROOM, { name: 'Stranger', seat: 'mx' })).rejects.toThrow(/by invitation only/);
    await expect(client.joinOrCreate(GAME_ROOM, { name: 'Stranger', seat: 'mx' })).rejects.toThrow(/by invitation only/);
    await expect(client.create(GAME_ROOM, { name: 'Stranger', gameId })).rejects.toThrow(/by invitation only/);
    await expect(client.join(SESSION_ROOM, { studentToken: 'guess' })).rejects.toThrow(/by invitation only/);
    expect(await takenSeats(gameId)).toEqual([]);
  });

  it('keeps every live room private to matchmaking, so no server-side lookup by name finds one either', async () => {
    await createGame(file.server);
    await createSession(file.server);
    expect(await matchMaker.findOneRoomAvailable(GAME_ROOM, {})).toBeUndefined();
    expect(await matchMaker.findOneRoomAvailable(SESSION_ROOM, {})).toBeUndefined();
  });

  it('still seats whoever has the link: the game’s id', async () => {
    const gameId = await createGame(file.server);
    const player = await joinGame(file.server, gameId, { name: 'Invited', seat: 'mx' });
    expect((await player.welcome()).seat).toBe('mx');
    expect(await takenSeats(gameId)).toEqual(['mx']);
    await player.room.leave();
  });

  it('still brings a class’s student to their table with the code', async () => {
    const session = await createSession(file.server, { timers: LONG_TIMERS, bots: null });
    const student = await enrol(file.server, session.code, 'Ana');
    await steer(file.server, session, { type: 'start' });
    const { player, status } = await sit(file.server, student);
    expect((await player.welcome()).seat).toBe(status.seat?.seat);
    await player.room.leave();
    await student.lobby.room.leave();
  });
});
