import { afterEach, describe, expect, it } from 'vitest';
import { join, resolve } from 'node:path';
import { pino } from 'pino';
import { CardsMessage } from '../../shared/protocol.ts';
import { SCORED_MOVES } from '../../shared/scoring/card.ts';
import type { FrameworkCard } from '../../shared/scoring/card.ts';
import { startServer } from '../../server/app.ts';
import type { RunningServer, StartOptions } from '../../server/app.ts';
import { createGame, FAST_PLAY, joinGame, playTo, storedRecord, tempDataDir } from './harness.ts';
import type { Player } from './harness.ts';

// The scoring pool over real WebSockets: past its bound it keeps every decision and says how
// far behind it is; a clean shutdown leaves the unscored decisions in their records, and the
// next server scores every one of them and hands each seat its cards.

const ROOT = resolve(import.meta.dirname, '../..');
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function start(dataDir: string, scoring: Pick<StartOptions, 'scoringWorkers' | 'scoringBacklog'>): Promise<RunningServer> {
  return startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    scenariosDir: join(ROOT, 'scenarios'),
    distDir: join(dataDir, 'no-dist'),
    log: pino({ level: process.env.TEST_LOG ?? 'silent' }),
    messageRate: FAST_PLAY,
    ...scoring,
  });
}

/** Resolves with the cards a player has received once their seqs are exactly `seqs`: on each message, never on a clock. */
function cardsOf(player: Player, seqs: number[]): Promise<FrameworkCard[]> {
  const received = (): FrameworkCard[] => player.since(0, 'cards').flatMap((m) => CardsMessage.parse(m.payload).cards);
  const complete = (): boolean => JSON.stringify([...new Set(received().map((c) => c.seq))].sort((a, b) => a - b)) === JSON.stringify(seqs);
  return new Promise((done) => {
    if (complete()) return done(received());
    const unbind = player.room.onMessage('*', () => {
      if (!complete()) return;
      unbind();
      done(received());
    });
  });
}

/** Two proposals, each accepted: four decisions, two a seat. */
async function negotiate(us: Player, mx: Player): Promise<void> {
  for (const [from, other, to] of [[us, mx, 'mx'], [mx, us, 'us']] as const) {
    const before = other.latest().state.agreements.length;
    from.move({ type: 'propose', version: from.version, to, commitments: [{ seat: 'mx', instrument: 'mx_guard', amount: 5 }, { seat: 'us', instrument: 'us_tariff', amount: 0 }], rounds: 1 });
    const seen = await other.view((s) => s.proposals.some((p) => p.status === 'open' && p.to === to));
    const proposal = seen.state.proposals.find((p) => p.status === 'open' && p.to === to);
    if (proposal === undefined) throw new Error('the proposal never arrived');
    other.move({ type: 'accept', version: other.version, proposalId: proposal.id });
    await Promise.all([us, mx].map((p) => p.view((s) => s.agreements.length > before)));
  }
}

describe('the scoring pool', () => {
  it('past its bound keeps every decision and reports the backlog; a clean shutdown leaves them to the record, and the next server scores each one', async () => {
    const data = await tempDataDir();
    cleanups.push(() => data.remove());
    // No worker: every decision waits, so the backlog is certain, not a race with the workers.
    const first = await start(data.dir, { scoringWorkers: 0, scoringBacklog: 2 });
    let firstOpen = true;
    cleanups.push(async () => void (firstOpen && (await first.close())));
    const gameId = await createGame(first, { cards: 'immediate' });
    const us = await joinGame(first, gameId, { name: 'Ana', seat: 'us' });
    const mx = await joinGame(first, gameId, { name: 'Luis', seat: 'mx' });
    const tokens = { us: (await us.welcome()).seatToken, mx: (await mx.welcome()).seatToken };
    await playTo([us, mx], 'negotiation');
    await negotiate(us, mx);
    await Promise.all([us, mx].map((p) => p.settle()));

    const decisions = (await storedRecord(first, gameId)).entries.flatMap((e) => (e.kind === 'move' && SCORED_MOVES.has(e.move.type) ? [{ seq: e.seq, seat: e.seat }] : []));
    expect(decisions).toHaveLength(4);
    expect(first.scorer.figures()).toMatchObject({ workers: 0, waiting: 4, running: 0, peakWaiting: 4, bound: 2, scored: 0, failed: 0 });
    expect(us.since(0, 'cards').flatMap((m) => CardsMessage.parse(m.payload).cards)).toEqual([]);
    expect(await first.store.loadCards(gameId)).toEqual([]);

    for (const p of [us, mx]) await p.room.leave();
    await first.close();
    firstOpen = false;

    // One worker and a bound of one: the reopened table's four decisions queue past it, and none is dropped.
    const second = await start(data.dir, { scoringWorkers: 1, scoringBacklog: 1 });
    cleanups.push(() => second.close());
    const back = { us: await joinGame(second, gameId, { name: 'Ana', seatToken: tokens.us }), mx: await joinGame(second, gameId, { name: 'Luis', seatToken: tokens.mx }) };
    cleanups.push(async () => {
      for (const p of Object.values(back)) if (p.connected) await p.room.leave();
    });
    const seqsOf = (seat: string) => decisions.filter((d) => d.seat === seat).map((d) => d.seq);
    const [usCards, mxCards] = await Promise.all([cardsOf(back.us, seqsOf('us')), cardsOf(back.mx, seqsOf('mx'))]);
    expect(usCards.every((c) => c.seat === 'us')).toBe(true);
    expect(mxCards.every((c) => c.seat === 'mx')).toBe(true);
    await second.scorer.idle();
    // The first job went straight to the worker; the other three waited, past the bound of one.
    expect(second.scorer.figures()).toMatchObject({ workers: 1, waiting: 0, running: 0, peakWaiting: 3, bound: 1, scored: 4, failed: 0 });
    expect((await second.store.loadCards(gameId)).map((c) => c.seq)).toEqual(decisions.map((d) => d.seq));
  });
});
