import { describe, expect, it } from 'vitest';
import { topIndexes } from './top-indexes.js';

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

describe('topIndexes', () => {
  it('returns what a full sort would, for short and long lists, with ties and exclusions', () => {
    const next = random(3);
    for (let run = 0; run < 300; run++) {
      const size = Math.floor(next() * 250);
      // Few distinct values, so ties are common; zeros are excluded.
      const values = Array.from({ length: size }, () => Math.floor(next() * 12) / 11);
      for (const limit of [1, 3, 10, 20, 32, 33, 50, 2.7, Number.MAX_SAFE_INTEGER]) {
        const top = topIndexes({
          size,
          limit,
          include: (i) => (values[i] ?? 0) > 0,
          before: (a, b) =>
            (values[a] ?? 0) > (values[b] ?? 0) || (values[a] === values[b] && a < b),
        });
        expect(top).toEqual(reference(values, limit));
      }
    }
  });

  it('keeps none for a limit below 1', () => {
    const options = { size: 5, include: () => true, before: (a: number, b: number) => a < b };
    expect(topIndexes({ ...options, limit: 0 })).toEqual([]);
    expect(topIndexes({ ...options, limit: -3 })).toEqual([]);
  });
});
