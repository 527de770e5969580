/**
 * The diagnosis model: a wide-and-deep softmax classifier,
 *   logits = x·W0 + b + Relu(x·W1 + b1)·W2,   p = softmax(logits / T),
 * with the forward and backward passes over sparse input rows. `hidden = 0` is softmax regression.
 * Weights are float32 (what the ONNX export holds); sums are accumulated in float64.
 */
import type { SparseRows } from './sparse-rows.js';

export interface MlpShape {
  readonly inputs: number;
  readonly hidden: number;
  readonly classes: number;
}

export interface MlpParams extends MlpShape {
  /** [inputs × classes] */
  readonly w0: Float32Array;
  /** [classes] */
  readonly b: Float32Array;
  /** [inputs × hidden] */
  readonly w1: Float32Array;
  /** [hidden] */
  readonly b1: Float32Array;
  /** [hidden × classes] */
  readonly w2: Float32Array;
}

/** The parameter arrays in a fixed order (Adam state and gradients mirror it). */
export function paramArrays(p: MlpParams): Float32Array[] {
  return [p.w0, p.b, p.w1, p.b1, p.w2];
}

/** Which arrays are weights (L2-penalised) rather than biases. */
export const IS_WEIGHT = [true, false, true, false, true] as const;

/** mulberry32: a small seeded generator, so the same data and seed give the same model. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function initMlp(
  shape: MlpShape,
  options: { seed: number; activeInputs: number },
): MlpParams {
  const { inputs, hidden, classes } = shape;
  const random = seededRandom(options.seed);
  const uniform = (n: number, scale: number): Float32Array =>
    Float32Array.from({ length: n }, () => (random() * 2 - 1) * scale);
  // Glorot-style scales on the number of inputs a row actually activates, not the layout width.
  return {
    ...shape,
    w0: new Float32Array(inputs * classes),
    b: new Float32Array(classes),
    w1: uniform(inputs * hidden, Math.sqrt(6 / (options.activeInputs + hidden))),
    b1: new Float32Array(hidden).fill(0.01),
    w2: uniform(hidden * classes, Math.sqrt(6 / (hidden + classes)) * 0.5),
  };
}

/** Scratch buffers for one row's pass. */
export interface RowScratch {
  readonly pre: Float64Array;
  readonly act: Float64Array;
  readonly logits: Float64Array;
  readonly delta: Float64Array;
  readonly dHidden: Float64Array;
}

export function rowScratch(shape: MlpShape): RowScratch {
  return {
    pre: new Float64Array(shape.hidden),
    act: new Float64Array(shape.hidden),
    logits: new Float64Array(shape.classes),
    delta: new Float64Array(shape.classes),
    dHidden: new Float64Array(shape.hidden),
  };
}

/** Which row of which rows a pass works on (reused across calls: no allocation per row). */
export interface RowCursor {
  rows: SparseRows;
  r: number;
}

/** Logits of the cursor's row into `s.logits` (hidden activations kept in `s.pre`/`s.act`). */
export function forwardRow(p: MlpParams, at: RowCursor, s: RowScratch): void {
  // The hot loop of training and scoring: locals and `as number` reads (indices are in range by
  // construction), so V8 keeps every access a plain typed-array load.
  const { rows, r } = at;
  const { hidden: h, classes: c, w0, w1, w2, b, b1 } = p;
  const { cols, vals } = rows;
  const start = rows.rowStart[r] as number;
  const end = rows.rowStart[r + 1] as number;
  const { logits, pre, act } = s;
  for (let k = 0; k < c; k++) {
    logits[k] = b[k] as number;
  }
  for (let j = 0; j < h; j++) {
    pre[j] = b1[j] as number;
  }
  for (let q = start; q < end; q++) {
    const col = cols[q] as number;
    const v = vals[q] as number;
    const o0 = col * c;
    for (let k = 0; k < c; k++) {
      logits[k] = (logits[k] as number) + v * (w0[o0 + k] as number);
    }
    const o1 = col * h;
    for (let j = 0; j < h; j++) {
      pre[j] = (pre[j] as number) + v * (w1[o1 + j] as number);
    }
  }
  for (let j = 0; j < h; j++) {
    const a = Math.max(0, pre[j] as number);
    act[j] = a;
    if (a > 0) {
      const o2 = j * c;
      for (let k = 0; k < c; k++) {
        logits[k] = (logits[k] as number) + a * (w2[o2 + k] as number);
      }
    }
  }
}

/** Softmax of `logits / temperature` into `out`; returns the log of the normaliser's max-shift. */
export function softmaxInto(
  logits: ArrayLike<number>,
  temperature: number,
  out: Float64Array,
): void {
  let max = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < out.length; k++) {
    max = Math.max(max, (logits[k] ?? 0) / temperature);
  }
  let sum = 0;
  for (let k = 0; k < out.length; k++) {
    const e = Math.exp((logits[k] ?? 0) / temperature - max);
    out[k] = e;
    sum += e;
  }
  for (let k = 0; k < out.length; k++) {
    out[k] = (out[k] ?? 0) / sum;
  }
}

/**
 * Accumulates row r's gradient (scaled by `scale`, e.g. 1/batch) into `grads` (same order as
 * `paramArrays`) after `forwardRow`; returns the row's cross-entropy.
 */
export function backwardRow(options: {
  p: MlpParams;
  rows: SparseRows;
  r: number;
  s: RowScratch;
  grads: readonly Float32Array[];
  scale: number;
}): number {
  const { p, rows, r, s, grads, scale } = options;
  const [g0, gb, g1, gb1, g2] = grads as [
    Float32Array,
    Float32Array,
    Float32Array,
    Float32Array,
    Float32Array,
  ];
  const { hidden: h, classes: c, w2 } = p;
  const label = rows.labels[r] ?? -1;
  const { delta, act, dHidden } = s;
  softmaxInto(s.logits, 1, delta);
  const loss = -Math.log(Math.max(delta[label] ?? 0, 1e-12));
  for (let k = 0; k < c; k++) {
    const d = ((delta[k] as number) - (k === label ? 1 : 0)) * scale;
    delta[k] = d;
    gb[k] = (gb[k] as number) + d;
  }
  for (let j = 0; j < h; j++) {
    const a = act[j] as number;
    let back = 0;
    if (a > 0) {
      const o2 = j * c;
      for (let k = 0; k < c; k++) {
        const d = delta[k] as number;
        g2[o2 + k] = (g2[o2 + k] as number) + a * d;
        back += (w2[o2 + k] as number) * d;
      }
    }
    dHidden[j] = back;
    gb1[j] = (gb1[j] as number) + back;
  }
  const { cols, vals } = rows;
  const start = rows.rowStart[r] as number;
  const end = rows.rowStart[r + 1] as number;
  for (let q = start; q < end; q++) {
    const col = cols[q] as number;
    const v = vals[q] as number;
    const o0 = col * c;
    for (let k = 0; k < c; k++) {
      g0[o0 + k] = (g0[o0 + k] as number) + v * (delta[k] as number);
    }
    const o1 = col * h;
    for (let j = 0; j < h; j++) {
      g1[o1 + j] = (g1[o1 + j] as number) + v * (dHidden[j] as number);
    }
  }
  return loss;
}

/** Logits of every row, [count × classes] (validation, calibration, evaluation). */
export function allLogits(p: MlpParams, rows: SparseRows): Float64Array {
  const out = new Float64Array(rows.count * p.classes);
  const s = rowScratch(p);
  const at: RowCursor = { rows, r: 0 };
  for (let r = 0; r < rows.count; r++) {
    at.r = r;
    forwardRow(p, at, s);
    out.set(s.logits, r * p.classes);
  }
  return out;
}
