import { describe, expect, it } from 'vitest';
import { matchMaker } from '@colyseus/core';
import { createGame, joinGame, playTo, serverForFile } from './harness.ts';

const table = serverForFile();

describe('private information reaches only its owner', () => {
  it('a sealed decision is invisible to the other seat until resolution, and visible after', async () => {
    const gameId = await createGame(table.server);
    const us = await joinGame(table.server, gameId, { name: 'Ana', seat: 'us' });
    const mx = await joinGame(table.server, gameId, { name: 'Luis', seat: 'mx' });
    const watcher = await joinGame(table.server, gameId, { name: 'Projector' });
    await mx.view((_s, v) => Object.keys(v.occupants).length === 2);
    await playTo([us, mx], 'decision');

    const sealed = { mx_guard: 10, mx_asylum: 5 };
    mx.move({ type: 'decide', version: mx.version, levels: sealed });
    const own = await mx.view((s) => s.seats.mx?.submitted === true);
    expect(own.state.seats.mx?.decision).toMatchObject(sealed);
    for (const other of [us, watcher]) {
      const seen = await other.view((s) => s.seats.mx?.submitted === true);
      expect(seen.state.seats.mx?.decision).toBeNull();
      expect(seen.state.seats.mx?.submitted).toBe(true);
    }
    // Nothing the other seat ever received carried the sealed levels.
    expect(JSON.stringify(us.received)).not.toContain('"mx_guard":10');

    us.move({ type: 'decide', version: us.version, levels: {} });
    const opened = await us.view((s) => s.phase === 'resolution');
    expect(opened.state.seats.mx?.decision).toMatchObject(sealed);
    const publicView = await watcher.view((s) => s.phase === 'resolution');
    expect(publicView.state.seats.mx?.decision).toMatchObject(sealed);
    for (const p of [us, mx, watcher]) await p.room.leave();
  });
});

describe('a seat belongs to its token for the life of the game', () => {
  it('a dropped player rejoins with the seat token and gets the private view back; the seat is refused to others', async () => {
    const gameId = await createGame(table.server);
    const us = await joinGame(table.server, gameId, { name: 'Ana', seat: 'us' });
    const mx = await joinGame(table.server, gameId, { name: 'Luis', seat: 'mx' });
    const { seatToken } = await us.welcome();
    await us.view((_s, v) => Object.keys(v.occupants).length === 2);
    await playTo([us, mx], 'decision');
    us.move({ type: 'decide', version: us.version, levels: { us_aid: 150 } });
    await us.view((s) => s.seats.us?.submitted === true);

    // The socket goes away without a goodbye.
    us.room.connection.close(4999, 'lid closed');
    const seenGone = await mx.view((_s, v) => v.occupants.us?.connected === false);
    expect(seenGone.occupants.us?.name).toBe('Ana');

    await expect(joinGame(table.server, gameId, { name: 'Intruder', seat: 'us' })).rejects.toThrow(/seat taken/);
    await expect(joinGame(table.server, gameId, { name: 'Intruder', seat: 'us', seatToken: 'not-the-token' })).rejects.toThrow(/seat taken/);

    const back = await joinGame(table.server, gameId, { name: 'Ana', seatToken });
    expect(await back.welcome()).toMatchObject({ gameId, seat: 'us', seatToken });
    const view = await back.view();
    expect(view.seat).toBe('us');
    expect(view.state.seats.us?.decision).toMatchObject({ us_aid: 150 });
    expect(Object.keys(view.state.seats.us?.hidden ?? {})).toEqual(Object.keys(us.latest().state.seats.us?.hidden ?? {}));
    await mx.view((_s, v) => v.occupants.us?.connected === true);

    // A second device with the token takes the seat over; the first is let go.
    const left = new Promise<number>((resolve) => back.room.onLeave((code) => resolve(code)));
    const laptop = await joinGame(table.server, gameId, { name: 'Ana', seatToken });
    expect((await laptop.welcome()).seat).toBe('us');
    await left;
    await laptop.view((s) => s.seats.us?.decision !== null);
    await mx.view((_s, v) => v.occupants.us?.connected === true);

    for (const p of [laptop, mx]) await p.room.leave();
  });

  it('after a network blip the SDK resumes the same session and is welcomed back to its seat', async () => {
    const gameId = await createGame(table.server);
    const us = await joinGame(table.server, gameId, { name: 'Ana', seat: 'us' });
    const mx = await joinGame(table.server, gameId, { name: 'Luis', seat: 'mx' });
    us.room.reconnection.enabled = true;
    us.room.reconnection.minUptime = 0;
    const { seatToken } = await us.welcome();
    await mx.view((_s, v) => v.occupants.us?.connected === true);

    // Cut the TCP connection from the table.server's side, as a dead Wi-Fi link would.
    const room = matchMaker.getLocalRoomById(gameId);
    const socket = room?.clients.get(us.room.sessionId)?.ref as { terminate?: () => void } | undefined;
    if (typeof socket?.terminate !== 'function') throw new Error('no table.server-side socket');
    const mark = us.mark();
    socket.terminate();

    await mx.view((_s, v) => v.occupants.us?.connected === false);
    await mx.view((_s, v) => v.occupants.us?.connected === true);
    expect(await us.welcome(mark)).toMatchObject({ seat: 'us', seatToken });
    const view = await us.view((_s, v) => v.seat === 'us' && us.since(mark, 'view').length > 0);
    expect(view.state.seats.us?.hidden).toBeDefined();
    for (const p of [us, mx]) await p.room.leave();
  });

  it('a join with bad options is refused with a readable reason', async () => {
    const gameId = await createGame(table.server);
    await expect(joinGame(table.server, gameId, { name: '' })).rejects.toThrow(/cannot join/);
    await expect(joinGame(table.server, gameId, { name: 'Ana', seat: 'nobody' })).rejects.toThrow(/no seat "nobody"/);
    await expect(joinGame(table.server, 'no-such-game', { name: 'Ana' })).rejects.toThrow();
  });

  it('the seats a game has given out show in its summary', async () => {
    const gameId = await createGame(table.server);
    const mx = await joinGame(table.server, gameId, { name: 'Luis', seat: 'mx' });
    await mx.welcome();
    const res = await fetch(`${table.server.url}/api/games/${gameId}`);
    expect(await res.json()).toMatchObject({
      gameId,
      phase: 'briefing',
      round: 1,
      seats: [
        { id: 'us', taken: false },
        { id: 'mx', taken: true, name: { en: 'Mexico' } },
      ],
    });
    await mx.room.leave();
  });
});
