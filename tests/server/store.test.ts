import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RecordEntry } from '../../shared/record.ts';
import { CHAT_MAX } from '../../shared/rules/moves.ts';
import type { GameStore } from '../../server/store/store.ts';
import { AWKWARD, card, chat, CREATED, meta, ready } from './store-fixtures.ts';
import { storeEngines } from './store-engines.ts';
import type { StorePlace } from './store-engines.ts';

// One suite, run against every engine the server can use: what passes here on SQLite
// must pass on PostgreSQL, so the server never knows which one it has. Games, their
// records, seats, cards and forks here; class sessions in store-sessions.test.ts.

describe.each(storeEngines('store suite'))('the $name store', (engine) => {
  let place: StorePlace;
  let store: GameStore;

  beforeEach(async () => {
    place = await engine.place();
    store = await place.open();
  });

  afterEach(async () => {
    await store.close();
    await place.remove();
  });

  it('a created game loads back exactly, unfinished; an unknown one is null', async () => {
    await store.createGame(meta('g-1'));
    expect(await store.loadGame('g-1')).toEqual({ ...meta('g-1'), finished: false, session: null, parent: null, clock: null });
    expect(await store.loadRecord('g-1')).toEqual({
      gameId: 'g-1',
      scenarioId: 'us-mexico-2019',
      scenarioVersion: 3,
      seed: 2 ** 31 - 1,
      createdAt: CREATED,
      entries: [],
    });
    expect(await store.loadGame('nope')).toBeNull();
    expect(await store.loadRecord('nope')).toBeNull();
    expect(await store.loadSeats('nope')).toEqual([]);
    expect(await store.loadCards('nope')).toEqual([]);
  });

  it('a game id is created once', async () => {
    await store.createGame(meta('g-1'));
    await expect(store.createGame(meta('g-1', { seed: 7 }))).rejects.toThrow();
    expect((await store.loadGame('g-1'))?.seed).toBe(2 ** 31 - 1);
  });

  it('empty timers and every card release round-trip', async () => {
    for (const cards of ['immediate', 'round', 'end'] as const) {
      await store.createGame(meta(`g-${cards}`, { timers: {}, cards, seed: 0 }));
      expect(await store.loadGame(`g-${cards}`)).toMatchObject({ timers: {}, cards, seed: 0 });
    }
  });

  it('entries of every kind come back in seq order, exactly as appended', async () => {
    await store.createGame(meta('g-1'));
    const entries: RecordEntry[] = [
      ready(1),
      { kind: 'advance', seq: 2, at: CREATED + 2, actor: { kind: 'table' }, reason: 'all-ready' },
      {
        kind: 'move',
        seq: 3,
        at: CREATED + 3,
        actor: { kind: 'bot', policy: 'dealmaker' },
        seat: 'us',
        move: { type: 'propose', version: 2, to: 'mx', commitments: [{ seat: 'mx', instrument: 'mx_returns', amount: 2500.75 }], rounds: 2 },
      },
      { kind: 'inject', seq: 4, at: CREATED + 4, actor: { kind: 'instructor' }, eventId: 'caravan' },
      { kind: 'advance', seq: 5, at: CREATED + 5, actor: { kind: 'timer' }, reason: 'timer' },
      { kind: 'move', seq: 6, at: CREATED + 6, actor: { kind: 'student', memberId: 'st-7', name: 'Peña' }, seat: 'mx', move: { type: 'decide', version: 5, levels: { mx_enforcement: -0.5, mx_returns: 1e9 } } },
      { kind: 'end', seq: 7, at: CREATED + 7, actor: { kind: 'instructor' } },
    ];
    for (const entry of entries) await store.appendEntry('g-1', entry);
    expect((await store.loadRecord('g-1'))?.entries).toEqual(entries);
  });

  it('entries are ordered by seq, not by when they were written', async () => {
    await store.createGame(meta('g-1'));
    for (const seq of [3, 1, 2]) await store.appendEntry('g-1', ready(seq));
    expect((await store.loadRecord('g-1'))?.entries.map((e) => e.seq)).toEqual([1, 2, 3]);
  });

  it('a second entry with a seq already used is refused, leaves nothing half-written, and the game goes on', async () => {
    await store.createGame(meta('g-1'));
    await store.appendEntry('g-1', ready(1));
    await expect(store.appendEntry('g-1', chat(1, 'overwrite?'))).rejects.toThrow();
    expect((await store.loadRecord('g-1'))?.entries).toEqual([ready(1)]);
    await store.appendEntry('g-1', ready(2));
    expect((await store.loadRecord('g-1'))?.entries).toEqual([ready(1), ready(2)]);
  });

  it('of two racing appends with the same seq, exactly one is kept', async () => {
    await store.createGame(meta('g-1'));
    const outcomes = await Promise.allSettled([store.appendEntry('g-1', chat(1, 'first')), store.appendEntry('g-1', chat(1, 'second'))]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    const kept = outcomes[0]?.status === 'fulfilled' ? chat(1, 'first') : chat(1, 'second');
    expect((await store.loadRecord('g-1'))?.entries).toEqual([kept]);
  });

  it('an entry for a game that does not exist is refused', async () => {
    await expect(store.appendEntry('ghost', ready(1))).rejects.toThrow();
    expect(await store.loadRecord('ghost')).toBeNull();
  });

  it('concurrent appends to different games all land, each game in its own order', async () => {
    const games = ['g-a', 'g-b', 'g-c'];
    await Promise.all(games.map((id, i) => store.createGame(meta(id, { createdAt: CREATED + i }))));
    const count = 40;
    await Promise.all(games.map(async (id) => {
      for (let seq = 1; seq <= count; seq++) await store.appendEntry(id, chat(seq, `${id} #${seq}`));
    }));
    for (const id of games) {
      const entries = (await store.loadRecord(id))?.entries ?? [];
      expect(entries).toEqual(Array.from({ length: count }, (_v, i) => chat(i + 1, `${id} #${i + 1}`)));
    }
  });

  it('large entries round-trip whole', async () => {
    await store.createGame(meta('g-1'));
    const levels = Object.fromEntries(Array.from({ length: 20_000 }, (_v, i) => [`instrument_${String(i).padStart(6, '0')}`, i * 1.25]));
    const big: RecordEntry = { kind: 'move', seq: 1, at: CREATED, actor: { kind: 'bot', policy: null }, seat: 'us', move: { type: 'decide', version: 0, levels } };
    expect(JSON.stringify(big).length).toBeGreaterThan(500_000);
    const longest = chat(2, '🦜'.repeat(CHAT_MAX * 2));
    await store.appendEntry('g-1', big);
    await store.appendEntry('g-1', longest);
    expect((await store.loadRecord('g-1'))?.entries).toEqual([big, longest]);
  });

  it('unicode, quotes and control characters in names and chat come back exactly', async () => {
    await store.createGame(meta('g-1'));
    const texts = [...AWKWARD, 'line one\nline two\ttabbed\r\n', 'nul \u0000 inside', 'lone surrogate \ud800 here', 'e\u0301 vs é'];
    for (const [i, text] of texts.entries()) await store.appendEntry('g-1', chat(i + 1, text));
    expect((await store.loadRecord('g-1'))?.entries.map((e) => (e.kind === 'move' && e.move.type === 'chat' ? e.move.text : null))).toEqual(texts);

    for (const [i, name] of AWKWARD.entries()) {
      await store.createGame(meta(`g-seat-${i}`));
      await store.saveSeat(`g-seat-${i}`, 'us', `hash-${i}`, name);
      expect(await store.loadSeats(`g-seat-${i}`)).toEqual([{ seatId: 'us', tokenHash: `hash-${i}`, name }]);
    }
  });

  it('a seat is inserted, then replaced by its new holder, and seats stay with their game', async () => {
    await store.createGame(meta('g-1'));
    await store.createGame(meta('g-2'));
    await store.saveSeat('g-1', 'us', 'hash-ana', 'Ana');
    await store.saveSeat('g-1', 'mx', 'hash-luis', 'Luis');
    await store.saveSeat('g-2', 'us', 'hash-other', 'Other');
    expect(await store.loadSeats('g-1')).toEqual([
      { seatId: 'mx', tokenHash: 'hash-luis', name: 'Luis' },
      { seatId: 'us', tokenHash: 'hash-ana', name: 'Ana' },
    ]);

    await store.saveSeat('g-1', 'us', 'hash-bea', 'Beatriz');
    expect(await store.loadSeats('g-1')).toEqual([
      { seatId: 'mx', tokenHash: 'hash-luis', name: 'Luis' },
      { seatId: 'us', tokenHash: 'hash-bea', name: 'Beatriz' },
    ]);
    expect(await store.loadSeats('g-2')).toEqual([{ seatId: 'us', tokenHash: 'hash-other', name: 'Other' }]);
  });

  it('seats are listed in the same order on every engine', async () => {
    await store.createGame(meta('g-1'));
    const seats = ['us', 'mx', 'Zeta', 'alpha', 'eu', 'tr', 'B2', 'b1'];
    for (const seat of seats) await store.saveSeat('g-1', seat, `hash-${seat}`, seat);
    // Code-point order, not a locale's: 'B2' and 'Zeta' before every lower-case id.
    expect((await store.loadSeats('g-1')).map((s) => s.seatId)).toEqual(['B2', 'Zeta', 'alpha', 'b1', 'eu', 'mx', 'tr', 'us']);
  });

  it('a seat for a game that does not exist is refused', async () => {
    await expect(store.saveSeat('ghost', 'us', 'hash', 'Ana')).rejects.toThrow();
  });

  it('cards are kept by seq, a rescored card replaces the old one, and cards stay with their game', async () => {
    await store.createGame(meta('g-1'));
    await store.createGame(meta('g-2'));
    await store.saveCard('g-1', card(9, 40));
    await store.saveCard('g-1', card(4, 70));
    await store.saveCard('g-2', card(4, 10));
    expect(await store.loadCards('g-1')).toEqual([card(4, 70), card(9, 40)]);

    await store.saveCard('g-1', card(9, 88.5));
    expect(await store.loadCards('g-1')).toEqual([card(4, 70), card(9, 88.5)]);
    expect(await store.loadCards('g-2')).toEqual([card(4, 10)]);
  });

  it('unfinished games are listed oldest first, and a finished one leaves the list', async () => {
    await store.createGame(meta('g-late', { createdAt: CREATED + 2000 }));
    await store.createGame(meta('g-early', { createdAt: CREATED }));
    await store.createGame(meta('g-mid', { createdAt: CREATED + 1000 }));
    expect(await store.listUnfinished()).toEqual(['g-early', 'g-mid', 'g-late']);

    await store.markFinished('g-mid');
    await store.markFinished('g-mid');
    await store.markFinished('ghost');
    expect(await store.listUnfinished()).toEqual(['g-early', 'g-late']);
    expect((await store.loadGame('g-mid'))?.finished).toBe(true);
    expect((await store.loadGame('g-early'))?.finished).toBe(false);
  });

  it('everything written survives closing the store and opening it again', async () => {
    await store.createGame(meta('g-1', { createdAt: CREATED }));
    await store.createGame(meta('g-2', { createdAt: CREATED + 1 }));
    for (let seq = 1; seq <= 5; seq++) await store.appendEntry('g-1', chat(seq, AWKWARD[seq] ?? `#${seq}`));
    await store.saveSeat('g-1', 'us', 'hash-ana', AWKWARD[0] ?? 'Ana');
    await store.saveCard('g-1', card(3, 55));
    await store.markFinished('g-2');
    const before = {
      game: await store.loadGame('g-1'),
      record: await store.loadRecord('g-1'),
      seats: await store.loadSeats('g-1'),
      cards: await store.loadCards('g-1'),
    };
    await store.close();
    await store.close();

    store = await place.open();
    expect({
      game: await store.loadGame('g-1'),
      record: await store.loadRecord('g-1'),
      seats: await store.loadSeats('g-1'),
      cards: await store.loadCards('g-1'),
    }).toEqual(before);
    expect(before.record?.entries).toHaveLength(5);
    expect(await store.listUnfinished()).toEqual(['g-1']);
    await store.appendEntry('g-1', ready(6));
    expect((await store.loadRecord('g-1'))?.entries).toHaveLength(6);
  });

  it('opening a second store on the same data sees the first one\'s commits at once', async () => {
    await store.createGame(meta('g-1'));
    const other = await place.open();
    try {
      await store.appendEntry('g-1', ready(1));
      expect((await other.loadRecord('g-1'))?.entries).toEqual([ready(1)]);
      await other.appendEntry('g-1', ready(2));
      expect((await store.loadRecord('g-1'))?.entries).toEqual([ready(1), ready(2)]);
    } finally {
      await other.close();
    }
  });
  it('the instructor\'s clock on a game is saved, replaced and cleared', async () => {
    await store.createGame(meta('g-1'));
    await store.saveClock('g-1', { phaseVersion: 4, deadline: null, pausedMs: 61_500 });
    expect((await store.loadGame('g-1'))?.clock).toEqual({ phaseVersion: 4, deadline: null, pausedMs: 61_500 });
    await store.saveClock('g-1', { phaseVersion: 5, deadline: CREATED + 90_000, pausedMs: null });
    expect((await store.loadGame('g-1'))?.clock).toEqual({ phaseVersion: 5, deadline: CREATED + 90_000, pausedMs: null });
    await store.saveClock('g-1', null);
    expect((await store.loadGame('g-1'))?.clock).toBeNull();
  });

  it('a bot takes a seat, is replaced by another, and gives it back; bots stay with their game', async () => {
    await store.createGame(meta('g-1'));
    await store.createGame(meta('g-2'));
    expect(await store.loadSeatBots('g-1')).toEqual({});
    await store.saveSeatBot('g-1', 'mx', 'defensive');
    await store.saveSeatBot('g-1', 'us', 'dealmaker');
    await store.saveSeatBot('g-2', 'us', 'punitive');
    await store.saveSeatBot('g-1', 'mx', 'extractive');
    expect(await store.loadSeatBots('g-1')).toEqual({ mx: 'extractive', us: 'dealmaker' });
    await store.saveSeatBot('g-1', 'us', null);
    await store.saveSeatBot('g-1', 'us', null);
    expect(await store.loadSeatBots('g-1')).toEqual({ mx: 'extractive' });
    expect(await store.loadSeatBots('g-2')).toEqual({ us: 'punitive' });
  });

  it('a fork is created with its prefix of entries, says where it came from, and is listed under its parent', async () => {
    await store.createGame(meta('g-parent'));
    const prefix: RecordEntry[] = [ready(1), { kind: 'advance', seq: 2, at: CREATED + 2, actor: { kind: 'table' }, reason: 'all-ready' }, chat(3, AWKWARD[3] ?? 'hi')];
    for (const entry of [...prefix, ready(4)]) await store.appendEntry('g-parent', entry);
    await store.createFork({ ...meta('g-fork-b', { createdAt: CREATED + 20 }), parent: { gameId: 'g-parent', step: 3 } }, prefix);
    await store.createFork({ ...meta('g-fork-a', { createdAt: CREATED + 10, cards: 'end' }), parent: { gameId: 'g-parent', step: 0 } }, []);
    await store.markFinished('g-fork-b');

    expect(await store.loadGame('g-fork-b')).toEqual({ ...meta('g-fork-b', { createdAt: CREATED + 20 }), finished: true, session: null, parent: { gameId: 'g-parent', step: 3 }, clock: null });
    expect(await store.loadRecord('g-fork-b')).toEqual({
      gameId: 'g-fork-b',
      scenarioId: 'us-mexico-2019',
      scenarioVersion: 3,
      seed: 2 ** 31 - 1,
      createdAt: CREATED + 20,
      parent: { gameId: 'g-parent', step: 3 },
      entries: prefix,
    });
    expect((await store.loadRecord('g-fork-a'))?.entries).toEqual([]);
    // The parent's own record says nothing of a parent, not even null.
    expect(Object.keys((await store.loadRecord('g-parent')) ?? {})).not.toContain('parent');
    expect(await store.listForks('g-parent')).toEqual([
      { gameId: 'g-fork-a', step: 0, createdAt: CREATED + 10, finished: false },
      { gameId: 'g-fork-b', step: 3, createdAt: CREATED + 20, finished: true },
    ]);
    expect(await store.listForks('g-fork-b')).toEqual([]);
    expect(await store.listForks('nope')).toEqual([]);
    // A fork plays on from its prefix like any game.
    await store.appendEntry('g-fork-a', ready(1));
    expect((await store.loadRecord('g-fork-a'))?.entries).toEqual([ready(1)]);
  });

  it('a fork whose prefix cannot be written leaves no game behind', async () => {
    await store.createGame(meta('g-parent'));
    // Two entries with one seq: the second insert fails inside the transaction.
    await expect(store.createFork({ ...meta('g-broken'), parent: { gameId: 'g-parent', step: 2 } }, [ready(1), chat(1, 'again')])).rejects.toThrow();
    expect(await store.loadGame('g-broken')).toBeNull();
    expect(await store.loadRecord('g-broken')).toBeNull();
    expect(await store.listForks('g-parent')).toEqual([]);
    expect(await store.listUnfinished()).toEqual(['g-parent']);
    // A fork id already taken is refused whole too, and the game that has it keeps its entries.
    await store.appendEntry('g-parent', ready(1));
    await expect(store.createFork({ ...meta('g-parent'), parent: { gameId: 'g-parent', step: 0 } }, [chat(2, 'sneaked in')])).rejects.toThrow();
    expect((await store.loadRecord('g-parent'))?.entries).toEqual([ready(1)]);
    // And the store goes on working after a rolled-back fork.
    await store.createFork({ ...meta('g-ok'), parent: { gameId: 'g-parent', step: 1 } }, [ready(1)]);
    expect((await store.listForks('g-parent')).map((f) => f.gameId)).toEqual(['g-ok']);
  });
});
