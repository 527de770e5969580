import { describe, expect, it } from 'vitest';
import { topByProbability } from './top-by-probability.js';

/** The reference: filter, sort, slice. */
function reference(values: readonly number[], limit: number): number[] {
  return values
    .map((_, i) => i)
    .filter((i) => (values[i] ?? 0) > 0)
    .sort((a, b) => (values[b] ?? 0) - (values[a] ?? 0) || a - b)
    .slice(0, Math.max(0, Math.trunc(limit)));
}

function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

describe('topByProbability', () => {
  it('returns what a full sort would, short and long, with ties, zeros and NaN excluded', () => {
    const next = random(5);
    for (let run = 0; run < 300; run++) {
      const size = Math.floor(next() * 250);
      // Few distinct values, so ties are common; zeros (and the odd NaN) are excluded.
      const values = Array.from({ length: size }, () =>
        next() < 0.02 ? Number.NaN : Math.floor(next() * 12) / 11,
      );
      const probability = Float64Array.from(values);
      for (const limit of [1, 3, 10, 20, 50, 64, 65, 100, 2.7, Number.MAX_SAFE_INTEGER]) {
        expect([...topByProbability(probability, limit)]).toEqual(reference(values, limit));
      }
    }
  });

  it('keeps none for a limit below 1', () => {
    const probability = Float64Array.from([0.2, 0.5]);
    expect([...topByProbability(probability, 0)]).toEqual([]);
    expect([...topByProbability(probability, -3)]).toEqual([]);
    expect([...topByProbability(probability, 0.9)]).toEqual([]);
  });
});
