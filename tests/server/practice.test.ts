import { join, resolve } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../server/app.ts';
import type { RunningServer } from '../../server/app.ts';
import { BotPolicyId } from '../../shared/framework.ts';
import { CreatedPractice } from '../../shared/practice.ts';
import type { CreatePracticeBody } from '../../shared/practice.ts';
import type { GameRecord } from '../../shared/record.ts';
import { FAST_PLAY, createGame, joinGame, storedRecord, tempDataDir } from './harness.ts';
import type { Player } from './harness.ts';

/** Bots a little slower than the test's own moves, so each one is seen to wait its pace. */
const PACE_MS = 150;
const ROOT = resolve(import.meta.dirname, '../..');

let server: RunningServer;
let data: Awaited<ReturnType<typeof tempDataDir>>;

beforeAll(async () => {
  data = await tempDataDir();
  server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir: data.dir,
    scenariosDir: join(ROOT, 'scenarios'),
    distDir: join(data.dir, 'no-dist'),
    log: pino({ level: process.env.TEST_LOG ?? 'silent' }),
    messageRate: FAST_PLAY,
    botPaceMs: PACE_MS,
  });
});

afterAll(async () => {
  await server?.close();
  await data?.remove();
});

async function practise(body: Partial<CreatePracticeBody>): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${server.url}/api/practice`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ scenarioId: 'tutorial', seat: 'norland', name: 'Ana', seed: 7, ...body }),
  });
  return { status: res.status, body: await res.json() };
}

async function sitDown(body: Partial<CreatePracticeBody>): Promise<{ made: CreatedPractice; me: Player }> {
  const answer = await practise(body);
  expect(answer.status).toBe(201);
  const made = CreatedPractice.parse(answer.body);
  const me = await joinGame(server, made.gameId, { name: 'Ana', seat: made.seat, seatToken: made.seatToken });
  return { made, me };
}

/** The record's moves and advances after `from`, as "seat:type" and "advance". */
function steps(record: GameRecord, from = 0): string[] {
  return record.entries.slice(from).map((e) => (e.kind === 'move' ? `${e.seat}:${e.move.type}` : e.kind));
}

describe('practice alone against bots', () => {
  it('makes a game of one student and bots (asked for, or drawn), untimed: it begins when the student arrives, with its clock held', async () => {
    const { made, me } = await sitDown({ bots: { vadia: 'random' } });
    expect(made.seat).toBe('norland');
    expect(BotPolicyId.options).toContain(made.bots.vadia);
    expect(Object.keys(made.bots)).toEqual(['vadia']);
    const begun = await me.view((_s, v) => v.lobby === null);
    expect(begun).toMatchObject({ seat: 'norland', selfPaced: true, paused: true, deadline: null });
    expect(begun.occupants).toEqual({ norland: { name: 'Ana', connected: true }, vadia: { name: `bot:${made.bots.vadia}`, connected: true } });
    expect((await server.store.loadSeatBots(made.gameId))).toEqual(made.bots);

    // Held, play goes on: the bot reads the briefing as long as the student does, then follows her.
    expect(begun.state.seats.vadia?.ready).toBe(false);
    me.move({ type: 'ready', version: me.version });
    const negotiating = await me.view((s) => s.phase === 'negotiation');
    expect(negotiating).toMatchObject({ paused: true, deadline: null });
    expect(steps(await storedRecord(server, made.gameId))).toEqual(['norland:ready', 'vadia:ready', 'advance']);

    // The student lets the clock run, and holds it again: the time left is kept.
    me.sendRaw('clock', { type: 'resume' });
    const running = await me.view((_s, v) => v.deadline !== null);
    expect(running.paused).toBe(false);
    me.sendRaw('clock', { type: 'pause' });
    expect(await me.view((_s, v) => v.paused)).toMatchObject({ deadline: null });
    const mark = me.mark();
    me.sendRaw('clock', { type: 'stop' });
    expect((await me.refused(mark)).code).toBe('move/malformed');
    await me.room.leave();
  });

  it('the student gives a phase more time: the deadline moves by exactly what she asked, and a bad request changes nothing', async () => {
    const { me } = await sitDown({ bots: { vadia: 'restraint' }, timed: true });
    const begun = await me.view((_s, v) => v.lobby === null && v.deadline !== null);
    const deadline = begun.deadline ?? 0;
    me.sendRaw('clock', { type: 'extend', seconds: 90 });
    const extended = await me.view((_s, v) => v.deadline !== deadline);
    expect(extended).toMatchObject({ paused: false, deadline: deadline + 90_000 });
    expect(extended.state.phaseVersion).toBe(begun.state.phaseVersion);

    for (const bad of [{ type: 'extend' }, { type: 'extend', seconds: 4 }, { type: 'extend', seconds: 1801 }, { type: 'extend', seconds: 1.5 }, { type: 'extend', seconds: '60' }]) {
      const mark = me.mark();
      me.sendRaw('clock', bad);
      expect((await me.refused(mark)).code).toBe('move/malformed');
    }
    // Held, the extra time waits in the time left: running again, the deadline is further off than before the hold.
    me.sendRaw('clock', { type: 'pause' });
    await me.view((_s, v) => v.paused);
    me.sendRaw('clock', { type: 'extend', seconds: 600 });
    me.sendRaw('clock', { type: 'resume' });
    const resumed = await me.view((_s, v) => !v.paused && v.deadline !== null);
    expect(resumed.deadline ?? 0).toBeGreaterThan(deadline + 600_000);
    await me.room.leave();
  });

  it('a timed practice game runs its clock from the moment its student sits down', async () => {
    const before = Date.now();
    const { me } = await sitDown({ bots: { vadia: 'restraint' }, timed: true });
    const begun = await me.view((_s, v) => v.lobby === null);
    expect(begun.paused).toBe(false);
    // The tutorial's briefing lasts 75 seconds: its reading time at 200 words a minute.
    expect(begun.deadline ?? 0).toBeGreaterThanOrEqual(before + 75_000);
    await me.room.leave();
  });

  it('refuses a seat not in the scenario, or a bot in the student’s own seat, and creates nothing', async () => {
    const games = async (): Promise<number> => (await server.store.listUnfinished()).length;
    const count = await games();
    expect(await practise({ seat: 'atlantis' })).toMatchObject({ status: 400, body: { code: 'seats/invalid' } });
    expect(await practise({ bots: { norland: 'dealmaker' } })).toMatchObject({ status: 400, body: { code: 'seats/invalid' } });
    expect(await practise({ bots: { vadia: 'chaotic' as 'dealmaker' } })).toMatchObject({ status: 400, body: { code: 'body/invalid' } });
    expect(await practise({ name: '' })).toMatchObject({ status: 400 });
    expect(await games()).toBe(count);
  });

  it('only the player of a practice game holds its clock or extends it', async () => {
    const gameId = await createGame(server, {});
    const ana = await joinGame(server, gameId, { name: 'Ana', seat: 'us' });
    const luis = await joinGame(server, gameId, { name: 'Luis', seat: 'mx' });
    await ana.view((_s, v) => v.lobby === null);
    const mark = ana.mark();
    ana.sendRaw('clock', { type: 'pause' });
    expect((await ana.refused(mark)).code).toBe('seat/not-yours');
    expect(ana.latest().paused).toBe(false);
    const deadline = ana.latest().deadline;
    const again = ana.mark();
    ana.sendRaw('clock', { type: 'extend', seconds: 60 });
    expect(await ana.refused(again)).toMatchObject({ code: 'seat/not-yours', about: 'clock' });
    expect(ana.latest().deadline).toBe(deadline);
    await Promise.all([ana.room.leave(), luis.room.leave()]);
  });
});

describe('bots that play like people', () => {
  it('a bot withdraws its own unanswered offer once the student is ready: it is never the reason the table waits', async () => {
    const { made, me } = await sitDown({ bots: { vadia: 'dealmaker' } });
    await me.view((_s, v) => v.lobby === null);
    me.move({ type: 'ready', version: me.version });
    await me.view((s) => s.phase === 'negotiation');
    const from = (await storedRecord(server, made.gameId)).entries.length;
    // The bot opens with an offer, then waits for an answer rather than saying ready.
    const offered = await me.view((s) => s.proposals.some((p) => p.from === 'vadia' && p.status === 'open'));
    expect(offered.state.seats.vadia?.ready).toBe(false);
    // The student lets it stand and says ready: the bot takes its offer back, says ready, and the phase ends.
    me.move({ type: 'ready', version: offered.state.version });
    const deciding = await me.view((s) => s.phase === 'decision');
    expect(deciding.state.proposals.filter((p) => p.from === 'vadia').map((p) => p.status)).toEqual(['withdrawn']);
    expect(steps(await storedRecord(server, made.gameId), from)).toEqual(['vadia:propose', 'norland:ready', 'vadia:withdraw', 'vadia:ready', 'advance']);
    await me.room.leave();
  });

  it('a bot answers a proposal made to it before it says ready', async () => {
    const { made, me } = await sitDown({ bots: { vadia: 'dealmaker' } });
    await me.view((_s, v) => v.lobby === null);
    me.move({ type: 'ready', version: me.version });
    await me.view((s) => s.phase === 'negotiation');
    const from = (await storedRecord(server, made.gameId)).entries.length;
    const offered = await me.view((s) => s.proposals.some((p) => p.from === 'vadia' && p.status === 'open'));
    const theirs = offered.state.proposals.find((p) => p.from === 'vadia');
    // While its own offer waits, the student puts one of hers: the bot answers it first.
    me.move({ type: 'propose', version: offered.state.version, to: 'vadia', rounds: 1, commitments: [{ seat: 'vadia', instrument: 'va_patrols', amount: 10 }, { seat: 'norland', instrument: 'no_aid', amount: 20 }] });
    const answered = await me.view((s) => s.proposals.some((p) => p.from === 'norland' && p.status !== 'open'));
    expect(answered.state.seats.vadia?.ready).toBe(false);
    // The student turns down what the bot has open (its offer, and a counter if that was its answer).
    const open = answered.state.proposals.filter((p) => p.from === 'vadia' && p.status === 'open');
    expect(open.map((p) => p.id)).toContain(theirs?.id);
    for (const p of open) {
      me.move({ type: 'reject', version: me.version, proposalId: p.id });
      await me.view((s) => s.proposals.some((q) => q.id === p.id && q.status === 'rejected'));
    }
    // Nothing of its own left open and nothing to answer, the bot says ready; the student's ready ends the phase.
    const botReady = await me.view((s) => s.seats.vadia?.ready === true || s.phase === 'decision');
    if (botReady.state.phase === 'negotiation') me.move({ type: 'ready', version: botReady.state.version });
    await me.view((s) => s.phase === 'decision');
    const record = steps(await storedRecord(server, made.gameId), from);
    const answer = record.findIndex((step) => /^vadia:(accept|reject|counter)$/.test(step));
    expect(record.slice(0, 2)).toEqual(['vadia:propose', 'norland:propose']);
    expect(answer).toBe(2);
    expect(record.indexOf('vadia:ready')).toBeGreaterThan(answer);
    await me.room.leave();
  });
});
