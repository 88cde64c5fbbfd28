import { describe, expect, it } from 'vitest';
import { ScenarioSummary } from '../../shared/protocol.ts';
import { SCENARIO_ID, serverForFile } from './harness.ts';

const table = serverForFile();

const post = (path: string, body: string, contentType = 'application/json') =>
  fetch(`${table.server.url}${path}`, { method: 'POST', headers: { 'content-type': contentType }, body });

describe('the HTTP API', () => {
  it('lists the scenarios it loaded', async () => {
    const res = await fetch(`${table.server.url}/api/scenarios`);
    expect(res.status).toBe(200);
    const list = ScenarioSummary.array().parse(await res.json());
    expect(list.map((s) => s.id)).toContain(SCENARIO_ID);
    expect(list.find((s) => s.id === SCENARIO_ID)?.seats.map((s) => s.id)).toEqual(['us', 'mx']);
  });

  it('answers a health check', async () => {
    const res = await fetch(`${table.server.url}/api/health`);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('creates a game with 201 and a join link', async () => {
    const res = await post('/api/games', JSON.stringify({ scenarioId: SCENARIO_ID }));
    expect(res.status).toBe(201);
    const created = await res.json();
    expect(created.joinUrl).toBe(`/?game=${created.gameId}`);
    expect(created.gameId).toMatch(/^[A-Za-z0-9_-]{12}$/);
  });

  it.each([
    ['not JSON', '{"scenarioId":', 400, 'body/malformed'],
    ['a wrong type', JSON.stringify({ scenarioId: 7 }), 400, 'body/invalid'],
    ['a missing field', JSON.stringify({}), 400, 'body/invalid'],
    ['a negative timer', JSON.stringify({ scenarioId: SCENARIO_ID, timers: { briefing: -5 } }), 400, 'body/invalid'],
    ['a seed out of range', JSON.stringify({ scenarioId: SCENARIO_ID, seed: 1.5 }), 400, 'body/invalid'],
    ['an unknown scenario', JSON.stringify({ scenarioId: 'atlantis-1999' }), 404, 'scenario/unknown'],
    ['a body far too large', JSON.stringify({ scenarioId: 'x'.repeat(40_000) }), 413, 'body/too-large'],
  ])('refuses %s with a JSON error and no stack', async (_what, body, status, code) => {
    const res = await post('/api/games', body);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    const error = await res.json();
    expect(error.code).toBe(code);
    expect(typeof error.message).toBe('string');
    expect(JSON.stringify(error)).not.toMatch(/\bat .*\.(ts|js):\d+/);
    if (code === 'body/invalid') expect(error.issues.length).toBeGreaterThan(0);
  });

  it('refuses a body that is not JSON at all', async () => {
    const res = await post('/api/games', 'scenarioId=us-mexico-2019', 'application/x-www-form-urlencoded');
    expect(res.status).toBe(400);
    expect((await res.json()).code).toBe('body/invalid');
  });

  it.each(['/api/games/no-such-game', '/api/games/no-such-game/record'])('answers 404 JSON for an unknown game at %s', async (path) => {
    const res = await fetch(`${table.server.url}${path}`);
    expect(res.status).toBe(404);
    expect((await res.json()).code).toBe('game/unknown');
  });

  it('answers 404 JSON for an unknown API route', async () => {
    const res = await fetch(`${table.server.url}/api/nothing-here`);
    expect(res.status).toBe(404);
    expect((await res.json()).code).toBe('route/unknown');
  });

  it('says how to build the client when there is none', async () => {
    const res = await fetch(`${table.server.url}/some/page`);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(await res.text()).toContain('client not built: run npm start');
  });

  it('does not let a client open a game room through matchmaking', async () => {
    const res = await post('/matchmake/create/game', JSON.stringify({ gameId: 'made-up' }));
    expect(res.ok).toBe(false);
  });
});
