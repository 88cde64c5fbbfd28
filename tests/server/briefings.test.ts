import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { GameAndScenario, GameSummary } from '../../shared/protocol.ts';
import { Scenario } from '../../shared/scenario/schema.ts';
import { createGame, joinGame, SCENARIO_ID, serverForFile } from './harness.ts';

const full = Scenario.parse(JSON.parse(readFileSync(new URL('../../scenarios/us-mexico-2019.json', import.meta.url), 'utf8')));
const briefingOf = (seat: string) => full.seats.find((s) => s.id === seat)?.briefing;

const table = serverForFile();

describe('private briefings', () => {
  it('are left out of the scenario anyone can download', async () => {
    const res = await fetch(`${table.server.url}/api/scenarios/${SCENARIO_ID}`);
    expect(res.status).toBe(200);
    const body = await res.text();
    const scenario = Scenario.parse(JSON.parse(body));
    expect(scenario.instruments.length).toBe(full.instruments.length);
    for (const seat of full.seats) {
      expect(body).not.toContain(seat.briefing.en.slice(0, 60));
      expect(body).not.toContain(seat.briefing.es.slice(0, 60));
    }
  });

  it('are left out of the scenario a join link fetches with its game, which matches the game summary', async () => {
    const gameId = await createGame(table.server);
    const res = await fetch(`${table.server.url}/api/games/${gameId}/with-scenario`);
    expect(res.status).toBe(200);
    const body = await res.text();
    const both = GameAndScenario.parse(JSON.parse(body));
    const summary = GameSummary.parse(await (await fetch(`${table.server.url}/api/games/${gameId}`)).json());
    expect(both.game).toEqual(summary);
    const alone = Scenario.parse(await (await fetch(`${table.server.url}/api/scenarios/${SCENARIO_ID}`)).json());
    expect(both.scenario).toEqual(alone);
    for (const seat of full.seats) {
      expect(body).not.toContain(seat.briefing.en.slice(0, 60));
      expect(body).not.toContain(seat.briefing.es.slice(0, 60));
    }
    const missing = await fetch(`${table.server.url}/api/games/no-such-game/with-scenario`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ code: 'game/unknown' });
  });

  it('reach each seat alone, in its welcome', async () => {
    const gameId = await createGame(table.server);
    const us = await joinGame(table.server, gameId, { name: 'Ana', seat: 'us' });
    const mx = await joinGame(table.server, gameId, { name: 'Luis', seat: 'mx' });
    expect((await us.welcome()).briefing).toEqual(briefingOf('us'));
    expect((await mx.welcome()).briefing).toEqual(briefingOf('mx'));
    await us.settle();
    await mx.settle();
    const usBriefing = briefingOf('us')?.en ?? 'missing';
    expect(mx.received.some((m) => JSON.stringify(m.payload).includes(usBriefing.slice(0, 60)))).toBe(false);
    await us.room.leave();
    await mx.room.leave();
  });

  it('answer 404 for an unknown scenario', async () => {
    const res = await fetch(`${table.server.url}/api/scenarios/atlantis`);
    expect(res.status).toBe(404);
    expect((await res.json()).code).toBe('scenario/unknown');
  });
});

describe('the game record', () => {
  it('stays closed while the game is played: it holds sealed decisions, private talks and the seed', async () => {
    const gameId = await createGame(table.server);
    const res = await fetch(`${table.server.url}/api/games/${gameId}/record`);
    expect(res.status).toBe(403);
    expect((await res.json()).code).toBe('record/in-play');
  });
});
