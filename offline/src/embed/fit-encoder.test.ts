import { describe, expect, it } from 'vitest';
import { createEncoderForward } from './encoder-weights.js';
import { fitEncoder, idf } from './fit-encoder.js';

// Two kinds of patients: respiratory (asthma, salbutamol, wheeze) and metabolic (diabetes, metformin).
const vocabulary = ['c:asthma', 'c:type-2-diabetes', 'f:wheeze', 'm:435', 'm:6809'];
const docs = [
  ...Array.from({ length: 40 }, () => [0, 2, 3]),
  ...Array.from({ length: 40 }, () => [1, 4]),
  ...Array.from({ length: 10 }, () => [0, 3]),
];

function gram() {
  const counts = new Map<string, number>();
  const df = new Array<number>(vocabulary.length).fill(0);
  for (const doc of docs) {
    for (const i of doc) {
      df[i] = (df[i] ?? 0) + 1;
      for (const j of doc) {
        if (i <= j) {
          counts.set(
            `${String(i)},${String(j)}`,
            (counts.get(`${String(i)},${String(j)}`) ?? 0) + 1,
          );
        }
      }
    }
  }
  const entries = [...counts].map(([key, n]) => {
    const [i = 0, j = 0] = key.split(',').map(Number);
    return { i, j, n };
  });
  return { vocabulary, documentFrequency: df, documents: docs.length, entries };
}

describe('fitEncoder', () => {
  it('embeds patients with related histories close together and unrelated ones apart', () => {
    const { weights } = fitEncoder(gram(), 2);
    const encode = createEncoderForward(weights);
    const dot = (a: Float32Array, b: Float32Array): number =>
      a.reduce((s, x, i) => s + x * (b[i] ?? 0), 0);
    const asthma = encode(['c:asthma', 'm:435']);
    const wheeze = encode(['f:wheeze']);
    const diabetes = encode(['c:type-2-diabetes']);
    expect(dot(asthma, wheeze)).toBeGreaterThan(0.9);
    expect(Math.abs(dot(asthma, diabetes))).toBeLessThan(0.1);
    expect(Math.hypot(...asthma)).toBeCloseTo(1, 5);
    expect(Array.from(encode([]))).toEqual([0, 0]);
  });

  it('is deterministic, signs included, and weights rare tokens up', () => {
    expect(Array.from(fitEncoder(gram(), 2).weights.projection)).toEqual(
      Array.from(fitEncoder(gram(), 2).weights.projection),
    );
    expect(idf(1, 100)).toBeGreaterThan(idf(50, 100));
  });
});
