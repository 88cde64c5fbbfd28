import { afterEach, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Client } from '@colyseus/sdk';
import { pino } from 'pino';
import { CreatedGame, GameSummary } from '../../shared/protocol.ts';
import type { JoinOptions } from '../../shared/protocol.ts';
import { GameRecord } from '../../shared/record.ts';
import { playerView, replay, stateHash } from '../../shared/rules/index.ts';
import type { Move } from '../../shared/rules/moves.ts';
import { parseScenario } from '../../shared/scenario/parse.ts';
import type { Scenario } from '../../shared/scenario/schema.ts';
import { startServer } from '../../server/app.ts';
import type { RunningServer } from '../../server/app.ts';
import { allIn, FAST_PLAY, LONG_TIMERS, Player, playTo, SCENARIO_ID } from './harness.ts';
import { startServerProcess } from './server-process.ts';
import type { ServerProcess } from './server-process.ts';
import { storeEngines } from './store-engines.ts';
import type { StorePlace } from './store-engines.ts';

// The promise to a class: a move a student saw accepted survives the server dying at any
// moment. Here it dies by SIGKILL, with no chance to flush or close anything.

const ROOT = resolve(import.meta.dirname, '../..');

const scenario: Scenario = await (async () => {
  const parsed = parseScenario(JSON.parse(await readFile(resolve(ROOT, `scenarios/${SCENARIO_ID}.json`), 'utf8')));
  if (!parsed.ok) throw new Error('scenario does not parse');
  return parsed.scenario;
})();

/** A move sent and seen accepted: the view that followed it carried a higher version. */
type Accepted = { seat: string; move: Move };

/** One real SDK connection to a table, by URL: the server here is another process. */
async function join(url: string, gameId: string, options: JoinOptions): Promise<Player> {
  const room = await new Client(url).joinById(gameId, options);
  room.reconnection.enabled = false;
  return new Player(room);
}

async function createGame(url: string, seed: number): Promise<string> {
  const res = await fetch(`${url}/api/games`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ scenarioId: SCENARIO_ID, seed, timers: LONG_TIMERS }),
  });
  if (res.status !== 201) throw new Error(`create game: HTTP ${res.status} ${await res.text()}`);
  return CreatedGame.parse(await res.json()).gameId;
}

async function summary(url: string, gameId: string): Promise<GameSummary> {
  const res = await fetch(`${url}/api/games/${gameId}`);
  if (res.status !== 200) throw new Error(`summary: HTTP ${res.status} ${await res.text()}`);
  return GameSummary.parse(await res.json());
}

async function record(url: string, gameId: string): Promise<GameRecord> {
  const res = await fetch(`${url}/api/games/${gameId}/record`);
  if (res.status !== 200) throw new Error(`record: HTTP ${res.status}`);
  return GameRecord.parse(await res.json());
}

/** Cheapest legal levels for every instrument of a seat, with some set explicitly. */
function levels(seat: string, set: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const inst of scenario.instruments) if (inst.seat === seat) out[inst.id] = set[inst.id] ?? inst.param.min;
  return out;
}

/** Sends a move and resolves once the sender's view shows it was accepted. */
async function play(player: Player, seat: string, move: Move, log: Accepted[]): Promise<void> {
  const before = player.version;
  player.move(move);
  await player.view((s) => s.version > before);
  log.push({ seat, move });
}

/** Presses on, round by round, until the game is over (playTo alone goes only a couple of rounds). */
async function playToEnd(table: Player[]): Promise<void> {
  const from = table[0]?.latest().state.round ?? 1;
  for (let round = from; round <= scenario.rounds.length; round++) {
    await playTo(table, 'debrief');
    await playTo(table, round < scenario.rounds.length ? 'briefing' : 'ended');
  }
}

/** The record's moves less the 'ready' presses and hold-course decisions playTo makes: what the test itself played. */
function scriptedMoves(entries: GameRecord['entries']): Accepted[] {
  return entries.flatMap((e) =>
    e.kind === 'move' && e.move.type !== 'ready' && !(e.move.type === 'decide' && Object.keys(e.move.levels).length === 0) ? [{ seat: e.seat, move: e.move }] : [],
  );
}

function restart(place: StorePlace, port: number): Promise<RunningServer> {
  return startServer({
    port,
    dataDir: place.env.DATA_DIR,
    databaseUrl: place.env.DATABASE_URL,
    scenariosDir: resolve(ROOT, 'scenarios'),
    distDir: resolve(place.env.DATA_DIR, 'no-dist'),
    log: pino({ level: process.env.TEST_LOG ?? 'silent' }),
    messageRate: FAST_PLAY,
  });
}

const servers: ServerProcess[] = [];
const running: RunningServer[] = [];
const places: StorePlace[] = [];
const players: Player[] = [];

afterEach(async () => {
  for (const player of players.splice(0)) if (player.connected) await player.room.leave();
  for (const server of servers.splice(0)) await server.stop();
  for (const server of running.splice(0)) await server.close();
  for (const place of places.splice(0)) await place.remove();
});

describe.each(storeEngines('crash test'))('a server killed mid-round ($name)', (engine) => {
  it('comes back with every table where it was, and the students play on in their seats', async () => {
    const place = await engine.place();
    places.push(place);
    const first = await startServerProcess(place.env);
    servers.push(first);

    // Table A gets into the decision phase with an agreement and one sealed decision.
    const tableA = await createGame(first.url, 1234);
    const ana = await join(first.url, tableA, { name: 'Ana', seat: 'us' });
    const luis = await join(first.url, tableA, { name: 'Luis', seat: 'mx' });
    players.push(ana, luis);
    const tokens = { ana: (await ana.welcome()).seatToken, luis: (await luis.welcome()).seatToken };
    const acceptedA: Accepted[] = [];
    await playTo([ana, luis], 'negotiation');
    await play(ana, 'us', { type: 'chat', version: ana.version, to: 'mx', text: '¿Hablamos de "retornos"? 🇲🇽' }, acceptedA);
    await play(ana, 'us', { type: 'propose', version: ana.version, to: 'mx', commitments: [{ seat: 'mx', instrument: 'mx_guard', amount: 5 }, { seat: 'us', instrument: 'us_tariff', amount: 0 }], rounds: 1 }, acceptedA);
    const offered = await luis.view((s) => s.proposals.some((p) => p.status === 'open'));
    const proposalId = offered.state.proposals.find((p) => p.status === 'open')?.id ?? '';
    await play(luis, 'mx', { type: 'accept', version: luis.version, proposalId }, acceptedA);
    await ana.view((s) => s.agreements.length === 1);
    await playTo([ana, luis], 'decision');
    const sealed = levels('us', { us_tariff: 0, us_aid: 100 });
    await play(ana, 'us', { type: 'decide', version: ana.version, levels: sealed }, acceptedA);
    const seenByLuis = await luis.view((s) => s.seats.us?.submitted === true);
    expect(seenByLuis.state.seats.us?.decision).toBeNull();

    // Table B is mid-negotiation: an open offer and a private word.
    const tableB = await createGame(first.url, 99);
    const bea = await join(first.url, tableB, { name: "Bea O'Neil", seat: 'us' });
    const marco = await join(first.url, tableB, { name: 'Marco Núñez', seat: 'mx' });
    players.push(bea, marco);
    const tokensB = { bea: (await bea.welcome()).seatToken, marco: (await marco.welcome()).seatToken };
    const acceptedB: Accepted[] = [];
    await playTo([bea, marco], 'negotiation');
    await play(marco, 'mx', { type: 'chat', version: marco.version, to: 'us', text: 'Before the tariff deadline, please.' }, acceptedB);
    await play(bea, 'us', { type: 'propose', version: bea.version, to: 'mx', commitments: [{ seat: 'mx', instrument: 'mx_returns', amount: 5000 }], rounds: 2 }, acceptedB);

    // What each student last saw accepted: the server dies the moment the last view arrives.
    await luis.view((s) => s.version === ana.version);
    await marco.view((s) => s.version === bea.version);
    const seen = new Map([ana, luis, bea, marco].map((p) => [p, p.latest().state]));
    const dropped = Promise.all(players.map((p) => new Promise<void>((done) => p.room.onLeave(() => done()))));
    await first.crash();
    await dropped;
    expect(first.child.signalCode).toBe('SIGKILL');

    // Straight from the dead server's database: every move a student saw accepted is there.
    const direct = await place.open();
    const atCrash = await Promise.all([direct.loadRecord(tableA), direct.loadRecord(tableB)]);
    await direct.close();
    expect(atCrash.map((r) => scriptedMoves(r?.entries ?? []))).toEqual([acceptedA, acceptedB]);

    // Same data, and the same port when it is still free, so the students' links still work. The
    // second start is in this process, through startServer exactly as main.ts calls it, so that the
    // rest of the game can be played at test speed instead of the classroom's few moves a second.
    const restartedAt = performance.now();
    const second = await restart(place, first.port).catch(() => restart(place, 0));
    running.push(second);
    const restartMs = performance.now() - restartedAt;
    expect(await summary(second.url, tableA)).toMatchObject({ phase: 'decision', round: 1, seats: [{ id: 'us', taken: true }, { id: 'mx', taken: true }] });
    expect(await summary(second.url, tableB)).toMatchObject({ phase: 'negotiation', round: 1 });

    const back = {
      ana: await join(second.url, tableA, { name: 'Ana', seatToken: tokens.ana }),
      luis: await join(second.url, tableA, { name: 'Luis', seatToken: tokens.luis }),
      bea: await join(second.url, tableB, { name: "Bea O'Neil", seatToken: tokensB.bea }),
      marco: await join(second.url, tableB, { name: 'Marco Núñez', seatToken: tokensB.marco }),
    };
    players.push(...Object.values(back));
    const reseatMs = performance.now() - restartedAt;
    for (const [player, seat, token] of [[back.ana, 'us', tokens.ana], [back.luis, 'mx', tokens.luis], [back.bea, 'us', tokensB.bea], [back.marco, 'mx', tokensB.marco]] as const) {
      expect(await player.welcome()).toMatchObject({ seat, seatToken: token });
    }
    // Each student finds exactly the table they last saw: nothing accepted went missing.
    for (const [before, after] of [[ana, back.ana], [luis, back.luis], [bea, back.bea], [marco, back.marco]] as const) {
      const view = await after.view((_s, v) => Object.values(v.occupants).filter((o) => o.connected).length === 2);
      const last = seen.get(before);
      if (last === undefined) throw new Error('no view before the crash');
      expect(stateHash(view.state)).toBe(stateHash(last));
    }

    // The sealed decision is still sealed: its owner sees it, the other side only that it is in, and it cannot be redone.
    expect(back.ana.latest().state.seats.us?.decision).toEqual(sealed);
    expect(back.luis.latest().state.seats.us).toMatchObject({ submitted: true, decision: null });
    const from = back.ana.mark();
    back.ana.move({ type: 'decide', version: back.ana.version, levels: levels('us', {}) });
    expect((await back.ana.refused(from)).about).toBe('decide');

    // ...and it counts: Mexico decides, the round resolves on the decision made before the crash.
    await play(back.luis, 'mx', { type: 'decide', version: back.luis.version, levels: levels('mx', { mx_guard: 5 }) }, acceptedA);
    const [resolved] = await allIn([back.ana, back.luis], 'resolution', 1);
    expect(resolved?.state.history[0]?.seats.us?.levels).toEqual(sealed);

    await Promise.all([playToEnd([back.ana, back.luis]), playToEnd([back.bea, back.marco])]);
    for (const [table, accepted, usView, mxView] of [[tableA, acceptedA, back.ana, back.luis], [tableB, acceptedB, back.bea, back.marco]] as const) {
      const final = await record(second.url, table);
      expect(final.entries.map((e) => e.seq)).toEqual(final.entries.map((_e, i) => i + 1));
      // Every move a student saw accepted is in the record, in the order it was accepted.
      expect(scriptedMoves(final.entries)).toEqual(accepted);
      const replayed = replay(scenario, final);
      expect(stateHash(playerView(replayed, 'us'))).toBe(stateHash(usView.latest().state));
      expect(stateHash(playerView(replayed, 'mx'))).toBe(stateHash(mxView.latest().state));
    }
    // Surfaced in the test's output so a slow restore shows up before a class notices it.
    console.info(`crash test (${engine.name}): restarted with both tables restored in ${restartMs.toFixed(0)} ms, four students reseated ${reseatMs.toFixed(0)} ms after the start (${second.port === first.port ? 'same port' : 'new port'})`);
  });
});
