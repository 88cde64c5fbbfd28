import { describe, expect, it } from 'vitest';
import { spearman } from '../../shared/scoring/calibration.ts';

describe('Spearman rank correlation', () => {
  it('is 1 for the same order, -1 for the reverse, and reads ranks, not values', () => {
    expect(spearman([1, 2, 3, 4], [10, 20, 30, 400])).toBeCloseTo(1, 9);
    expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1, 9);
  });

  it('gives the textbook value for one swap among five (1 − 6·2 / (5·24) = 0.9)', () => {
    expect(spearman([1, 2, 3, 4, 5], [1, 2, 3, 5, 4])).toBeCloseTo(0.9, 9);
  });

  it('shares ranks between ties and is 0 when one side has no spread', () => {
    expect(spearman([1, 1, 2], [1, 2, 3])).toBeCloseTo(Math.sqrt(3) / 2, 9);
    expect(spearman([5, 5, 5], [1, 2, 3])).toBe(0);
  });
});
