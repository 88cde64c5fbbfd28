import { describe, expect, it } from 'vitest';
import { GameRecord } from '../../shared/record.ts';
import { createScrubber, ReviewData, ReviewFrame, timelineOf } from '../../shared/review/index.ts';
import { playerView, stateHash } from '../../shared/rules/index.ts';
import type { GameState } from '../../shared/rules/state.ts';
import { SCORED_MOVES } from '../../shared/scoring/card.ts';
import { InstructorView } from '../../shared/session.ts';
import { accessOf } from '../../server/http/review-access.ts';
import { ReplayCache } from '../../server/http/replay-cache.ts';
import { createGame, joinGame, storedRecord } from './harness.ts';
import { classServerForFile, drive } from './session-harness.ts';
import { bearer, BOT_SEAT, STUDENT_SEAT, studentToDecision, watchedTable } from './review-harness.ts';

const file = classServerForFile();

async function get(path: string, token: string | null = null): Promise<{ status: number; body: unknown; text: string }> {
  const res = await fetch(`${file.server.url}/api${path}`, { headers: bearer(token) });
  const text = await res.text();
  return { status: res.status, body: JSON.parse(text) as unknown, text };
}

async function review(gameId: string, token: string | null = null): Promise<{ data: ReviewData; text: string }> {
  const res = await get(`/games/${gameId}/review`, token);
  if (res.status !== 200) throw new Error(`review: HTTP ${res.status} ${res.text}`);
  return { data: ReviewData.parse(res.body), text: res.text };
}

async function frame(gameId: string, step: number, token: string | null = null): Promise<{ frame: ReviewFrame; text: string }> {
  const res = await get(`/games/${gameId}/review/frames/${step}`, token);
  if (res.status !== 200) throw new Error(`frame ${step}: HTTP ${res.status} ${res.text}`);
  return { frame: ReviewFrame.parse(res.body), text: res.text };
}

/** What an instructor's view carries: the whole state, but the seed and the PRNG state, which no one reads. */
function unseeded(state: GameState): GameState {
  return { ...state, seed: 0, rng: 0 };
}

describe('a game’s review', () => {
  it('replays a class table exactly as it was played, shows a student only their seat’s share while it runs, and everything once it has ended', { timeout: 120_000 }, async () => {
    const { session, student, player, watch, gameId } = await watchedTable(file.server, 'Ana');
    const token = student.joined.studentToken;

    // ---- round 1's decision: the bot has sealed its levels, the student has not --------------
    await studentToDecision(player);
    const sealed = await watch.view((s) => s.phase === 'decision' && s.seats[BOT_SEAT]?.submitted === true);
    await file.server.scorer.idle();
    const botDecision = sealed.state.seats[BOT_SEAT]?.decision;
    const botHidden = sealed.state.seats[BOT_SEAT]?.hidden ?? {};
    expect(botDecision).not.toBeNull();
    expect(Object.keys(botHidden).length).toBeGreaterThan(0);
    const running = await storedRecord(file.server, gameId);
    const steps = running.entries.length;
    expect(sealed.state.version).toBe(steps);

    // Without a bearer, or with one that is no one's, a running game shows nothing.
    for (const wrong of [null, 'not-a-token', session.secret.slice(1)]) {
      const res = await get(`/games/${gameId}/review`, wrong);
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ code: 'review/forbidden' });
      expect((await get(`/games/${gameId}/review/frames/0`, wrong)).status).toBe(403);
    }
    expect((await get(`/games/${gameId}/record`)).body).toMatchObject({ code: 'record/in-play' });
    expect((await get(`/games/${gameId}/record`, token)).status).toBe(403);

    // The instructor sees everything: the record, the bot's sealed levels, both seats' cards.
    const full = await review(gameId, session.secret);
    expect(full.data).toMatchObject({ gameId, access: 'full', seat: null, finished: false, session: { sessionId: session.sessionId, table: '1' }, parent: null, forks: [] });
    expect(full.data.record).toEqual(running);
    expect(full.data.ledger).toBeInstanceOf(Array);
    expect(full.data.timeline).toEqual(timelineOf(file.scenario, running));
    expect(full.data.occupants).toEqual({ [STUDENT_SEAT]: 'Ana', [BOT_SEAT]: 'bot:dealmaker' });
    const botCards = full.data.cards.filter((card) => card.seat === BOT_SEAT);
    expect(botCards.map((card) => card.seq)).toContain(running.entries.find((e) => e.kind === 'move' && e.seat === BOT_SEAT && e.move.type === 'decide')?.seq);
    expect(GameRecord.parse((await get(`/games/${gameId}/record`, session.secret)).body)).toEqual(running);

    // The student: their seat, no record, the bot's moves by type only, none of the bot's cards.
    const seat = await review(gameId, token);
    expect(seat.data).toMatchObject({ gameId, access: 'seat', seat: STUDENT_SEAT, record: null, finished: false });
    expect(seat.data.cards.every((card) => card.seat === STUDENT_SEAT)).toBe(true);
    expect(seat.data.ledger.every((line) => line.seat === STUDENT_SEAT || line.counterpart === STUDENT_SEAT)).toBe(true);
    // Two seats: every entry is one the student may know of, whole (they saw it at the table) but the bot's sealed decision, by type only.
    expect(seat.data.timeline.map((e) => e.seq)).toEqual(running.entries.map((e) => e.seq));
    const hidden = seat.data.timeline.filter((e) => e.kind === 'move' && e.move === null);
    expect(hidden.map((e) => [e.seat, e.moveType])).toEqual([[BOT_SEAT, 'decide']]);
    // The sealed levels and the hidden parameters are in the instructor's text, and in none of the student's.
    const botDecide = running.entries.find((e) => e.kind === 'move' && e.seat === BOT_SEAT && e.move.type === 'decide');
    if (botDecide?.kind !== 'move' || botDecide.move.type !== 'decide') throw new Error('the bot has not decided');
    expect(Object.keys(botDecide.move.levels).length).toBeGreaterThan(0);
    const secrets = [`"levels":${JSON.stringify(botDecide.move.levels)}`, `"decision":${JSON.stringify(botDecision)}`, `"hidden":${JSON.stringify(botHidden)}`];
    const fullFrame = await frame(gameId, steps, session.secret);
    expect(fullFrame.frame.state.seats[BOT_SEAT]?.decision).toEqual(botDecision);
    expect(full.text).toContain(secrets[0]);
    expect(fullFrame.text).toContain(secrets[1]);
    expect(fullFrame.text).toContain(secrets[2]);
    for (const secret of secrets) expect(seat.text).not.toContain(secret);

    // Every step, as the student's seat saw it: the seat's own view of the replayed state, nothing of the bot's secrets.
    const scrubber = createScrubber(file.scenario, running);
    for (let step = 0; step <= steps; step++) {
      const { frame: seen, text } = await frame(gameId, step, token);
      expect(seen.step).toBe(step);
      expect(stateHash(seen.state)).toBe(stateHash(playerView(scrubber.stateAt(step), STUDENT_SEAT)));
      expect(seen.state.seats[BOT_SEAT]?.hidden).toEqual({});
      if (seen.state.phase === 'decision') expect(seen.state.seats[BOT_SEAT]?.decision).toBeNull();
      for (const secret of secrets) expect(text).not.toContain(secret);
    }

    // Steps outside the record, and games that do not exist.
    for (const bad of [String(steps + 1), '-1', '1.5', 'abc', '1e3', '99999999']) {
      const res = await get(`/games/${gameId}/review/frames/${bad}`, session.secret);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'step/out-of-range' });
    }
    for (const path of ['/games/nope/review', '/games/nope/review/frames/0', `/games/${'x'.repeat(41)}/review`, '/games/nope/record']) {
      const res = await get(path, session.secret);
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ code: 'game/unknown' });
    }

    // ---- the round resolves: the student's own card is theirs to read, the bot's still not ------
    const before = player.latest().state;
    player.move({ type: 'decide', version: before.version, levels: {} });
    await watch.view((s) => s.phase === 'resolution');
    await file.server.scorer.idle();
    const resolved = await storedRecord(file.server, gameId);
    const ownDecide = resolved.entries.find((e) => e.kind === 'move' && e.seat === STUDENT_SEAT && e.move.type === 'decide');
    const afterRound = await review(gameId, token);
    expect(afterRound.data.cards.map((card) => card.seq)).toContain(ownDecide?.seq);
    expect(afterRound.data.cards.every((card) => card.seat === STUDENT_SEAT)).toBe(true);

    // ---- played to the end -------------------------------------------------------------------
    drive(player, file.scenario, 'defensive', 7);
    await watch.view((s) => s.phase === 'ended');
    await file.server.scorer.idle();
    const record = await storedRecord(file.server, gameId);
    const replayed = createScrubber(file.scenario, record);
    // The state version counts the entries applied: every entry moves it by exactly one.
    for (let step = 0; step <= record.entries.length; step++) expect(replayed.stateAt(step).version).toBe(step);

    // Replay at every step equals the live state the instructor was shown at that step.
    const views = watch.since(0, 'view').map((m) => InstructorView.parse(m.payload));
    const seen = new Set<number>();
    for (const view of views) {
      expect(stateHash(view.state)).toBe(stateHash(unseeded(replayed.stateAt(view.state.version))));
      seen.add(view.state.version);
    }
    const first = Math.min(...seen);
    expect(first).toBeLessThanOrEqual(2);
    expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: record.entries.length - first + 1 }, (_v, i) => first + i));

    // Once it has ended, anyone with the id reads everything.
    const ended = await review(gameId);
    expect(ended.data).toMatchObject({ access: 'full', seat: null, finished: true });
    expect(ended.data.record).toEqual(record);
    const decisions = record.entries.filter((e) => e.kind === 'move' && SCORED_MOVES.has(e.move.type)).map((e) => e.seq);
    expect(ended.data.cards.map((card) => card.seq)).toEqual(decisions);
    expect((await frame(gameId, 5)).frame.state).toEqual(replayed.stateAt(5));
    expect(GameRecord.parse((await get(`/games/${gameId}/record`)).body)).toEqual(record);
    // The student too now gets the whole game.
    expect((await review(gameId, token)).data.access).toBe('full');

    await Promise.all([player.room.leave(), watch.room.leave(), student.lobby.room.leave()]);
  });

  it('at a game of its own, each seat’s token reads that seat; the file.server’s own key reads everything; a stranger nothing', async () => {
    const gameId = await createGame(file.server);
    const ana = await joinGame(file.server, gameId, { name: 'Ana', seat: 'us' });
    const luis = await joinGame(file.server, gameId, { name: 'Luis', seat: 'mx' });
    const [anaToken, luisToken] = [(await ana.welcome()).seatToken, (await luis.welcome()).seatToken];
    for (const [token, seat] of [[anaToken, 'us'], [luisToken, 'mx']] as const) {
      expect((await review(gameId, token)).data).toMatchObject({ access: 'seat', seat, record: null, session: null, occupants: { us: 'Ana', mx: 'Luis' } });
    }
    expect((await get(`/games/${gameId}/review`, `${anaToken}x`)).status).toBe(403);
    expect((await get(`/games/${gameId}/review`, 'y'.repeat(201))).status).toBe(403);

    const game = await file.server.store.loadGame(gameId);
    if (game === null) throw new Error('no game');
    expect(await accessOf(file.server.store, game, 'server-key', 'server-key')).toEqual({ kind: 'full' });
    expect(await accessOf(file.server.store, game, 'server-kez', 'server-key')).toEqual({ kind: 'none' });
    expect(await accessOf(file.server.store, game, null, 'server-key')).toEqual({ kind: 'none' });
    expect(await accessOf(file.server.store, game, '', '')).toEqual({ kind: 'none' });
    expect(await accessOf(file.server.store, game, luisToken, 'server-key')).toEqual({ kind: 'seat', seat: 'mx' });
    await Promise.all([ana.room.leave(), luis.room.leave()]);
  });

  it('keeps the replays of the most recently reviewed games, and replays a game again once its record has grown', async () => {
    const record = (entries: number, gameId: string): GameRecord => ({ gameId, scenarioId: file.scenario.id, scenarioVersion: file.scenario.version, seed: 3, createdAt: 0, entries: Array.from({ length: entries }, (_v, i) => ({ kind: 'advance', seq: i + 1, at: i, actor: { kind: 'timer' }, reason: 'timer' }) as const) });
    const cache = new ReplayCache(2);
    const a = cache.of(file.scenario, record(1, 'a'));
    expect(cache.of(file.scenario, record(1, 'a'))).toBe(a);
    const grown = cache.of(file.scenario, record(2, 'a'));
    expect(grown).not.toBe(a);
    expect(grown.scrubber.steps).toBe(2);
    // What is read off a replay whole is read once.
    expect(grown.timeline()).toBe(grown.timeline());
    const b = cache.of(file.scenario, record(0, 'b'));
    cache.of(file.scenario, record(2, 'a'));
    cache.of(file.scenario, record(0, 'c'));
    // 'b' was the least recently used of the three: it went, 'a' stayed.
    expect(cache.size).toBe(2);
    expect(cache.of(file.scenario, record(2, 'a'))).toBe(grown);
    expect(cache.of(file.scenario, record(0, 'b'))).not.toBe(b);
  });
});
