import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreatedGame } from '../../shared/protocol.ts';
import { joinGame, LONG_TIMERS, SCENARIO_ID, storedRecord, tempDataDir } from './harness.ts';
import { startClassServer } from './session-harness.ts';
import type { ClassServer } from './session-harness.ts';

/** A game of its own whose players have all left ends after a grace, as one never used does; a player still there keeps it. */
describe('a game every player has left expires', () => {
  let server: ClassServer;
  let data: Awaited<ReturnType<typeof tempDataDir>>;
  beforeAll(async () => {
    data = await tempDataDir();
    server = await startClassServer(data.dir, { openGameExpirySeconds: 3 });
  });
  afterAll(async () => {
    await server?.close();
    await data?.remove();
  });

  const createGame = async (): Promise<string> => {
    const res = await fetch(`${server.url}/api/games`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scenarioId: SCENARIO_ID, timers: LONG_TIMERS }) });
    return CreatedGame.parse(await res.json()).gameId;
  };

  it('ends the table once its last player has gone, and keeps the one where a player stayed', async () => {
    const left = await createGame();
    const ana = await joinGame(server, left, { name: 'Ana', seat: 'mx' });
    const beto = await joinGame(server, left, { name: 'Beto', seat: 'us' });
    await Promise.all([ana.welcome(), beto.welcome()]);
    const stayed = await createGame();
    const eve = await joinGame(server, stayed, { name: 'Eve', seat: 'mx' });
    const zoe = await joinGame(server, stayed, { name: 'Zoe', seat: 'us' });
    await Promise.all([eve.welcome(), zoe.welcome()]);

    // One of two leaves: the other still plays, so the table stays.
    await zoe.room.leave();
    await ana.room.leave();
    await beto.room.leave();
    await server.logs.waitFor((line) => line.msg === 'game expired: every player left' && line.gameId === left);
    expect((await storedRecord(server, left)).entries.at(-1)?.kind).toBe('end');
    expect((await server.store.loadGame(left))?.finished).toBe(true);

    expect((await server.store.loadGame(stayed))?.finished).toBe(false);
    expect(eve.latest().state.phase).not.toBe('ended');
    await eve.room.leave();
  });
});
