import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseScenario } from '../../shared/scenario/parse.ts';
import { playerView, replay, stateHash } from '../../shared/rules/index.ts';
import type { Move } from '../../shared/rules/moves.ts';
import type { Scenario } from '../../shared/scenario/schema.ts';
import type { RunningServer } from '../../server/app.ts';
import { allIn, createGame, fetchRecord, joinGame, SCENARIO_ID, startTestServer, storedRecord, tempDataDir } from './harness.ts';
import type { Player } from './harness.ts';

let server: RunningServer;
let data: Awaited<ReturnType<typeof tempDataDir>>;
let scenario: Scenario;

beforeAll(async () => {
  data = await tempDataDir();
  server = await startTestServer(data.dir);
  const raw: unknown = JSON.parse(await readFile(resolve(import.meta.dirname, `../../scenarios/${SCENARIO_ID}.json`), 'utf8'));
  const parsed = parseScenario(raw);
  if (!parsed.ok) throw new Error('scenario does not parse');
  scenario = parsed.scenario;
});

afterAll(async () => {
  await server?.close();
  await data?.remove();
});

/** Cheapest legal levels for every instrument of a seat, with some set explicitly. */
function levels(seat: string, set: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const inst of scenario.instruments) if (inst.seat === seat) out[inst.id] = set[inst.id] ?? inst.param.min;
  return out;
}

describe('two seats play a whole game over real WebSockets', () => {
  it('reaches the end, and the record replays to the state both players saw', async () => {
    const gameId = await createGame(server, { seed: 1234 });
    const us = await joinGame(server, gameId, { name: 'Ana', seat: 'us' });
    const mx = await joinGame(server, gameId, { name: 'Luis', seat: 'mx' });
    const players = [us, mx];
    expect((await us.welcome()).seat).toBe('us');
    expect((await mx.welcome()).seat).toBe('mx');
    await us.view((_s, v) => Object.keys(v.occupants).length === 2);

    const sent: { seat: string; move: Move }[] = [];
    const send = (player: Player, seat: string, move: Move) => {
      sent.push({ seat, move });
      player.move(move);
    };
    const bothReady = (phase: 'briefing' | 'negotiation' | 'resolution' | 'debrief') => {
      for (const [player, seat] of [[us, 'us'], [mx, 'mx']] as const) {
        expect(player.latest().state.phase).toBe(phase);
        send(player, seat, { type: 'ready', version: player.version });
      }
    };

    for (let round = 1; round <= scenario.rounds.length; round++) {
      await allIn(players, 'briefing', round);
      bothReady('briefing');
      await allIn(players, 'negotiation', round);

      send(us, 'us', {
        type: 'propose',
        version: us.version,
        to: 'mx',
        commitments: [
          { seat: 'mx', instrument: 'mx_guard', amount: 5 },
          { seat: 'us', instrument: 'us_tariff', amount: 0 },
        ],
        rounds: 1,
      });
      const offered = await mx.view((s) => s.proposals.some((p) => p.round === round && p.status === 'open'));
      const proposal = offered.state.proposals.find((p) => p.round === round && p.status === 'open');
      if (proposal === undefined) throw new Error('proposal not seen');
      send(mx, 'mx', { type: 'accept', version: mx.version, proposalId: proposal.id });
      await us.view((s) => s.agreements.some((a) => a.fromRound === round));
      await mx.view((s) => s.agreements.some((a) => a.fromRound === round));
      bothReady('negotiation');
      await allIn(players, 'decision', round);

      send(us, 'us', { type: 'decide', version: us.version, levels: levels('us', { us_tariff: 0, us_aid: 100 }) });
      send(mx, 'mx', { type: 'decide', version: mx.version, levels: levels('mx', { mx_guard: 5 }) });
      await allIn(players, 'resolution', round);
      bothReady('resolution');
      await allIn(players, 'debrief', round);
      bothReady('debrief');
    }
    const [usEnd, mxEnd] = await allIn(players, 'ended');
    if (usEnd === undefined || mxEnd === undefined) throw new Error('no final views');
    expect(usEnd.deadline).toBeNull();
    expect(usEnd.state.history).toHaveLength(scenario.rounds.length);
    // No move was refused along the way.
    expect([...us.received, ...mx.received].filter((m) => m.type === 'refused')).toEqual([]);

    const record = await fetchRecord(server, gameId);
    const final = replay(scenario, record);
    expect(final.phase).toBe('ended');
    expect(stateHash(playerView(final, 'us'))).toBe(stateHash(usEnd.state));
    expect(stateHash(playerView(final, 'mx'))).toBe(stateHash(mxEnd.state));

    // Every accepted move is in the record, in order, for its seat.
    const recorded = record.entries.flatMap((e) => (e.kind === 'move' ? [{ seat: e.seat, move: e.move }] : []));
    for (const seat of ['us', 'mx']) {
      expect(recorded.filter((r) => r.seat === seat)).toEqual(sent.filter((s) => s.seat === seat));
    }
    expect(record.entries.map((e) => e.seq)).toEqual(record.entries.map((_e, i) => i + 1));
    expect(record.entries.filter((e) => e.kind === 'advance').every((e) => e.kind === 'advance' && e.reason === 'all-ready')).toBe(true);

    const summary = await (await fetch(`${server.url}/api/games/${gameId}`)).json();
    expect(summary).toMatchObject({ gameId, phase: 'ended', seats: [{ id: 'us', taken: true }, { id: 'mx', taken: true }] });

    await us.room.leave();
    await mx.room.leave();
  });

  it('moves to the next phase when its timer runs out', async () => {
    const gameId = await createGame(server, { timers: { briefing: 1, negotiation: 600, decision: 600, resolution: 600, debrief: 600 } });
    const watcher = await joinGame(server, gameId, { name: 'Ana', seat: 'us' });
    // Until the other seat is filled the table waits in its lobby: no clock runs.
    expect(await watcher.view()).toMatchObject({ deadline: null, lobby: { empty: ['mx'] } });
    const other = await joinGame(server, gameId, { name: 'Luis', seat: 'mx' });
    const started = await watcher.view((s, v) => s.phase === 'briefing' && v.lobby === null);
    expect(started.deadline).not.toBeNull();
    const next = await watcher.view((s) => s.phase === 'negotiation');
    expect(next.deadline).toBeGreaterThan(started.deadline ?? Infinity);
    const record = await storedRecord(server, gameId);
    expect(record.entries).toMatchObject([{ kind: 'advance', seq: 1, reason: 'timer' }]);
    await Promise.all([watcher.room.leave(), other.room.leave()]);
  });
});
