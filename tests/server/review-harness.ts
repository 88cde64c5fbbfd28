import { Client } from '@colyseus/sdk';
import type { CardRelease } from '../../shared/protocol.ts';
import type { RunningServer } from '../../server/app.ts';
import { LONG_TIMERS, Player } from './harness.ts';
import { createSession, enrol, sit, steer } from './session-harness.ts';
import type { MadeSession, Student } from './session-harness.ts';

/** Where the student sits: the transit state, so the bot across the table holds the hidden parameters. */
export const STUDENT_SEAT = 'mx';
export const BOT_SEAT = 'us';

/** A class table with one student and a bot, the instructor watching. */
export type WatchedTable = {
  session: MadeSession;
  student: Student;
  /** The student's connection to the table. */
  player: Player;
  /** The instructor's: every view carries the whole state. */
  watch: Player;
  gameId: string;
};

/**
 * A class of one: the instructor puts the student at the transit seat, the class's bot
 * takes the other, and the instructor watches the table from before anyone can move
 * (the bot can press ready, but no phase ends without the student).
 */
export async function watchedTable(server: RunningServer, name: string, cards: CardRelease = 'immediate'): Promise<WatchedTable> {
  const session = await createSession(server, { tables: 1, assignment: 'instructor', timers: LONG_TIMERS, bots: 'dealmaker', cards });
  const student = await enrol(server, session.code, name);
  await steer(server, session, { type: 'move-student', studentId: student.joined.studentId, table: '1', seat: STUDENT_SEAT });
  await steer(server, session, { type: 'start' });
  const { player, status } = await sit(server, student);
  if (status.seat === null || status.seat.seat !== STUDENT_SEAT) throw new Error(`${name} was not seated at ${STUDENT_SEAT}`);
  const room = await new Client(server.url).joinById(status.seat.gameId, { name: 'Instructor', secret: session.secret });
  room.reconnection.enabled = false;
  const watch = new Player(room);
  await Promise.all([watch.view(), player.view()]);
  return { session, student, player, watch, gameId: status.seat.gameId };
}

/**
 * The student's side up to round 1's decision phase: ready in every phase, every offer
 * declined so the bot has nothing left to wait for. Each pass acts on the latest view,
 * waits until the server has taken those moves, then for the table to change.
 */
export async function studentToDecision(player: Player, seat = STUDENT_SEAT): Promise<void> {
  for (let pass = 0; pass < 60; pass++) {
    const state = player.latest().state;
    if (state.phase === 'decision') return;
    for (const offer of state.proposals) {
      if (offer.to === seat && offer.status === 'open') player.move({ type: 'reject', version: state.version, proposalId: offer.id });
    }
    if (state.seats[seat]?.ready === false) player.move({ type: 'ready', version: state.version });
    await player.settle();
    if (player.latest().state.version === state.version) await player.view((s) => s.version > state.version);
  }
  throw new Error('the table never reached the decision phase');
}

/** Bearer headers for a token (none for null). */
export function bearer(token: string | null): Record<string, string> {
  return token === null ? {} : { authorization: `Bearer ${token}` };
}
