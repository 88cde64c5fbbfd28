import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { CardsMessage, PlayerView } from '../../shared/protocol.ts';
import type { CardRelease } from '../../shared/protocol.ts';
import { parseScenario } from '../../shared/scenario/parse.ts';
import type { Scenario } from '../../shared/scenario/schema.ts';
import { cardsOfRecord, FrameworkCard, SCORED_MOVES } from '../../shared/scoring/index.ts';
import type { RunningServer } from '../../server/app.ts';
import { SQLITE_FILE } from '../../server/store/sqlite-store.ts';
import { allIn, createGame, fetchRecord, joinGame, playTo, SCENARIO_ID, startTestServer, storedRecord, tempDataDir } from './harness.ts';
import type { Player } from './harness.ts';

let data: Awaited<ReturnType<typeof tempDataDir>>;
let server: RunningServer;
let scenario: Scenario;

beforeAll(async () => {
  data = await tempDataDir();
  server = await startTestServer(data.dir);
  const parsed = parseScenario(JSON.parse(await readFile(resolve(import.meta.dirname, `../../scenarios/${SCENARIO_ID}.json`), 'utf8')));
  if (!parsed.ok) throw new Error('scenario does not parse');
  scenario = parsed.scenario;
});

afterAll(async () => {
  await server?.close();
  await data?.remove();
});

/** Every card a player received from message `from` on, in arrival order, each one parsed. */
function cardsSince(player: Player, from = 0): FrameworkCard[] {
  return player.since(from, 'cards').flatMap((m) => CardsMessage.parse(m.payload).cards);
}

/** Resolves once the cards received from `from` on pass `test`: on each message, never on a clock. */
function cardsWhen(player: Player, test: (cards: FrameworkCard[]) => boolean, from = 0): Promise<FrameworkCard[]> {
  return new Promise((done) => {
    let unbind: (() => void) | null = null;
    const check = (): boolean => {
      const cards = cardsSince(player, from);
      if (!test(cards)) return false;
      unbind?.();
      done(cards);
      return true;
    };
    if (!check()) unbind = player.room.onMessage('*', () => void check());
  });
}

/**
 * Everything scored so far has reached the room, and every message the room sent these
 * players because of it has arrived: what must hold before asserting a card was held back.
 */
async function settled(players: Player[]): Promise<void> {
  await server.scorer.idle();
  await Promise.all(players.map((p) => p.settle()));
}

async function seatedGame(cards: CardRelease): Promise<{ gameId: string; us: Player; mx: Player }> {
  const gameId = await createGame(server, { cards });
  const us = await joinGame(server, gameId, { name: 'Ana', seat: 'us' });
  const mx = await joinGame(server, gameId, { name: 'Luis', seat: 'mx' });
  await us.view((_s, v) => Object.keys(v.occupants).length === 2);
  return { gameId, us, mx };
}

/** The US offers guards for no tariff; Mexico accepts. Resolves with the two decisions' seqs. */
async function proposeAndAccept(us: Player, mx: Player, gameId: string): Promise<{ propose: number; accept: number }> {
  us.move({ type: 'propose', version: us.version, to: 'mx', commitments: [{ seat: 'mx', instrument: 'mx_guard', amount: 5 }, { seat: 'us', instrument: 'us_tariff', amount: 0 }], rounds: 1 });
  const offered = await mx.view((s) => s.proposals.some((p) => p.status === 'open'));
  const proposal = offered.state.proposals.find((p) => p.status === 'open');
  if (proposal === undefined) throw new Error('proposal not seen');
  mx.move({ type: 'accept', version: mx.version, proposalId: proposal.id });
  await us.view((s) => s.agreements.length === 1);
  const entries = (await storedRecord(server, gameId)).entries;
  const seqOf = (type: string) => entries.find((e) => e.kind === 'move' && e.move.type === type)?.seq ?? -1;
  return { propose: seqOf('propose'), accept: seqOf('accept') };
}

/** The seqs of a seat's decisions in the record so far. */
async function decisionSeqs(gameId: string, seat: string): Promise<number[]> {
  const entries = (await storedRecord(server, gameId)).entries;
  return entries.flatMap((e) => (e.kind === 'move' && e.seat === seat && SCORED_MOVES.has(e.move.type) ? [e.seq] : []));
}

/** `playTo` for a whole game: a phase at a time, for as many phases as the scenario has. */
async function playToEnd(players: Player[]): Promise<void> {
  const phases = ['briefing', 'negotiation', 'decision', 'resolution', 'debrief'] as const;
  for (let step = 0; step <= scenario.rounds.length * phases.length; step++) {
    const state = players[0]?.latest().state;
    if (state === undefined || state.phase === 'ended') return;
    const next = state.phase === 'debrief' && state.round === scenario.rounds.length ? 'ended' : phases[(phases.indexOf(state.phase) + 1) % phases.length];
    if (next !== undefined) await playTo(players, next);
  }
  throw new Error('the game never ended');
}

const seqs = (cards: FrameworkCard[]) => cards.map((c) => c.seq).sort((a, b) => a - b);
const hasAll = (wanted: number[]) => (cards: FrameworkCard[]) => wanted.every((seq) => cards.some((c) => c.seq === seq));

describe('framework cards reach the seat that decided, when the game releases them', () => {
  it("'immediate': the proposer receives exactly one card for its proposal; the other seat and a spectator none", async () => {
    const { gameId, us, mx } = await seatedGame('immediate');
    const watcher = await joinGame(server, gameId, { name: 'Projector' });
    await playTo([us, mx], 'negotiation');
    us.move({ type: 'propose', version: us.version, to: 'mx', commitments: [{ seat: 'mx', instrument: 'mx_guard', amount: 8 }], rounds: 2 });
    await mx.view((s) => s.proposals.length === 1);
    const [seq] = await decisionSeqs(gameId, 'us');

    const [card] = await cardsWhen(us, (cards) => cards.length > 0);
    expect(FrameworkCard.parse(card)).toMatchObject({ seq, seat: 'us', round: 1, move: { type: 'propose' } });
    await settled([us, mx, watcher]);
    expect(cardsSince(us).filter((c) => c.seq === seq)).toHaveLength(1);
    expect(cardsSince(mx)).toEqual([]);
    expect(cardsSince(watcher)).toEqual([]);

    // While the game is played nobody reads another seat's cards over HTTP.
    const during = await fetch(`${server.url}/api/games/${gameId}/cards`);
    expect(during.status).toBe(403);
    expect(await during.json()).toMatchObject({ code: 'record/in-play' });
    await Promise.all([us, mx, watcher].map((p) => p.room.leave()));
  });

  it("'round': nothing arrives during the round; each seat gets its round's cards once it resolves", async () => {
    const { gameId, us, mx } = await seatedGame('round');
    await playTo([us, mx], 'negotiation');
    await proposeAndAccept(us, mx, gameId);
    await playTo([us, mx], 'decision');
    await settled([us, mx]);
    expect(cardsSince(us)).toEqual([]);
    expect(cardsSince(mx)).toEqual([]);

    const marks = [us.mark(), mx.mark()];
    for (const p of [us, mx]) p.move({ type: 'decide', version: p.version, levels: {} });
    await allIn([us, mx], 'resolution', 1);
    const [usWanted, mxWanted] = await Promise.all([decisionSeqs(gameId, 'us'), decisionSeqs(gameId, 'mx')]);
    const [usCards, mxCards] = await Promise.all([cardsWhen(us, hasAll(usWanted)), cardsWhen(mx, hasAll(mxWanted))]);
    expect(seqs(usCards)).toEqual(usWanted);
    expect(seqs(mxCards)).toEqual(mxWanted);
    expect(usCards.every((c) => c.seat === 'us' && c.round === 1)).toBe(true);
    // Every card message came after the view that showed the round resolved.
    for (const [player, mark] of [[us, marks[0]], [mx, marks[1]]] as const) {
      const resolvedAt = player.received.findIndex((m, i) => i >= (mark ?? 0) && m.type === 'view' && PlayerView.parse(m.payload).state.phase === 'resolution');
      expect(resolvedAt).toBeGreaterThanOrEqual(0);
      expect(player.received.findIndex((m) => m.type === 'cards')).toBeGreaterThan(resolvedAt);
    }
    await Promise.all([us, mx].map((p) => p.room.leave()));
  });

  it("'end': cards arrive only when the game is over, and /cards then matches the record's cards", async () => {
    const { gameId, us, mx } = await seatedGame('end');
    await playTo([us, mx], 'negotiation');
    await proposeAndAccept(us, mx, gameId);
    await playTo([us, mx], 'debrief');
    await settled([us, mx]);
    expect(cardsSince(us)).toEqual([]);
    expect(cardsSince(mx)).toEqual([]);

    await playToEnd([us, mx]);
    const [usWanted, mxWanted] = await Promise.all([decisionSeqs(gameId, 'us'), decisionSeqs(gameId, 'mx')]);
    const [usCards, mxCards] = await Promise.all([cardsWhen(us, hasAll(usWanted)), cardsWhen(mx, hasAll(mxWanted))]);
    expect(seqs(usCards)).toEqual(usWanted);
    expect(seqs(mxCards)).toEqual(mxWanted);

    const res = await fetch(`${server.url}/api/games/${gameId}/cards`);
    expect(res.status).toBe(200);
    const { cards } = CardsMessage.parse(await res.json());
    const expected = cardsOfRecord(scenario, await fetchRecord(server, gameId));
    expect(cards).toEqual(expected);
    expect(seqs(cards)).toEqual([...usWanted, ...mxWanted].sort((a, b) => a - b));
    await Promise.all([us, mx].map((p) => p.room.leave()));
  });

  it('a seat that comes back gets its released cards again, and only its own', async () => {
    const { gameId, us, mx } = await seatedGame('immediate');
    const { seatToken } = await us.welcome();
    await playTo([us, mx], 'negotiation');
    const { propose, accept } = await proposeAndAccept(us, mx, gameId);
    await cardsWhen(us, hasAll([propose]));
    await us.room.leave();

    const back = await joinGame(server, gameId, { name: 'Ana', seatToken });
    await back.welcome();
    const again = await cardsWhen(back, hasAll([propose]));
    expect(again.map((c) => c.seat)).toEqual(['us']);
    expect(again.some((c) => c.seq === accept)).toBe(false);
    await Promise.all([back, mx].map((p) => p.room.leave()));
  });

  it('a game is created only with a release setting it knows', async () => {
    const res = await fetch(`${server.url}/api/games`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ scenarioId: SCENARIO_ID, cards: 'never' }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'body/invalid', issues: [{ path: 'cards' }] });
  });

  it('/cards is 404 for a game that does not exist', async () => {
    const res = await fetch(`${server.url}/api/games/no-such-game/cards`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: 'game/unknown' });
  });
});

describe('a restart loses no card', () => {
  it('a decision whose card was never stored is scored again when its room reopens, and reaches its seat', async () => {
    const restartData = await tempDataDir();
    let first: RunningServer | undefined = await startTestServer(restartData.dir);
    let second: RunningServer | undefined;
    try {
      const gameId = await createGame(first, { cards: 'immediate' });
      const us = await joinGame(first, gameId, { name: 'Ana', seat: 'us' });
      const mx = await joinGame(first, gameId, { name: 'Luis', seat: 'mx' });
      const { seatToken } = await us.welcome();
      await playTo([us, mx], 'negotiation');
      us.move({ type: 'propose', version: us.version, to: 'mx', commitments: [{ seat: 'mx', instrument: 'mx_returns', amount: 5000 }], rounds: 2 });
      const [original] = await cardsWhen(us, (cards) => cards.length > 0);
      await first.scorer.idle();
      await first.close();
      first = undefined;

      // As if the server had died between accepting the proposal and storing its card.
      const db = new DatabaseSync(join(restartData.dir, SQLITE_FILE));
      db.prepare('DELETE FROM cards WHERE game_id = ?').run(gameId);
      db.close();

      second = await startTestServer(restartData.dir);
      const back = await joinGame(second, gameId, { name: 'Ana', seatToken });
      expect(await cardsWhen(back, (cards) => cards.length > 0)).toEqual([original]);
      expect(await second.store.loadCards(gameId)).toEqual([original]);
      await back.room.leave();
    } finally {
      await first?.close();
      await second?.close();
      await restartData.remove();
    }
  });
});
