import { describe, expect, it } from 'vitest';
import { CardsMessage } from '../../shared/protocol.ts';
import { CreatedFork, ReviewData, ReviewFrame } from '../../shared/review/index.ts';
import { GameRecord } from '../../shared/record.ts';
import { joinGame, storedRecord } from './harness.ts';
import type { Player } from './harness.ts';
import { classServerForFile, steer } from './session-harness.ts';
import { bearer, BOT_SEAT, STUDENT_SEAT, watchedTable } from './review-harness.ts';

const file = classServerForFile();

async function get(path: string, token: string | null = null): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${file.server.url}/api${path}`, { headers: bearer(token) });
  return { status: res.status, body: await res.json() };
}

/** Ready in every phase and a decision at the levels in force, until the game has ended. */
async function playOut(player: Player): Promise<void> {
  for (let guard = 0; guard < 200; guard++) {
    const state = (await player.view()).state;
    if (state.phase === 'ended') return;
    const mine = state.seats[STUDENT_SEAT];
    if (state.phase === 'decision' && mine?.submitted === false) player.move({ type: 'decide', version: state.version, levels: {} });
    if (state.phase !== 'decision' && mine?.ready === false) player.move({ type: 'ready', version: state.version });
    await player.settle();
    if (player.latest().state.version === state.version) await player.view((s) => s.version > state.version);
  }
  throw new Error('the fork never ended');
}

describe('a fork keeps its parent’s secrets while the parent is played', () => {
  it('a student’s fork, played to its end against a bot, shows no seed and no other seat’s hidden value until the parent ends', { timeout: 120_000 }, async () => {
    const { session, student, player, watch, gameId } = await watchedTable(file.server, 'Ana');
    const parent = await storedRecord(file.server, gameId);
    const hidden = (await watch.view()).state.seats[BOT_SEAT]?.hidden ?? {};
    expect(Object.keys(hidden).length).toBeGreaterThan(0);

    // The reproduction: fork the running table into one's own seat, the other seat to a bot, play it out.
    const res = await fetch(`${file.server.url}/api/games/${gameId}/forks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(student.joined.studentToken) },
      body: JSON.stringify({ step: parent.entries.length, seats: { [STUDENT_SEAT]: { by: 'me' }, [BOT_SEAT]: { by: 'bot', policy: 'dealmaker' } }, name: 'Ana' }),
    });
    expect(res.status).toBe(201);
    const fork = CreatedFork.parse(await res.json());
    const me = await joinGame(file.server, fork.gameId, { name: 'Ana', seatToken: fork.seatToken });
    await playOut(me);
    expect((await file.server.store.loadGame(fork.gameId))?.finished).toBe(true);
    expect((await file.server.store.loadGame(gameId))?.finished).toBe(false);

    // With no token: nothing at all.
    for (const path of ['record', 'review', 'review/frames/0', 'cards']) {
      expect({ path, ...(await get(`/games/${fork.gameId}/${path}`)) }).toMatchObject({ path, status: 403 });
    }
    // With the fork's seat token: the forker's own seat, no more.
    expect(await get(`/games/${fork.gameId}/record`, fork.seatToken)).toMatchObject({ status: 403, body: { code: 'record/in-play' } });
    const review = ReviewData.parse((await get(`/games/${fork.gameId}/review`, fork.seatToken)).body);
    expect(review).toMatchObject({ access: 'seat', seat: STUDENT_SEAT, record: null, finished: true });
    expect(review.cards.every((card) => card.seat === STUDENT_SEAT)).toBe(true);
    for (const step of [0, parent.entries.length]) {
      const frame = ReviewFrame.parse((await get(`/games/${fork.gameId}/review/frames/${step}`, fork.seatToken)).body);
      expect(frame.state.seed).toBe(0);
      expect(frame.state.seats[BOT_SEAT]?.hidden).toEqual({});
    }
    // Nor does the parent's other route for cards open them.
    expect((await get(`/games/${fork.gameId}/cards`, fork.seatToken)).status).toBe(403);
    // The class's instructor still reads the fork whole, as before.
    expect(ReviewData.parse((await get(`/games/${fork.gameId}/review`, session.secret)).body).access).toBe('full');

    // Once the parent has ended, the fork opens to anyone, as any ended game does.
    await steer(file.server, session, { type: 'end', table: '1' });
    await watch.view((s) => s.phase === 'ended');
    const record = GameRecord.parse((await get(`/games/${fork.gameId}/record`)).body);
    expect(record.seed).toBe(parent.seed);
    const frame = ReviewFrame.parse((await get(`/games/${fork.gameId}/review/frames/0`)).body);
    expect(frame.state.seats[BOT_SEAT]?.hidden).toEqual(hidden);
    expect(ReviewData.parse((await get(`/games/${fork.gameId}/review`)).body).access).toBe('full');
    expect(CardsMessage.parse((await get(`/games/${fork.gameId}/cards`)).body).cards.some((card) => card.seat === BOT_SEAT)).toBe(true);

    await Promise.all([me.room.leave(), player.room.leave(), watch.room.leave(), student.lobby.room.leave()]);
  });
});
