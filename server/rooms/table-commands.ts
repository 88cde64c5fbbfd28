import type { AnyCode } from '../../shared/protocol.ts';
import type { SessionControl } from '../../shared/session.ts';
import type { TableDashboard } from './table-dashboard.ts';

/**
 * What a class session asks of one of its tables, and what the table reports back. They
 * cross between rooms as JSON (`matchMaker.remoteRoomCall`), so they stay plain data.
 */
export type TableCommand =
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'extend'; seconds: number }
  | { type: 'advance' }
  | { type: 'inject'; eventId: string }
  | { type: 'end' }
  | { type: 'announce'; text: string; at: number };

export type TableOutcome = { ok: true } | { ok: false; code: AnyCode; message: string };

/** A table's live state as its session shows it to the instructor, its dashboard fields included. */
export type TableReport = TableDashboard & {
  table: string;
  gameId: string;
  round: number;
  phase: string;
  paused: boolean;
  deadline: number | null;
  /** Students with a live connection at this table. */
  connected: string[];
};

/** The table-level part of an instructor's control; null for controls the session itself handles. */
export function tableCommandOf(control: SessionControl, at: number): TableCommand | null {
  switch (control.type) {
    case 'pause':
    case 'resume':
    case 'advance':
    case 'end':
      return { type: control.type };
    case 'extend':
      return { type: 'extend', seconds: control.seconds };
    case 'inject':
      return { type: 'inject', eventId: control.eventId };
    case 'announce':
      return { type: 'announce', text: control.text, at };
    case 'start':
    case 'move-student':
    case 'seat-bot':
      return null;
  }
}
