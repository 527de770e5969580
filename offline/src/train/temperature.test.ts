import { describe, expect, it } from 'vitest';
import { seededRandom } from './mlp.js';
import { fitTemperature, negativeLogLikelihood } from './temperature.js';

describe('temperature scaling', () => {
  it('recovers the temperature that over-confident logits were sharpened by', () => {
    const random = seededRandom(11);
    const classes = 4;
    const n = 4000;
    const logits = new Float64Array(n * classes);
    const labels = new Int32Array(n);
    for (let r = 0; r < n; r++) {
      const base = Array.from({ length: classes }, () => random() * 3);
      // Labels drawn from softmax(base): calibrated at T = 1 for `base`.
      const e = base.map(Math.exp);
      const total = e.reduce((a, b) => a + b, 0);
      let u = random() * total;
      let label = 0;
      while (label < classes - 1 && u > (e[label] ?? 0)) {
        u -= e[label] ?? 0;
        label += 1;
      }
      labels[r] = label;
      base.forEach((b, k) => {
        logits[r * classes + k] = 2.5 * b; // over-confident by a factor 2.5
      });
    }
    const t = fitTemperature({ logits, labels, classes });
    expect(t).toBeGreaterThan(2.2);
    expect(t).toBeLessThan(2.8);
    expect(negativeLogLikelihood({ logits, labels, classes, temperature: t })).toBeLessThan(
      negativeLogLikelihood({ logits, labels, classes, temperature: 1 }),
    );
  });
});
