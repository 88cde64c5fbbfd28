import type { RosterEntry, TableSummary } from '../../shared/session.ts';

/** A seat that has not moved for this long while the table talks or decides is flagged. */
export const IDLE_SECONDS = 120;
/** A deadline this far behind, on a table that is not held, means the phase did not move on by itself. */
export const TIMER_OUT_GRACE_MS = 3000;

/** Phases in which students are expected to act. */
const ACTIVE_PHASES: ReadonlySet<string> = new Set(['negotiation', 'decision']);

/** Why a table may need the instructor, one reason each. */
export type Alert =
  /** The phase waits for this one seat while every other seat is done. */
  | { kind: 'waiting-on-one'; seat: string }
  /** A student-held seat the phase waits for has made no move for `seconds`. */
  | { kind: 'idle'; seat: string; seconds: number }
  /** A student seated here has lost the connection. */
  | { kind: 'disconnected'; studentId: string; name: string; seat: string }
  /** The deadline passed `seconds` ago and the table is not paused. */
  | { kind: 'timer-out'; seconds: number };

export type AlertKind = Alert['kind'];

/**
 * What needs the instructor at one table, worked out from the live view alone. `now` is
 * this machine's clock and `serverOffset` the server's lead over it (deadlines and move
 * times are the server's). `phaseSince` is when this page first saw the table in its
 * current phase (server ms): the summary carries no phase start, and a seat's last move
 * from an earlier phase must not count as silence in this one.
 */
export function alertsOf(summary: TableSummary, roster: readonly RosterEntry[], now: number, serverOffset: number, phaseSince: number | null = null): Alert[] {
  if (summary.phase === 'ended') return [];
  const serverNow = now + serverOffset;
  const alerts: Alert[] = [];
  const seatIds = Object.keys(summary.seats);

  if (summary.waitingOn.length === 1 && seatIds.length > 1) {
    const [seat] = summary.waitingOn;
    if (seat !== undefined) alerts.push({ kind: 'waiting-on-one', seat });
  }

  // A held table is quiet on purpose: nobody is idle and no timer runs out.
  if (!summary.paused && ACTIVE_PHASES.has(summary.phase)) {
    for (const seat of seatIds) {
      const holder = summary.seats[seat];
      if (holder === undefined || holder.students.length === 0 || holder.bot !== null) continue;
      // A seat that has sealed its decision or said it is ready has nothing left to do.
      if (!summary.waitingOn.includes(seat)) continue;
      const since = Math.max(summary.lastActive[seat] ?? -Infinity, phaseSince ?? -Infinity);
      if (!Number.isFinite(since)) continue;
      const seconds = Math.floor((serverNow - since) / 1000);
      if (seconds >= IDLE_SECONDS) alerts.push({ kind: 'idle', seat, seconds });
    }
  }

  for (const entry of roster) {
    if (entry.table !== summary.table || entry.seat === null || entry.connected) continue;
    alerts.push({ kind: 'disconnected', studentId: entry.studentId, name: entry.name, seat: entry.seat });
  }

  if (!summary.paused && summary.deadline !== null) {
    const late = serverNow - summary.deadline;
    if (late >= TIMER_OUT_GRACE_MS) alerts.push({ kind: 'timer-out', seconds: Math.floor(late / 1000) });
  }
  return alerts;
}

/**
 * What an alert says on screen changes only when this key does: idle time counts in whole
 * minutes and a late timer not at all, so a 500 ms tick rewrites nothing while it stands.
 */
export function alertsKey(alerts: readonly Alert[]): string {
  return alerts
    .map((alert) => {
      switch (alert.kind) {
        case 'waiting-on-one':
          return `w:${alert.seat}`;
        case 'idle':
          return `i:${alert.seat}:${Math.floor(alert.seconds / 60)}`;
        case 'disconnected':
          return `d:${alert.studentId}:${alert.seat}:${alert.name}`;
        case 'timer-out':
          return 't';
      }
    })
    .join('|');
}
