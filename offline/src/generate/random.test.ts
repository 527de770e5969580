import { describe, expect, it } from 'vitest';
import { createRandom } from './random.js';

describe('createRandom', () => {
  it('repeats the same stream for the same seed parts and differs for others', () => {
    const a = createRandom('patient', 42, 7);
    const b = createRandom('patient', 42, 7);
    const c = createRandom('patient', 42, 8);
    const seqA = Array.from({ length: 20 }, () => a.next());
    expect(Array.from({ length: 20 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 20 }, () => c.next())).not.toEqual(seqA);
  });

  it('draws uniform, normal and Poisson numbers with the right moments', () => {
    const r = createRandom('moments');
    const n = 40_000;
    let sum = 0;
    let sumSq = 0;
    let uniform = 0;
    let poisson = 0;
    for (let i = 0; i < n; i++) {
      const x = r.normal();
      sum += x;
      sumSq += x * x;
      uniform += r.next();
      poisson += r.poisson(3.5);
    }
    expect(Math.abs(sum / n)).toBeLessThan(0.03);
    expect(Math.abs(sumSq / n - 1)).toBeLessThan(0.05);
    expect(Math.abs(uniform / n - 0.5)).toBeLessThan(0.01);
    expect(Math.abs(poisson / n - 3.5)).toBeLessThan(0.05);
  });

  it('makes version-4 UUIDs', () => {
    const r = createRandom('ids');
    const ids = new Set(Array.from({ length: 1000 }, () => r.uuid()));
    expect(ids.size).toBe(1000);
    for (const id of ids) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
  });
});
