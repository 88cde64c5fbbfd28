import { Client } from '@colyseus/sdk';
import type { Room } from '@colyseus/sdk';
import { z } from 'zod';
import { CreatedGame, Refusal } from '../../shared/protocol.ts';
import type { Move } from '../../shared/rules/moves.ts';
import type { Latencies } from './latencies.ts';
import type { LoadTable } from './load-table.ts';
import { randomFrom } from './random.ts';

export const SCENARIO_ID = 'us-mexico-2019';
/** Phases that never end by timer in a bench run: the seats' own moves advance the game. */
const LONG_TIMERS = { briefing: 3600, negotiation: 3600, decision: 3600, resolution: 3600, debrief: 3600 };
/** Moves each seat makes in a negotiation before it presses ready: talks are most of a game's messages. */
const NEGOTIATION_MOVES = 16;
const SEATS = ['us', 'mx'] as const;
/** A game's creation that has not answered in this long has failed: the bench counts it and goes on. */
const CREATE_TIMEOUT_MS = 30_000;
type SeatId = (typeof SEATS)[number];

/** The part of a seat's view the driver reads; the rest of it is received and decoded but not checked. */
const DriverView = z.object({
  state: z.object({
    version: z.number(),
    phase: z.string(),
    phaseVersion: z.number(),
    seats: z.record(z.string(), z.object({ ready: z.boolean(), submitted: z.boolean() })),
    chat: z.array(z.object({ from: z.string(), text: z.string() })),
    proposals: z.array(z.object({ id: z.string(), from: z.string(), to: z.string(), status: z.string() })),
  }),
});
type DriverView = z.infer<typeof DriverView>;

/** An action on its way: sent at `sentAt`, delivered once the other seat's view shows it. */
type Pending = { sentAt: number; seen(view: DriverView): boolean };

/** One seat of a real game, played through the SDK the way a student's client plays it. */
class GameSeat {
  readonly seat: SeatId;
  private readonly room: Room;
  private readonly latencies: Latencies;
  private readonly random: () => number;
  other: GameSeat | null = null;
  view: DriverView | null = null;
  pending: Pending | null = null;
  private talksInPhase = 0;
  private phaseVersion = -1;
  private sent = 0;

  constructor(room: Room, seat: SeatId, latencies: Latencies, random: () => number) {
    this.room = room;
    this.seat = seat;
    this.latencies = latencies;
    this.random = random;
    room.onMessage('*', (type: string | number, payload: unknown) => this.receive(String(type), payload));
  }

  private receive(type: string, payload: unknown): void {
    if (type === 'view') {
      const view = DriverView.parse(payload);
      this.view = view;
      const theirs = this.other?.pending;
      if (this.other !== null && theirs !== undefined && theirs !== null && theirs.seen(view)) {
        this.latencies.add(performance.now() - theirs.sentAt);
        this.other.pending = null;
      }
    } else if (type === 'refused' && this.pending !== null) {
      this.latencies.refused(Refusal.parse(payload).code);
      this.pending = null;
    }
  }

  /** Ended: this seat has nothing left to do. */
  get done(): boolean {
    return this.view?.state.phase === 'ended';
  }

  act(): void {
    const view = this.view;
    const theirs = this.other?.view;
    if (view === null || theirs === null || theirs === undefined || this.done) return;
    if (this.pending !== null) {
      this.latencies.skipped += 1;
      return;
    }
    const { move, seen } = this.choose(view, theirs);
    this.latencies.sent += 1;
    this.pending = { sentAt: performance.now(), seen };
    this.room.send('move', move);
  }

  /**
   * The mix: mostly chat; in negotiation an offer now and then, accepted half the time it
   * is seen, then ready; a decision in the decision phase; ready in the others.
   */
  private choose(view: DriverView, theirs: DriverView): { move: Move; seen: (v: DriverView) => boolean } {
    const state = view.state;
    if (state.phaseVersion !== this.phaseVersion) {
      this.phaseVersion = state.phaseVersion;
      this.talksInPhase = 0;
    }
    const me = this.seat;
    const other = SEATS.find((seat) => seat !== me) ?? 'mx';
    const mine = state.seats[me];
    const pv = state.phaseVersion;
    const readyOrMoved = (flag: 'ready' | 'submitted') => (v: DriverView) => v.state.phaseVersion > pv || v.state.seats[me]?.[flag] === true;
    if (state.phase === 'negotiation') {
      this.talksInPhase += 1;
      const offered = state.proposals.find((p) => p.to === me && p.from === other && p.status === 'open');
      const openOfMine = state.proposals.some((p) => p.from === me && p.status === 'open');
      if (this.talksInPhase > NEGOTIATION_MOVES && mine?.ready === false) return { move: { type: 'ready', version: state.version }, seen: readyOrMoved('ready') };
      if (offered !== undefined && this.random() < 0.5) {
        return {
          move: { type: 'accept', version: state.version, proposalId: offered.id },
          seen: (v) => v.state.proposals.find((p) => p.id === offered.id)?.status === 'accepted',
        };
      }
      if (!openOfMine && this.random() < 0.25) {
        const before = theirs.state.proposals.filter((p) => p.from === me).length;
        const commitments = [
          { seat: 'mx', instrument: 'mx_guard', amount: 5 },
          { seat: 'us', instrument: 'us_tariff', amount: 0 },
        ];
        return {
          move: { type: 'propose', version: state.version, to: other, commitments, rounds: 1 },
          seen: (v) => v.state.proposals.filter((p) => p.from === me).length > before,
        };
      }
    } else if (state.phase === 'decision') {
      if (mine?.submitted === false) return { move: { type: 'decide', version: state.version, levels: {} }, seen: readyOrMoved('submitted') };
    } else if (mine?.ready === false) {
      return { move: { type: 'ready', version: state.version }, seen: readyOrMoved('ready') };
    }
    const text = `${me} ${++this.sent}: shall we talk about the border?`;
    return {
      move: { type: 'chat', version: state.version, to: other, text },
      seen: (v) => v.state.chat.findLast((line) => line.from === me)?.text === text,
    };
  }

  leave(): Promise<unknown> {
    return this.room.leave();
  }
}

/** Opens a game over HTTP as a creator does, then seats both players over WebSockets. */
export async function openGameTable(url: string, index: number, latencies: Latencies): Promise<LoadTable> {
  const res = await fetch(`${url}/api/games`, {
    method: 'POST',
    signal: AbortSignal.timeout(CREATE_TIMEOUT_MS),
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ scenarioId: SCENARIO_ID, seed: index + 1, timers: LONG_TIMERS }),
  });
  if (res.status !== 201) throw new Error(`create game: HTTP ${res.status} ${await res.text()}`);
  const { gameId } = CreatedGame.parse(await res.json());
  const random = randomFrom(index + 1);
  // Each seat listens from the moment it joins: its first view comes before the other seat is in.
  const joined = await Promise.allSettled(
    SEATS.map(async (seat) => new GameSeat(await new Client(url).joinById(gameId, { name: `Student ${index}${seat}`, seat }), seat, latencies, random)),
  );
  const failed = joined.find((result) => result.status === 'rejected');
  if (failed !== undefined) {
    // A table is both seats or none: the seat that did join leaves, so a retry starts clean.
    await Promise.all(joined.map((result) => (result.status === 'fulfilled' ? result.value.leave().catch(() => undefined) : undefined)));
    throw failed.reason;
  }
  const seats = joined.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const [us, mx] = seats;
  if (us === undefined || mx === undefined) throw new Error('a table has two seats');
  us.other = mx;
  mx.other = us;
  return {
    seats: seats.map((seat) => () => seat.act()),
    inFlight: () => seats.filter((seat) => seat.pending !== null).length,
    leave: async () => void (await Promise.all(seats.map((seat) => seat.leave()))),
  };
}
