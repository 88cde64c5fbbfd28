import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { playerView, replay, stateHash } from '../../shared/rules/index.ts';
import { parseScenario } from '../../shared/scenario/parse.ts';
import type { Scenario } from '../../shared/scenario/schema.ts';
import type { RunningServer } from '../../server/app.ts';
import { createGame, joinGame, playTo, SCENARIO_ID, startTestServer, storedRecord, tempDataDir } from './harness.ts';

let data: Awaited<ReturnType<typeof tempDataDir>>;
let scenario: Scenario;
let server: RunningServer | undefined;

beforeAll(async () => {
  data = await tempDataDir();
  const parsed = parseScenario(JSON.parse(await readFile(resolve(import.meta.dirname, `../../scenarios/${SCENARIO_ID}.json`), 'utf8')));
  if (!parsed.ok) throw new Error('scenario does not parse');
  scenario = parsed.scenario;
});

afterAll(async () => {
  await server?.close();
  await data?.remove();
});

describe('a restart loses no table', () => {
  it('a server stopped and started on the same data restores the game, and a player rejoins with the token', async () => {
    server = await startTestServer(data.dir);
    const gameId = await createGame(server);
    const us = await joinGame(server, gameId, { name: 'Ana', seat: 'us' });
    const mx = await joinGame(server, gameId, { name: 'Luis', seat: 'mx' });
    const { seatToken } = await us.welcome();
    await playTo([us, mx], 'negotiation');
    us.move({ type: 'chat', version: us.version, to: 'mx', text: 'Shall we talk about returns?' });
    us.move({ type: 'propose', version: us.version, to: 'mx', commitments: [{ seat: 'mx', instrument: 'mx_returns', amount: 5000 }], rounds: 2 });
    const before = await us.view((s) => s.proposals.length === 1 && s.chat.length === 1);
    await mx.view((s) => s.version === before.state.version);

    const closed = Promise.all([us, mx].map((p) => new Promise<void>((done) => p.room.onLeave(() => done()))));
    await server.close();
    await closed;

    server = await startTestServer(data.dir);
    const summary = await (await fetch(`${server.url}/api/games/${gameId}`)).json();
    expect(summary).toMatchObject({ phase: 'negotiation', round: 1, seats: [{ id: 'us', taken: true }, { id: 'mx', taken: true }] });

    const back = await joinGame(server, gameId, { name: 'Ana', seatToken });
    expect(await back.welcome()).toMatchObject({ gameId, seat: 'us', seatToken });
    const restored = await back.view();
    expect(stateHash(restored.state)).toBe(stateHash(before.state));
    expect(restored.occupants).toMatchObject({ us: { name: 'Ana', connected: true }, mx: { name: 'Luis', connected: false } });
    expect(restored.deadline).not.toBeNull();

    // The seat is still reserved, and play goes on where it stopped.
    await expect(joinGame(server, gameId, { name: 'Someone', seat: 'mx' })).rejects.toThrow(/seat taken/);
    back.move({ type: 'chat', version: back.version, to: 'mx', text: 'Still there?' });
    const after = await back.view((s) => s.chat.length === 2);
    const record = await storedRecord(server, gameId);
    expect(record.entries.map((e) => e.seq)).toEqual(record.entries.map((_e, i) => i + 1));
    expect(stateHash(playerView(replay(scenario, record), 'us'))).toBe(stateHash(after.state));
    await back.room.leave();
  });
});
