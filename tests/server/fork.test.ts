import { describe, expect, it } from 'vitest';
import { GameSummary } from '../../shared/protocol.ts';
import { CreatedFork, outcomeOf, ReviewData } from '../../shared/review/index.ts';
import type { ForkBody } from '../../shared/review/index.ts';
import { playerView, replay, stateHash } from '../../shared/rules/index.ts';
import { joinGame, LONG_TIMERS, storedRecord } from './harness.ts';
import { classServerForFile, steer } from './session-harness.ts';
import { bearer, BOT_SEAT, STUDENT_SEAT, studentToDecision, watchedTable } from './review-harness.ts';

const file = classServerForFile();

async function fork(gameId: string, body: unknown, token: string | null = null): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${file.server.url}/api/games/${gameId}/forks`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...bearer(token) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

async function forked(gameId: string, body: ForkBody, token: string | null = null): Promise<CreatedFork> {
  const res = await fork(gameId, body, token);
  if (res.status !== 201) throw new Error(`fork: HTTP ${res.status} ${JSON.stringify(res.body)}`);
  return CreatedFork.parse(res.body);
}

async function review(gameId: string, token: string | null): Promise<ReviewData> {
  const res = await fetch(`${file.server.url}/api/games/${gameId}/review`, { headers: bearer(token) });
  if (res.status !== 200) throw new Error(`review: HTTP ${res.status} ${await res.text()}`);
  return ReviewData.parse(await res.json());
}

describe('forks of a game', () => {
  it('play on from any step with the forker, bots and open seats, and are refused when they would leak, are malformed or have nothing to play', { timeout: 120_000 }, async () => {
    const { session, student, player, watch, gameId } = await watchedTable(file.server, 'Ana');
    const token = student.joined.studentToken;
    await studentToDecision(player);
    await watch.view((s) => s.phase === 'decision' && s.seats[BOT_SEAT]?.submitted === true);
    const parent = await storedRecord(file.server, gameId);
    const step = parent.entries.length;
    const atStep = replay(file.scenario, parent, step);
    expect(atStep.phase).toBe('decision');

    // ---- the instructor forks at the sealed step, taking the student's seat against the bot -----
    const made = await forked(gameId, { step, seats: { [STUDENT_SEAT]: { by: 'me' }, [BOT_SEAT]: { by: 'bot', policy: 'dealmaker' } }, name: 'Teacher' }, session.secret);
    expect(made).toMatchObject({ seat: STUDENT_SEAT, joinUrl: `/?game=${made.gameId}` });
    expect(made.gameId).not.toBe(gameId);
    await file.server.logs.waitFor((line) => line.msg === 'game forked' && line.gameId === made.gameId);

    // Its record starts with the parent's first `step` entries, so its first state is the parent's at that step.
    const start = await storedRecord(file.server, made.gameId);
    expect(start.parent).toEqual({ gameId, step });
    expect(start.seed).toBe(parent.seed);
    expect(start.entries.slice(0, step)).toEqual(parent.entries);
    expect(stateHash(replay(file.scenario, start, step))).toBe(stateHash(atStep));
    expect(await file.server.store.loadGame(made.gameId)).toMatchObject({ session: null, parent: { gameId, step }, timers: (await file.server.store.loadGame(gameId))?.timers, cards: 'immediate' });

    // Its bot seat is the bot's: no one joining the link takes it, and the game's summary says so.
    await expect(joinGame(file.server, made.gameId, { name: 'Intruder', seat: BOT_SEAT })).rejects.toThrow(/bot plays/);
    const summary = GameSummary.parse(await (await fetch(`${file.server.url}/api/games/${made.gameId}`)).json());
    expect(summary.seats.map((s) => [s.id, s.taken])).toEqual(file.scenario.seats.map((s) => [s.id, true]));

    // The forker joins with the returned token and sees the parent's state at `step`, through its seat's eyes,
    // with the whole phase ahead of it (the phase starts when the fork is made).
    const me = await joinGame(file.server, made.gameId, { name: 'Teacher', seatToken: made.seatToken });
    expect((await me.welcome()).seat).toBe(STUDENT_SEAT);
    const first = await me.view();
    expect(first.state.version).toBe(step);
    expect(stateHash(first.state)).toBe(stateHash(playerView(atStep, STUDENT_SEAT)));
    expect(first.deadline ?? 0).toBeGreaterThan(Date.now() + 300_000);

    // The forker decides; the round resolves; the bot answers, and the fork's record grows by its move.
    me.move({ type: 'decide', version: first.state.version, levels: {} });
    const resolved = await me.view((s) => s.phase === 'resolution');
    // In a phase only read, the bot says ready once the person has: it never holds the table up.
    me.move({ type: 'ready', version: resolved.state.version });
    await me.view((s) => s.phase === 'debrief');
    const grown = await storedRecord(file.server, made.gameId);
    expect(grown.entries.slice(step).map((e) => (e.kind === 'move' ? `${e.seat}:${e.move.type}` : e.kind))).toEqual([`${STUDENT_SEAT}:decide`, 'advance', `${STUDENT_SEAT}:ready`, `${BOT_SEAT}:ready`, 'advance']);
    // The parent has not moved meanwhile.
    expect((await storedRecord(file.server, gameId)).entries).toEqual(parent.entries);

    // The parent's review lists the fork with its scores now; the fork's names its parent.
    const parentReview = await review(gameId, session.secret);
    expect(parentReview.forks).toEqual([{ gameId: made.gameId, step, createdAt: grown.createdAt, finished: false, scores: outcomeOf(replay(file.scenario, grown)), occupants: { [STUDENT_SEAT]: 'Teacher', [BOT_SEAT]: 'bot:dealmaker' } }]);
    const forkReview = await review(made.gameId, made.seatToken);
    expect(forkReview).toMatchObject({ access: 'seat', seat: STUDENT_SEAT, parent: { gameId, step }, session: null, record: null });
    expect(forkReview.occupants).toEqual({ [STUDENT_SEAT]: 'Teacher', [BOT_SEAT]: 'bot:dealmaker' });
    // The class's instructor reads forks of its tables whole, as the tables themselves.
    expect((await review(made.gameId, session.secret)).access).toBe('full');

    // ---- a student holding a seat, while the game runs ---------------------------------------------
    const games = async () => ({ unfinished: await file.server.store.listUnfinished(), forks: await file.server.store.listForks(gameId) });
    const before = await games();
    const ownSeat = { [STUDENT_SEAT]: { by: 'me' }, [BOT_SEAT]: { by: 'bot', policy: 'defensive' } } as const;
    const decisionBegan = parent.entries.findIndex((_e, i) => replay(file.scenario, parent, i + 1).phase === 'decision') + 1;
    const refusals: [string, unknown, string | null, number, string][] = [
      ['no bearer', { step: decisionBegan, seats: ownSeat, name: 'Ana' }, null, 403, 'fork/forbidden'],
      ['into the other seat', { step: decisionBegan, seats: { [STUDENT_SEAT]: { by: 'bot', policy: 'dealmaker' }, [BOT_SEAT]: { by: 'me' } }, name: 'Ana' }, token, 403, 'fork/forbidden'],
      ['with the other seat open to anyone', { step: decisionBegan, seats: { [STUDENT_SEAT]: { by: 'me' }, [BOT_SEAT]: { by: 'open' } }, name: 'Ana' }, token, 403, 'fork/forbidden'],
      ['where the bot’s decision is sealed', { step, seats: ownSeat, name: 'Ana' }, token, 403, 'fork/forbidden'],
      // Malformed, as the instructor: nothing is created either.
      ['two forkers', { step, seats: { [STUDENT_SEAT]: { by: 'me' }, [BOT_SEAT]: { by: 'me' } }, name: 'Teacher' }, session.secret, 400, 'seats/invalid'],
      ['no forker', { step, seats: { [STUDENT_SEAT]: { by: 'open' }, [BOT_SEAT]: { by: 'open' } }, name: 'Teacher' }, session.secret, 400, 'seats/invalid'],
      ['an unknown seat', { step, seats: { ...ownSeat, eu: { by: 'open' } }, name: 'Teacher' }, session.secret, 400, 'seats/invalid'],
      ['a seat left out', { step, seats: { [STUDENT_SEAT]: { by: 'me' } }, name: 'Teacher' }, session.secret, 400, 'seats/invalid'],
      ['a step past the record', { step: step + 1, seats: ownSeat, name: 'Teacher' }, session.secret, 400, 'step/out-of-range'],
      ['a step no record has', { step: 10_001, seats: ownSeat, name: 'Teacher' }, session.secret, 400, 'body/invalid'],
      ['a name with control characters', { step, seats: ownSeat, name: 'Tea\u0007cher' }, session.secret, 400, 'body/invalid'],
      ['an unknown bot', { step, seats: { [STUDENT_SEAT]: { by: 'me' }, [BOT_SEAT]: { by: 'bot', policy: 'genius' } }, name: 'Teacher' }, session.secret, 400, 'body/invalid'],
      ['not JSON', '{"step": 1,', session.secret, 400, 'body/malformed'],
    ];
    for (const [why, body, who, status, code] of refusals) {
      const res = await fork(gameId, body, who);
      expect({ why, status: res.status, body: res.body }).toMatchObject({ why, status, body: { code } });
    }
    expect(await games()).toEqual(before);
    expect((await fork('nope', { step: 0, seats: ownSeat, name: 'Teacher' }, session.secret)).status).toBe(404);

    // Into their own seat, the other to a bot, before the bot sealed anything: allowed.
    const own = await forked(gameId, { step: decisionBegan, seats: ownSeat, name: 'Ana' }, token);
    expect(own.seat).toBe(STUDENT_SEAT);
    expect(await file.server.store.loadSeatBots(own.gameId)).toEqual({ [BOT_SEAT]: 'defensive' });

    // ---- once the game has ended, anyone may fork it, but not at its end ----------------------------
    await steer(file.server, session, { type: 'end', table: '1' });
    await watch.view((s) => s.phase === 'ended');
    const ended = await storedRecord(file.server, gameId);
    const atEnd = await fork(gameId, { step: ended.entries.length, seats: ownSeat, name: 'Visitor' });
    expect(atEnd).toMatchObject({ status: 400, body: { code: 'fork/ended' } });
    const open = await forked(gameId, { step: 3, seats: { [STUDENT_SEAT]: { by: 'open' }, [BOT_SEAT]: { by: 'me' } }, name: 'Visitor' });
    expect(open.seat).toBe(BOT_SEAT);
    // The open seat waits for whoever opens the link.
    const guest = await joinGame(file.server, open.gameId, { name: 'Guest', seat: STUDENT_SEAT });
    expect((await guest.welcome()).seat).toBe(STUDENT_SEAT);
    expect((await file.server.store.listForks(gameId)).map((f) => [f.gameId, f.step])).toEqual([
      [made.gameId, step],
      [own.gameId, decisionBegan],
      [open.gameId, 3],
    ]);

    await Promise.all([me.room.leave(), guest.room.leave(), player.room.leave(), watch.room.leave(), student.lobby.room.leave()]);
  });

  it('a fork of a game played long ago gets its whole phase, counted from when it was made', async () => {
    const hourAgo = Date.now() - 3_600_000;
    const gameId = 'played-long-ago';
    await file.server.store.createGame({ gameId, scenarioId: file.scenario.id, scenarioVersion: file.scenario.version, seed: 11, createdAt: hourAgo, timers: LONG_TIMERS, cards: 'end' });
    await file.server.store.appendEntry(gameId, { kind: 'advance', seq: 1, at: hourAgo + 1000, actor: { kind: 'timer' }, reason: 'timer' });
    await file.server.store.markFinished(gameId);
    const made = await forked(gameId, { step: 1, seats: { [STUDENT_SEAT]: { by: 'me' }, [BOT_SEAT]: { by: 'open' } }, name: 'Later' });
    const me = await joinGame(file.server, made.gameId, { name: 'Later', seatToken: made.seatToken });
    const waiting = await me.view();
    expect(waiting.state).toMatchObject({ phase: 'negotiation', version: 1 });
    // The open seat is empty: the fork waits in its lobby, with no clock.
    expect(waiting).toMatchObject({ deadline: null, lobby: { empty: [BOT_SEAT] } });
    const guest = await joinGame(file.server, made.gameId, { name: 'Guest', seat: BOT_SEAT });
    const view = await me.view((_s, v) => v.lobby === null);
    // A phase clocked from the parent's advance would have ended an hour ago (and been given a few seconds' grace).
    expect(view.deadline ?? 0).toBeGreaterThan(Date.now() + (LONG_TIMERS.negotiation - 60) * 1000);
    await Promise.all([me.room.leave(), guest.room.leave()]);
  });
});
