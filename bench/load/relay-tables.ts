import { Client } from '@colyseus/sdk';
import type { Room } from '@colyseus/sdk';
import { z } from 'zod';
import { RELAY_ROOM } from './child-protocol.ts';
import type { Latencies } from './latencies.ts';
import type { LoadTable } from './load-table.ts';

/** As long as a chat move of ours, so the relay carries what our clients send. */
const PAYLOAD = 'x'.repeat(80);
const Relayed = z.object({ from: z.string(), n: z.number().int(), text: z.string() });

class RelaySeat {
  private readonly room: Room;
  private readonly seat: string;
  private readonly latencies: Latencies;
  other: RelaySeat | null = null;
  pending: { n: number; sentAt: number } | null = null;
  private sent = 0;

  constructor(room: Room, seat: string, latencies: Latencies) {
    this.room = room;
    this.seat = seat;
    this.latencies = latencies;
    room.onMessage('move', (payload: unknown) => {
      const relayed = Relayed.parse(payload);
      const theirs = this.other?.pending;
      if (this.other !== null && theirs !== undefined && theirs !== null && theirs.n === relayed.n) {
        this.latencies.add(performance.now() - theirs.sentAt);
        this.other.pending = null;
      }
    });
  }

  act(): void {
    if (this.pending !== null) {
      this.latencies.skipped += 1;
      return;
    }
    const n = ++this.sent;
    this.latencies.sent += 1;
    this.pending = { n, sentAt: performance.now() };
    this.room.send('move', { from: this.seat, n, text: PAYLOAD });
  }

  leave(): Promise<unknown> {
    return this.room.leave();
  }
}

/** The first seat creates a relay room, the second joins it by id: the bare room's join. */
export async function openRelayTable(url: string, _index: number, latencies: Latencies): Promise<LoadTable> {
  const first = await new Client(url).create(RELAY_ROOM);
  const second = await new Client(url).joinById(first.roomId).catch(async (error: unknown) => {
    // A table is both seats or none, as at ours.
    await first.leave().catch(() => undefined);
    throw error;
  });
  const seats = [new RelaySeat(first, 'us', latencies), new RelaySeat(second, 'mx', latencies)];
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
