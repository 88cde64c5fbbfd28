import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Refusal } from '../../shared/protocol.ts';
import type { RunningServer } from '../../server/app.ts';
import { DEFAULT_MESSAGE_RATE } from '../../server/rooms/limits.ts';
import { createGame, joinGame, startTestServer, tempDataDir } from './harness.ts';

let server: RunningServer;
let data: Awaited<ReturnType<typeof tempDataDir>>;

beforeAll(async () => {
  data = await tempDataDir();
  server = await startTestServer(data.dir, DEFAULT_MESSAGE_RATE);
});

afterAll(async () => {
  await server?.close();
  await data?.remove();
});

describe('a flood of messages', () => {
  it('is refused as rate-limited past the burst, without losing the connection', async () => {
    const gameId = await createGame(server);
    const us = await joinGame(server, gameId, { name: 'Ana', seat: 'us' });
    const mx = await joinGame(server, gameId, { name: 'Luis', seat: 'mx' });
    await Promise.all([us.view(), mx.view((_s, v) => Object.keys(v.occupants).length === 2)]);
    const mark = us.mark();
    const flood = DEFAULT_MESSAGE_RATE.burst * 2;
    for (let i = 0; i < flood; i++) us.move({ type: 'chat', version: us.version, to: 'mx', text: `message ${i}` });

    const chats = await mx.view((s) => s.chat.length >= 1);
    const limited = await us.refused(mark);
    expect(limited.code).toBe('rate/limited');
    expect(limited.about).toBe('chat');
    // Everything within the burst went through; the rest was refused, not dropped in silence.
    const mine = await us.view((s) => s.chat.length >= DEFAULT_MESSAGE_RATE.burst);
    // The probe is answered after every earlier message; its refusal is about the probe, not 'chat'.
    await us.settle();
    const accepted = us.latest().state.chat.length;
    const refusedCount = us.since(mark, 'refused').filter((m) => Refusal.parse(m.payload).about === 'chat').length;
    expect(accepted + refusedCount).toBe(flood);
    expect(accepted).toBeGreaterThanOrEqual(DEFAULT_MESSAGE_RATE.burst);
    expect(accepted).toBeLessThan(flood);
    expect(chats.state.chat.length).toBeGreaterThan(0);
    expect(mine.seat).toBe('us');
    expect(us.connected).toBe(true);
  });
});
