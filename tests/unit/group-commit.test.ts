import { describe, expect, it } from 'vitest';
import { GroupCommit, StoreBusyError, StoreClosedError } from '../../server/store/group-commit.ts';

/** A writer that keeps what it committed, batch by batch, and fails any batch holding a "bad" item. */
function ledger(options: { hold?: Promise<void> } = {}) {
  const batches: string[][] = [];
  const tried: string[][] = [];
  const write = async (batch: readonly string[]): Promise<void> => {
    tried.push([...batch]);
    if (options.hold !== undefined) await options.hold;
    if (batch.includes('bad')) throw new Error('constraint failed');
    batches.push([...batch]);
  };
  return { batches, tried, write };
}

function settled(promises: Promise<void>[]): Promise<string[]> {
  return Promise.allSettled(promises).then((outcomes) => outcomes.map((o) => (o.status === 'fulfilled' ? 'stored' : o.reason instanceof Error ? o.reason.message : 'rejected')));
}

describe('group commit', () => {
  it('writes added in one turn of the event loop go in one batch, in the order they came', async () => {
    const store = ledger();
    const commits = new GroupCommit(store.write, 100);
    await Promise.all([commits.add('a'), commits.add('b'), commits.add('c')]);
    expect(store.batches).toEqual([['a', 'b', 'c']]);
  });

  it('nothing resolves before its batch is written', async () => {
    let release = (): void => undefined;
    const hold = new Promise<void>((resolve) => (release = resolve));
    const store = ledger({ hold });
    const commits = new GroupCommit(store.write, 100);
    let stored = false;
    const first = commits.add('a').then(() => (stored = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(store.tried).toEqual([['a']]);
    expect(stored).toBe(false);
    release();
    await first;
    expect(stored).toBe(true);
  });

  it('writes added while a batch is in flight make the next batch, started as it ends', async () => {
    let release = (): void => undefined;
    const hold = new Promise<void>((resolve) => (release = resolve));
    const store = ledger({ hold });
    const commits = new GroupCommit(store.write, 100);
    const first = commits.add('a');
    await new Promise((resolve) => setImmediate(resolve));
    const later = [commits.add('b'), commits.add('c')];
    expect(commits.depth).toBe(2);
    release();
    await Promise.all([first, ...later]);
    expect(store.batches).toEqual([['a'], ['b', 'c']]);
  });

  it('a failed batch is tried again one write at a time: the bad write alone is refused, the others are stored', async () => {
    const store = ledger();
    const commits = new GroupCommit(store.write, 100);
    expect(await settled([commits.add('a'), commits.add('bad'), commits.add('c')])).toEqual(['stored', 'constraint failed', 'stored']);
    expect(store.tried).toEqual([['a', 'bad', 'c'], ['a'], ['bad'], ['c']]);
    expect(store.batches).toEqual([['a'], ['c']]);
  });

  it('a writer that fails at once, as SQLite\'s synchronous one does, refuses that write and goes on with the next', async () => {
    const written: string[][] = [];
    const commits = new GroupCommit((batch: readonly string[]) => {
      if (batch.includes('bad')) throw new Error('constraint failed');
      written.push([...batch]);
    }, 100);
    await expect(commits.add('bad')).rejects.toThrow('constraint failed');
    await commits.add('next');
    expect(written).toEqual([['next']]);
  });

  it('past its bound it refuses as busy at once, stores nothing of the refused write, and takes writes again once the queue drains', async () => {
    const store = ledger();
    const commits = new GroupCommit(store.write, 2);
    const outcomes = settled([commits.add('a'), commits.add('b'), commits.add('c')]);
    expect(await outcomes).toEqual(['stored', 'stored', 'the store has 2 writes waiting; try again']);
    const busy = await commits.add('x').then(() => null, (error: unknown) => error);
    expect(busy).toBeNull();
    await expect(new GroupCommit(store.write, 0).add('y')).rejects.toBeInstanceOf(StoreBusyError);
    expect(store.batches).toEqual([['a', 'b'], ['x']]);
  });

  it('closing commits every write already added, then refuses new ones', async () => {
    const store = ledger();
    const commits = new GroupCommit(store.write, 100);
    const added = [commits.add('a'), commits.add('b')];
    await commits.close();
    expect(store.batches).toEqual([['a', 'b']]);
    await Promise.all(added);
    await expect(commits.add('c')).rejects.toBeInstanceOf(StoreClosedError);
  });
});
