import { describe, expect, it } from 'vitest';
import { seenTerms } from '../../client/ui/seen-terms.ts';

/** Web Storage's contract over a Map: strings in, strings out, null for a missing key. */
function memoryStorage(): { items: Map<string, string>; getItem(key: string): string | null; setItem(key: string, value: string): void } {
  const items = new Map<string, string>();
  return { items, getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, String(value)) };
}

describe('seenTerms: which number explanations this browser has shown', () => {
  it('starts with none seen and remembers each term apart, across readers of the same storage', () => {
    const storage = memoryStorage();
    const first = seenTerms(storage);
    expect([first.seen('objective'), first.seen('rating'), first.seen('projection')]).toEqual([false, false, false]);
    first.see('rating');
    first.see('rating');
    const later = seenTerms(storage);
    expect([later.seen('objective'), later.seen('rating'), later.seen('projection')]).toEqual([false, true, false]);
    later.see('objective');
    expect(JSON.parse(storage.items.get('border-bargain:seen-terms') ?? 'null')).toEqual(['rating', 'objective']);
  });

  it('reads a corrupt or foreign entry as nothing seen, and writes over it', () => {
    for (const stored of ['not json', '{"rating":true}', '["rating","score"]', '42']) {
      const storage = memoryStorage();
      storage.items.set('border-bargain:seen-terms', stored);
      const terms = seenTerms(storage);
      expect(terms.seen('rating')).toBe(false);
      terms.see('projection');
      expect(storage.items.get('border-bargain:seen-terms')).toBe('["projection"]');
    }
  });

  it('without storage, or with one that refuses writes, nothing is remembered and nothing throws', () => {
    expect(seenTerms(null).seen('objective')).toBe(false);
    seenTerms(null).see('objective');
    const refusing = { getItem: () => null, setItem: () => { throw new Error('QuotaExceededError'); } };
    const terms = seenTerms(refusing);
    terms.see('objective');
    expect(terms.seen('objective')).toBe(false);
  });
});
