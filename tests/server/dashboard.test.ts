import { describe, expect, it } from 'vitest';
import type { GameRecord } from '../../shared/record.ts';
import { entriesWithState, replay } from '../../shared/rules/index.ts';
import { SCORED_MOVES, type FrameworkCard } from '../../shared/scoring/card.ts';
import { SessionView } from '../../shared/session.ts';
import type { TableSummary } from '../../shared/session.ts';
import { LONG_TIMERS, storedRecord } from './harness.ts';
import { classServerForFile, createSession, enrol, openSessionRoom, sit, steer } from './session-harness.ts';

const file = classServerForFile();

/** What the dashboard must show of a table, worked out from its record and cards alone. */
function expectedActivity(record: GameRecord, cards: readonly FrameworkCard[]): Pick<TableSummary, 'lastActive' | 'latest'> {
  const lastActive: Record<string, number> = {};
  const decisions: TableSummary['latest'] = [];
  const labels = new Map(cards.map((c) => [c.seq, c.evaluation.label]));
  for (const { entry, before } of entriesWithState(file.scenario, record)) {
    if (entry.kind !== 'move') continue;
    lastActive[entry.seat] = entry.at;
    if (SCORED_MOVES.has(entry.move.type)) decisions.push({ seq: entry.seq, seat: entry.seat, round: before.round, moveType: entry.move.type, label: labels.get(entry.seq) ?? null });
  }
  return { lastActive, latest: decisions.slice(-4) };
}

describe('the instructor’s dashboard', () => {
  it('shows each table’s standing, who the phase waits for, when seats last moved and the latest decisions with their labels', { timeout: 120_000 }, async () => {
    // Cards released only at the end: the label must reach the dashboard all the same.
    const session = await createSession(file.server, { tables: 5, assignment: 'instructor', bots: 'dealmaker', cards: 'end', timers: LONG_TIMERS });
    const instructor = await openSessionRoom(file.server, session.sessionId, { secret: session.secret });
    const ana = await enrol(file.server, session.code, 'Ana');
    const ben = await enrol(file.server, session.code, 'Ben');
    await steer(file.server, session, { type: 'move-student', studentId: ana.joined.studentId, table: '1', seat: 'us' });
    await steer(file.server, session, { type: 'move-student', studentId: ben.joined.studentId, table: '1', seat: 'mx' });
    await steer(file.server, session, { type: 'start' });
    const [us, mx] = [(await sit(file.server, ana)).player, (await sit(file.server, ben)).player];

    const first = await instructor.session((v) => v.tables.length === 5 && v.tables[0]?.phase === 'briefing' && Object.keys(v.tables[0].scores).length === 2);
    const table1 = first.tables[0];
    if (table1 === undefined) throw new Error('no table 1');
    expect(table1.table).toBe('1');
    const opening = replay(file.scenario, await storedRecord(file.server, table1.gameId));
    expect(table1.indicators).toEqual({ us: opening.seats.us?.indicators, mx: opening.seats.mx?.indicators });
    expect(table1.scores).toEqual({ us: opening.seats.us?.score, mx: opening.seats.mx?.score });
    expect(table1.waitingOn).toEqual([]);
    expect(table1.lastActive).toEqual({});
    expect(table1.latest).toEqual([]);
    expect(table1.events).toEqual(opening.events);
    // An event brought in shows among the table's events in play, as the rules keep them.
    const extra = file.scenario.events.find((e) => !opening.events.includes(e.id));
    if (extra === undefined) throw new Error('the scenario has no event left to bring in');
    await steer(file.server, session, { type: 'inject', table: '1', eventId: extra.id });
    const injected = await instructor.session((v) => v.tables[0]?.events.includes(extra.id) === true);
    expect(injected.tables[0]?.events).toEqual(replay(file.scenario, await storedRecord(file.server, table1.gameId)).events);
    // Another table (its own seed and its bots' own pace, so its own events) took no injection.
    const table2 = injected.tables[1];
    if (table2 === undefined) throw new Error('no table 2');
    expect((await storedRecord(file.server, table2.gameId)).entries.filter((e) => e.kind === 'inject')).toEqual([]);

    // Negotiation waits for both seats to be ready, then for the one that is not.
    for (const p of [us, mx]) p.move({ type: 'ready', version: (await p.view()).state.version });
    await instructor.session((v) => v.tables[0]?.phase === 'negotiation' && v.tables[0].waitingOn.length === 2);
    us.move({ type: 'ready', version: (await us.view((s) => s.phase === 'negotiation')).state.version });
    expect((await instructor.session((v) => v.tables[0]?.waitingOn.length === 1)).tables[0]?.waitingOn).toEqual(['mx']);
    mx.move({ type: 'ready', version: (await mx.view((s) => s.phase === 'negotiation')).state.version });

    // The decision phase waits for every seat's sealed decision; once the US decides, only Mexico.
    const deciding = await instructor.session((v) => v.tables[0]?.phase === 'decision');
    expect(deciding.tables[0]?.waitingOn).toEqual(['us', 'mx']);
    us.move({ type: 'decide', version: (await us.view((s) => s.phase === 'decision')).state.version, levels: {} });
    const decided = await instructor.session((v) => v.tables[0]?.waitingOn.length === 1);
    const afterDecide = decided.tables[0];
    expect(afterDecide?.waitingOn).toEqual(['mx']);
    const record = await storedRecord(file.server, table1.gameId);
    const decide = record.entries.at(-1);
    if (decide?.kind !== 'move' || decide.move.type !== 'decide') throw new Error('the last entry is not the decision');
    expect(afterDecide?.lastActive.us).toBe(decide.at);
    expect(afterDecide?.lastActive.mx).toBe(record.entries.findLast((e) => e.kind === 'move' && e.seat === 'mx')?.at);
    expect(afterDecide?.latest.at(-1)).toMatchObject({ seq: decide.seq, seat: 'us', round: 1, moveType: 'decide' });

    // Once scored, the decision shows its label, though the student will not see the card before the end.
    // The label reaches the dashboard once the card is stored.
    const labelled = await instructor.session((v) => v.tables[0]?.latest.at(-1)?.label !== null);
    const cards = await file.server.store.loadCards(table1.gameId);
    const card = cards.find((c) => c.seq === decide.seq);
    if (card === undefined) throw new Error('the decision was not scored');
    expect(labelled.tables[0]).toMatchObject(expectedActivity(record, cards));
    expect(labelled.tables[0]?.latest.at(-1)?.label).toBe(card.evaluation.label);
    expect(us.since(0, 'cards')).toEqual([]);

    // The bot tables play on their own; each one's dashboard follows its record.
    const ended = await instructor.session((v) => v.tables.slice(1).every((t) => t.phase === 'ended'));
    for (const t of ended.tables.slice(1)) {
      const botRecord = await storedRecord(file.server, t.gameId);
      const final = replay(file.scenario, botRecord);
      expect(t.waitingOn).toEqual([]);
      expect(t.scores).toEqual({ us: final.seats.us?.score, mx: final.seats.mx?.score });
      expect(t.indicators.mx).toEqual(final.seats.mx?.indicators);
      const expected = expectedActivity(botRecord, []);
      expect(t.lastActive).toEqual(expected.lastActive);
      expect(t.latest.map(({ label: _label, ...rest }) => rest)).toEqual(expected.latest.map(({ label: _label, ...rest }) => rest));
      expect(t.latest).toHaveLength(4);
    }

    // Ended and closed, the session is read from the store: the same fields, every label in.
    await steer(file.server, session, { type: 'end' });
    await file.server.scorer.idle();
    for (const inbox of [instructor, ana.lobby, ben.lobby, us, mx]) await inbox.room.leave();
    await file.server.logs.waitFor((line) => line.msg === 'session room closed' && line.sessionId === session.sessionId);
    const res = await fetch(`${file.server.url}/api/sessions/${session.sessionId}`, { headers: { authorization: `Bearer ${session.secret}` } });
    const stored = SessionView.parse(await res.json());
    expect(stored.tables).toHaveLength(5);
    for (const t of stored.tables) {
      const tableRecord = await storedRecord(file.server, t.gameId);
      const final = replay(file.scenario, tableRecord);
      expect(t).toMatchObject({ round: final.round, phase: final.phase, waitingOn: [] });
      expect(t.scores).toEqual({ us: final.seats.us?.score, mx: final.seats.mx?.score });
      expect(t.indicators).toEqual({ us: final.seats.us?.indicators, mx: final.seats.mx?.indicators });
      expect({ lastActive: t.lastActive, latest: t.latest }).toEqual(expectedActivity(tableRecord, await file.server.store.loadCards(t.gameId)));
    }
    expect(stored.tables[0]?.phase).toBe('ended');
  });
});
