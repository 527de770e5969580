import { describe, expect, it } from 'vitest';
import { rankingMetrics, rankProbabilities } from './metrics.js';

describe('rankingMetrics', () => {
  it('counts top-k hits, macro recall and per-condition recall', () => {
    const m = rankingMetrics({
      labels: ['a', 'a', 'b', 'c'],
      predictions: [
        { top: ['a', 'b', 'c'], confidence: 0.9 },
        { top: ['b', 'a', 'c'], confidence: 0.6 },
        { top: ['b', 'c', 'a'], confidence: 0.8 },
        { top: ['a', 'b', 'd', 'c'], confidence: 0.5 },
      ],
    });
    expect(m.top1).toBe(0.5);
    expect(m.top3).toBe(0.75);
    expect(m.top10).toBe(1);
    // a: 1/2, b: 1/1, c: 0/1 → mean 0.5
    expect(m.macroRecall).toBeCloseTo(0.5);
    expect(m.perCondition[0]).toEqual({ condition: 'a', support: 2, recall: 0.5, recallTop3: 1 });
  });

  it('computes ECE over 15 equal-width confidence bins', () => {
    // Two rows in the 0.8–0.867 bin at 0.85 confidence, one right: |0.5 − 0.85| × 2/4;
    // two rows in the 0.533–0.6 bin at 0.55, both right: |1 − 0.55| × 2/4.
    const m = rankingMetrics({
      labels: ['a', 'a', 'a', 'a'],
      predictions: [
        { top: ['a'], confidence: 0.85 },
        { top: ['b'], confidence: 0.85 },
        { top: ['a'], confidence: 0.55 },
        { top: ['a'], confidence: 0.55 },
      ],
    });
    expect(m.ece).toBeCloseTo(0.35 * 0.5 + 0.45 * 0.5, 10);
    expect(m.reliability.filter((b) => b.count > 0)).toHaveLength(2);
  });
});

describe('rankProbabilities', () => {
  it('orders classes by probability and keeps the best ten', () => {
    const classes = Array.from({ length: 12 }, (_, i) => `c${String(i)}`);
    const probabilities = Float32Array.from(classes, (_, i) => (i === 7 ? 0.5 : 0.5 / 11));
    const ranked = rankProbabilities({ probabilities, offset: 0, classes });
    expect(ranked.top).toHaveLength(10);
    expect(ranked.top[0]).toBe('c7');
    expect(ranked.confidence).toBeCloseTo(0.5);
  });
});
