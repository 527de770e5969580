import { describe, expect, it } from 'vitest';
import { addCounts, compareSets, scoresOf, zeroCounts } from './metrics.js';

describe('compareSets / scoresOf', () => {
  it('counts hits, false alarms and misses and lists them', () => {
    const c = compareSets(new Set(['a', 'b', 'x']), new Set(['a', 'b', 'c', 'd']));
    expect(c).toEqual({ tp: 2, fp: 1, fn: 2, falsePositives: ['x'], falseNegatives: ['c', 'd'] });
    const s = scoresOf(c);
    expect(s.precision).toBeCloseTo(2 / 3);
    expect(s.recall).toBeCloseTo(0.5);
    expect(s.f1).toBeCloseTo((2 * (2 / 3) * 0.5) / (2 / 3 + 0.5));
  });

  it('leaves undefined ratios null instead of 0 or 1', () => {
    expect(scoresOf({ tp: 0, fp: 0, fn: 0 })).toMatchObject({
      precision: null,
      recall: null,
      f1: null,
    });
    expect(scoresOf({ tp: 0, fp: 0, fn: 3 })).toMatchObject({
      precision: null,
      recall: 0,
      f1: 0,
    });
  });

  it('micro-averages by summing counts over notes', () => {
    const total = zeroCounts();
    addCounts(total, compareSets(new Set(['a']), new Set(['a'])));
    addCounts(total, compareSets(new Set(['b']), new Set(['c'])));
    expect(total).toEqual({ tp: 1, fp: 1, fn: 1 });
    expect(scoresOf(total).f1).toBeCloseTo(0.5);
  });
});
