import { describe, expect, it } from 'vitest';
import { draftKey, draftStore, fieldValue, storedAmount, type DraftStorage } from '../../client/net/draft-store.ts';

/** Web Storage's contract over a Map: strings in, strings out, null for a missing key. */
function memoryStorage(): DraftStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, String(value)),
    removeItem: (key) => void items.delete(key),
  };
}

describe('draftStore: what was typed and not sent, per game and seat', () => {
  it('keeps each part apart and gives back what was written', () => {
    const storage = memoryStorage();
    const store = draftStore(storage, 'g1', 'mx');
    store.write('chat', { to: 'us', text: 'Hola, ¿hablamos de aranceles?' });
    store.write('decision', { round: 2, levels: { mx_guard: 12, mx_asylum: null } });
    expect(draftStore(storage, 'g1', 'mx').read()).toEqual({
      chat: { to: 'us', text: 'Hola, ¿hablamos de aranceles?' },
      decision: { round: 2, levels: { mx_guard: 12, mx_asylum: null } },
    });
    // Another seat, or another game, sees nothing of it.
    expect(draftStore(storage, 'g1', 'us').read()).toEqual({});
    expect(draftStore(storage, 'g2', 'mx').read()).toEqual({});
  });

  it('forgets a part written as undefined, and the key once nothing is left', () => {
    const storage = memoryStorage();
    const store = draftStore(storage, 'g1', 'mx');
    store.write('chat', { to: 'us', text: 'x' });
    store.write('pledge', { kind: 'threat', target: 'us', ask: { instrument: 'us_aid', amount: 100 }, answer: { instrument: 'mx_loosen', amount: 5 }, dueRound: 2 });
    store.write('chat', undefined);
    expect(Object.keys(store.read())).toEqual(['pledge']);
    store.write('pledge', undefined);
    expect(storage.items.has(draftKey('g1', 'mx'))).toBe(false);
  });

  it('ignores corrupt storage: not JSON, not an object, or a part of the wrong shape (the other parts survive)', () => {
    const storage = memoryStorage();
    const key = draftKey('g1', 'mx');
    for (const bad of ['{', 'null', '[1,2]', '"text"', '42']) {
      storage.items.set(key, bad);
      expect(draftStore(storage, 'g1', 'mx').read()).toEqual({});
    }
    storage.items.set(
      key,
      JSON.stringify({
        chat: { to: 'us', text: 7 },
        decision: { round: 1.5, levels: {} },
        pledge: { kind: 'bribe', target: 'us' },
        proposal: { to: 'us', rounds: 2, counterOf: null, rows: [{ seat: 'mx', instrument: 'mx_guard', include: true, amount: 10 }] },
        extra: 'ignored',
      }),
    );
    expect(draftStore(storage, 'g1', 'mx').read()).toEqual({ proposal: { to: 'us', rounds: 2, counterOf: null, rows: [{ seat: 'mx', instrument: 'mx_guard', include: true, amount: 10 }] } });
    // A chat draft far beyond any message is not read back.
    storage.items.set(key, JSON.stringify({ chat: { to: 'us', text: 'x'.repeat(100_000) } }));
    expect(draftStore(storage, 'g1', 'mx').read()).toEqual({});
  });

  it('works without storage, and when storage throws (blocked or full)', () => {
    expect(draftStore(null, 'g1', 'mx').read()).toEqual({});
    const throwing: DraftStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    const store = draftStore(throwing, 'g1', 'mx');
    expect(() => store.write('chat', { to: 'us', text: 'x' })).not.toThrow();
    expect(store.read()).toEqual({});
  });

  it('keeps an empty number field as null and gives it back as an empty field', () => {
    expect(storedAmount(Number.NaN)).toBeNull();
    expect(storedAmount(12)).toBe(12);
    expect(fieldValue(null)).toBe('');
    expect(fieldValue(5000)).toBe('5000');
  });
});
