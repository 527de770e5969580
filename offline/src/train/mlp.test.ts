import { describe, expect, it } from 'vitest';
import { backwardRow, forwardRow, initMlp, paramArrays, rowScratch, seededRandom } from './mlp.js';
import { SparseRowsBuilder } from './sparse-rows.js';

function toyRows() {
  const random = seededRandom(3);
  const builder = new SparseRowsBuilder(6);
  for (let r = 0; r < 5; r++) {
    builder.add(
      Float32Array.from({ length: 6 }, () => (random() < 0.5 ? 0 : random() * 2 - 1)),
      r % 3,
    );
  }
  return builder.build();
}

describe('wide-and-deep forward and backward', () => {
  it('backward gives the cross-entropy gradient (finite differences agree)', () => {
    const rows = toyRows();
    const p = initMlp({ inputs: 6, hidden: 4, classes: 3 }, { seed: 5, activeInputs: 3 });
    p.w0.forEach((_, i) => {
      p.w0[i] = Math.sin(i) * 0.3;
    });
    const arrays = paramArrays(p);
    const grads = arrays.map((a) => new Float32Array(a.length));
    const s = rowScratch(p);
    const at = { rows, r: 2 };
    forwardRow(p, at, s);
    backwardRow({ p, rows, r: 2, s, grads, scale: 1 });
    const loss = (): number => {
      const scratch = rowScratch(p);
      forwardRow(p, at, scratch);
      const logits = Array.from(scratch.logits);
      const max = Math.max(...logits);
      const log = Math.log(logits.reduce((sum, x) => sum + Math.exp(x - max), 0)) + max;
      return log - (logits[rows.labels[2] ?? 0] ?? 0);
    };
    const h = 1e-3;
    let checked = 0;
    arrays.forEach((array, a) => {
      for (let i = 0; i < array.length; i += 3) {
        const before = array[i] ?? 0;
        array[i] = before + h;
        const up = loss();
        array[i] = before - h;
        const down = loss();
        array[i] = before;
        expect(grads[a]?.[i] ?? 0).toBeCloseTo((up - down) / (2 * h), 2);
        checked += 1;
      }
    });
    expect(checked).toBeGreaterThan(20);
  });

  it('uses only the non-zero inputs of a row', () => {
    const builder = new SparseRowsBuilder(4);
    builder.add(Float32Array.of(0, 1, 0, 0), 0);
    const rows = builder.build();
    expect(Array.from(rows.cols)).toEqual([1]);
    const p = initMlp({ inputs: 4, hidden: 0, classes: 2 }, { seed: 1, activeInputs: 1 });
    p.w0.set([9, 9, 1, -1, 9, 9, 9, 9]);
    const s = rowScratch(p);
    forwardRow(p, { rows, r: 0 }, s);
    expect(Array.from(s.logits)).toEqual([1, -1]);
  });
});
