import { describe, expect, it } from 'vitest';
import { round4 } from './round4.js';

describe('round4', () => {
  it('equals Number(x.toFixed(4)) for probabilities, ties and edge values', () => {
    const values = [
      0,
      1,
      0.5,
      0.00005,
      0.00015,
      0.12345,
      0.99995,
      1e-20,
      5e-5,
      0.1 + 0.2,
      -0.00005,
    ];
    let s = 17;
    for (let i = 0; i < 50_000; i++) {
      s = (s * 1103515245 + 12345) % 2147483648;
      const u = s / 2147483648;
      values.push(u, u ** 6, Math.round(u * 1e5) / 1e5, (Math.floor(u * 1e4) + 0.5) / 1e4);
    }
    const wrong = values.filter((x) => round4(x) !== Number(x.toFixed(4)));
    expect(wrong).toEqual([]);
  });
});
