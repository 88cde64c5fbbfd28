import { describe, expect, test } from 'vitest';
import { alertsKey, alertsOf, IDLE_SECONDS, TIMER_OUT_GRACE_MS } from '../../client/panels/table-alerts.ts';
import type { RosterEntry, TableSummary } from '../../shared/session.ts';

const NOW = 1_000_000;
const INDICATORS = { approval: 50, economy: 50, reputation: 50, credibility: 50, control: 50 };

/** A healthy two-seat table in negotiation: both seats held by students, both just moved, time left. */
function table(changes: Partial<TableSummary> = {}): TableSummary {
  return {
    table: '3',
    gameId: 'g3',
    round: 2,
    phase: 'negotiation',
    paused: false,
    deadline: NOW + 60_000,
    seats: { us: { students: ['ana'], bot: null }, mx: { students: ['bo'], bot: null } },
    indicators: { us: INDICATORS, mx: INDICATORS },
    scores: { us: 50, mx: 50 },
    events: [],
    waitingOn: ['us', 'mx'],
    lastActive: { us: NOW - 5_000, mx: NOW - 5_000 },
    latest: [],
    ...changes,
  };
}

const roster: RosterEntry[] = [
  { studentId: 'ana', name: 'Ana', table: '3', seat: 'us', connected: true },
  { studentId: 'bo', name: 'Bo', table: '3', seat: 'mx', connected: true },
  // Elsewhere: never this table's concern.
  { studentId: 'cy', name: 'Cy', table: '4', seat: 'us', connected: false },
  { studentId: 'di', name: 'Di', table: null, seat: null, connected: false },
];

describe('alerts on a table card', () => {
  test('a healthy table raises none', () => {
    expect(alertsOf(table(), roster, NOW, 0, NOW - 30_000)).toEqual([]);
  });

  test('waiting on one seat while the other is done names that seat', () => {
    expect(alertsOf(table({ phase: 'decision', waitingOn: ['mx'] }), roster, NOW, 0, NOW - 10_000)).toEqual([{ kind: 'waiting-on-one', seat: 'mx' }]);
  });

  test('a table of one seat is never "waiting on one"', () => {
    const alone = table({ seats: { us: { students: ['ana'], bot: null } }, waitingOn: ['us'] });
    expect(alertsOf(alone, roster.slice(0, 1), NOW, 0, NOW)).toEqual([]);
  });

  test('a student seat the phase waits for, quiet for two minutes, is idle; a bot seat and a seat that is done are not', () => {
    const quiet = NOW - IDLE_SECONDS * 1000;
    const summary = table({
      phase: 'decision',
      seats: { us: { students: ['ana'], bot: null }, mx: { students: [], bot: 'dealmaker' } },
      waitingOn: ['us', 'mx'],
      lastActive: { us: quiet, mx: quiet },
    });
    expect(alertsOf(summary, roster, NOW, 0, quiet - 60_000)).toEqual([{ kind: 'idle', seat: 'us', seconds: 120 }]);
    // One second short of the threshold.
    expect(alertsOf(summary, roster, NOW - 1000, 0, quiet - 60_000)).toEqual([]);
    // Sealed: nothing left to do, so not idle (and the table now waits on the bot alone).
    expect(alertsOf({ ...summary, waitingOn: ['mx'] }, roster, NOW, 0, quiet - 60_000)).toEqual([{ kind: 'waiting-on-one', seat: 'mx' }]);
  });

  test('idle counts from the phase start when the seat has not moved in it, and not at all outside negotiation and decision', () => {
    const summary = table({ lastActive: { us: NOW - 600_000 }, waitingOn: ['us', 'mx'] });
    // us moved ten minutes ago, but the phase began 30 s ago: not idle; mx never moved: the phase start counts.
    expect(alertsOf(summary, roster, NOW, 0, NOW - 30_000)).toEqual([]);
    expect(alertsOf(summary, roster, NOW, 0, NOW - 150_000)).toEqual([
      { kind: 'idle', seat: 'us', seconds: 150 },
      { kind: 'idle', seat: 'mx', seconds: 150 },
    ]);
    expect(alertsOf({ ...summary, phase: 'briefing' }, roster, NOW, 0, NOW - 150_000)).toEqual([]);
    // Neither a move nor a phase start known: no guess.
    expect(alertsOf({ ...summary, lastActive: {} }, roster, NOW, 0, null)).toEqual([]);
  });

  test('a seated student who lost the connection is named with the seat', () => {
    const away = roster.map((entry) => (entry.studentId === 'bo' ? { ...entry, connected: false } : entry));
    expect(alertsOf(table(), away, NOW, 0, NOW)).toEqual([{ kind: 'disconnected', studentId: 'bo', name: 'Bo', seat: 'mx' }]);
  });

  test('a deadline three seconds gone on a running table is a timer out; the server clock decides', () => {
    const late = table({ deadline: NOW - TIMER_OUT_GRACE_MS });
    expect(alertsOf(late, roster, NOW, 0, NOW)).toEqual([{ kind: 'timer-out', seconds: 3 }]);
    expect(alertsOf(late, roster, NOW - 1, 0, NOW)).toEqual([]);
    // This machine runs five seconds behind the server: the deadline is already 5 s gone for it.
    expect(alertsOf(table({ deadline: NOW }), roster, NOW, 5_000, NOW)).toEqual([{ kind: 'timer-out', seconds: 5 }]);
  });

  test('a paused table has no timer out and nobody idle', () => {
    const held = table({ paused: true, deadline: NOW - 60_000, lastActive: {} });
    expect(alertsOf(held, roster, NOW, 0, NOW - 600_000)).toEqual([]);
  });

  test('an ended table raises nothing, even with a student gone', () => {
    const away = roster.map((entry) => ({ ...entry, connected: false }));
    expect(alertsOf(table({ phase: 'ended', deadline: null, waitingOn: ['us'] }), away, NOW, 0, NOW - 600_000)).toEqual([]);
  });

  test('every alert at once, in a fixed order', () => {
    const away = roster.map((entry) => (entry.studentId === 'ana' ? { ...entry, connected: false } : entry));
    const summary = table({ phase: 'decision', waitingOn: ['us'], lastActive: { us: NOW - 200_000 }, deadline: NOW - 10_000 });
    expect(alertsOf(summary, away, NOW, 0, NOW - 300_000).map((a) => a.kind)).toEqual(['waiting-on-one', 'idle', 'disconnected', 'timer-out']);
  });

  test('the alerts key moves with whole minutes of idleness, not with each tick', () => {
    const at = (seconds: number) => alertsKey([{ kind: 'idle', seat: 'us', seconds }, { kind: 'timer-out', seconds }]);
    expect(at(120)).toBe(at(179));
    expect(at(179)).not.toBe(at(180));
    expect(alertsKey([])).toBe('');
  });
});
