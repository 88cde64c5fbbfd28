import { z } from 'zod';
import type { DraftStorage } from '../net/draft-store.ts';

/**
 * The three numbers a student meets, each with one name: the objective score (how a
 * country stands on its own aims), a card's decision rating (0–100 against the best
 * option) and a card's projected outcome (the objective score the framework expects the
 * decision to lead to). Each is explained the first time this browser shows it.
 */
export const NUMBER_TERMS = ['objective', 'rating', 'projection'] as const;
export type NumberTerm = (typeof NUMBER_TERMS)[number];

const STORAGE_KEY = 'border-bargain:seen-terms';
const Seen = z.array(z.enum(NUMBER_TERMS)).max(NUMBER_TERMS.length);

export type SeenTerms = {
  /** Whether this browser has already shown the term's explanation. */
  seen(term: NumberTerm): boolean;
  /** Remember that the explanation was shown. */
  see(term: NumberTerm): void;
};

/** What this browser has been told, read through zod: a corrupt or foreign entry counts as nothing seen. */
export function seenTerms(storage: Pick<DraftStorage, 'getItem' | 'setItem'> | null): SeenTerms {
  const read = (): NumberTerm[] => {
    try {
      const parsed = Seen.safeParse(JSON.parse(storage?.getItem(STORAGE_KEY) ?? '[]'));
      return parsed.success ? parsed.data : [];
    } catch {
      return [];
    }
  };
  return {
    seen: (term) => read().includes(term),
    see(term) {
      const known = read();
      if (known.includes(term)) return;
      try {
        storage?.setItem(STORAGE_KEY, JSON.stringify([...known, term]));
      } catch {
        // A full or forbidden storage: the explanation is shown again next time, no harm done.
      }
    },
  };
}
