import { describe, expect, it } from 'vitest';
import { LONG_TIMERS, storedRecord } from './harness.ts';
import { classServerForFile, createSession, enrol, openSessionRoom, sit, steer } from './session-harness.ts';

const file = classServerForFile();

/** The session's own bot pace: the least time between two moves of one bot. */
const PACE_SECONDS = 1;

describe('a seat handed to a bot mid-round and given back', () => {
  it('keeps the round where it was: the bot makes only its paced moves, and the student plays the seat again', async () => {
    // Long phases: only a move could end this negotiation, never the clock.
    const session = await createSession(file.server, { tables: 1, timers: LONG_TIMERS, bots: null, botPaceSeconds: PACE_SECONDS });
    const instructor = await openSessionRoom(file.server, session.sessionId, { secret: session.secret });
    const ana = await enrol(file.server, session.code, 'Ana');
    const luis = await enrol(file.server, session.code, 'Luis');
    await steer(file.server, session, { type: 'start' });
    const [a, l] = await Promise.all([sit(file.server, ana), sit(file.server, luis)]);
    if (a === undefined || l === undefined) throw new Error('not seated');
    const gameId = a.status.seat?.gameId ?? '';
    const mine = a.status.seat?.seat ?? '';
    const theirs = l.status.seat?.seat ?? '';
    expect(l.status.seat?.gameId).toBe(gameId);
    expect(new Set([mine, theirs]).size).toBe(2);

    // Both read the briefing and say ready: round 1's negotiation begins.
    await a.player.view((s, v) => s.phase === 'briefing' && v.lobby === null);
    await l.player.view((s, v) => s.phase === 'briefing' && v.lobby === null);
    a.player.move({ type: 'ready', version: a.player.version });
    l.player.move({ type: 'ready', version: l.player.version });
    const before = (await a.player.view((s) => s.phase === 'negotiation')).state;
    const entriesBefore = (await storedRecord(file.server, gameId)).entries.length;

    // Mid-round, the instructor hands Ana's seat to a bot; it plays at least once.
    const handedAt = Date.now();
    await steer(file.server, session, { type: 'seat-bot', table: '1', seat: mine, policy: 'dealmaker' });
    await l.player.view((_s, v) => v.occupants[mine]?.name === 'bot:dealmaker');
    await instructor.session((v) => v.tables[0]?.seats[mine]?.bot === 'dealmaker');
    await l.player.view((s) => s.version > before.version);

    // Given back: Ana's seat is hers again, in the same round and phase.
    await steer(file.server, session, { type: 'seat-bot', table: '1', seat: mine, policy: null });
    const back = await a.player.view((_s, v) => v.seat === mine && v.occupants[mine]?.name === 'Ana');
    const givenBackAt = Date.now();
    expect(back.state.round).toBe(before.round);
    expect(back.state.phase).toBe(before.phase);
    expect(back.state.phaseVersion).toBe(before.phaseVersion);
    const summary = await instructor.session((v) => v.tables[0]?.seats[mine]?.bot === null);
    expect(summary.tables[0]?.seats[mine]?.students).toEqual([ana.joined.studentId]);
    expect((await ana.lobby.status()).seat).toMatchObject({ gameId, seat: mine });

    // The bot moved only at its pace, a first move a pace after it took the seat; nothing else ended the phase.
    const during = (await storedRecord(file.server, gameId)).entries.slice(entriesBefore);
    const botMoves = during.filter((e) => e.kind === 'move' && e.actor.kind === 'bot');
    expect(botMoves.length).toBeGreaterThanOrEqual(1);
    expect(botMoves.length).toBeLessThanOrEqual(Math.floor((givenBackAt - handedAt) / (PACE_SECONDS * 1000)));
    expect(botMoves.every((e) => e.kind === 'move' && e.seat === mine)).toBe(true);
    expect(during.filter((e) => e.kind === 'advance')).toEqual([]);

    // Ana plays her seat again: her move is accepted and recorded as hers.
    const mark = a.player.mark();
    a.player.move({ type: 'chat', version: a.player.version, to: theirs, text: 'back at the table' });
    await l.player.view((s) => s.chat.some((c) => c.text === 'back at the table'));
    expect(a.player.since(mark, 'refused')).toEqual([]);
    const chat = (await storedRecord(file.server, gameId)).entries.findLast((e) => e.kind === 'move' && e.move.type === 'chat');
    expect(chat?.actor).toEqual({ kind: 'student', memberId: ana.joined.studentId, name: 'Ana' });

    for (const p of [a.player, l.player]) await p.room.leave();
    for (const inbox of [ana.lobby, luis.lobby, instructor]) await inbox.room.leave();
  });
});
