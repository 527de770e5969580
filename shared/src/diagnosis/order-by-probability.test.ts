import { describe, expect, it } from 'vitest';
import { orderByProbability } from './order-by-probability.js';

/** The reference: filter the positive ones, sort by probability (descending), then index. */
function reference(values: readonly number[]): number[] {
  return values
    .map((_, i) => i)
    .filter((i) => (values[i] ?? 0) > 0)
    .sort((a, b) => (values[b] ?? 0) - (values[a] ?? 0) || a - b);
}

function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

describe('orderByProbability', () => {
  it('orders as a full comparator sort would, with ties in index order and zeros and NaN left out', () => {
    const next = random(17);
    for (let run = 0; run < 400; run++) {
      const size = Math.floor(next() * 300);
      // Few distinct values in half the runs, so ties are common.
      const coarse = next() < 0.5;
      const values = Array.from({ length: size }, () =>
        next() < 0.02
          ? Number.NaN
          : next() < 0.1
            ? 0
            : coarse
              ? Math.floor(next() * 12) / 11
              : next() ** 6,
      );
      expect([...orderByProbability(Float64Array.from(values))]).toEqual(reference(values));
    }
  });

  it('keeps every index of a constant vector in index order', () => {
    expect([...orderByProbability(new Float64Array(19).fill(0.25))]).toEqual(
      Array.from({ length: 19 }, (_, i) => i),
    );
    expect([...orderByProbability(new Float64Array(0))]).toEqual([]);
  });
});
