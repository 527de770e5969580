/**
 * The bench's quick, honest learned model: multinomial logistic regression (softmax over the
 * conditions seen in training) over the sparse rows of `createDiagnosisInputLayout` without the
 * embedding, fitted with AdaGrad on mini-batches, an L2 penalty per feature (history features, which
 * identify patients, get a stronger one), and early stopping on a validation set of held-out training
 * patients. Not the product's trainer (offline/src/train): a yardstick for what a simple model learns.
 */

export interface SparseRow {
  index: Int32Array;
  value: Float32Array;
}

export interface SoftmaxOptions {
  features: number;
  classes: number;
  /** L2 penalty of each feature's weights. */
  l2: Float64Array;
  /** Held-out rows and labels for early stopping (best top-3 kept). */
  validation: { rows: readonly SparseRow[]; labels: Int32Array };
  maxEpochs?: number;
  learningRate?: number;
  batch?: number;
  seed?: number;
}

export interface SoftmaxModel {
  /** Class probabilities for one row. */
  predict(row: SparseRow): Float64Array;
  /** Epochs run before the validation top-3 stopped improving. */
  epochs: number;
}

/** A sparse row of the non-zero entries of a dense vector. */
export function sparse(dense: Float32Array): SparseRow {
  let n = 0;
  for (const v of dense) {
    n += v === 0 ? 0 : 1;
  }
  const index = new Int32Array(n);
  const value = new Float32Array(n);
  let k = 0;
  dense.forEach((v, i) => {
    if (v !== 0) {
      index[k] = i;
      value[k] = v;
      k += 1;
    }
  });
  return { index, value };
}

function softmaxInto(out: Float64Array): void {
  let max = Number.NEGATIVE_INFINITY;
  for (const v of out) {
    max = Math.max(max, v);
  }
  let total = 0;
  for (let c = 0; c < out.length; c++) {
    const e = Math.exp((out[c] ?? 0) - max);
    out[c] = e;
    total += e;
  }
  for (let c = 0; c < out.length; c++) {
    out[c] = (out[c] ?? 0) / total;
  }
}

function inTop3(p: Float64Array, label: number): boolean {
  const v = p[label] ?? 0;
  let above = 0;
  for (const x of p) {
    above += x > v ? 1 : 0;
  }
  return above < 3;
}

export function fitSoftmax(
  rows: readonly SparseRow[],
  labels: Int32Array,
  options: SoftmaxOptions,
): SoftmaxModel {
  const { features, classes, l2, validation } = options;
  const { maxEpochs = 12, learningRate = 0.2, batch = 64 } = options;
  const weights = new Float64Array(features * classes);
  const bias = new Float64Array(classes);
  const accumulated = new Float64Array(features * classes).fill(1e-8);
  const biasAccumulated = new Float64Array(classes).fill(1e-8);
  const scores = new Float64Array(classes);
  const current = { w: weights, b: bias };
  const order = Int32Array.from(rows, (_, i) => i);
  let state = options.seed ?? 1;
  const random = (): number => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 4_294_967_296;
  };
  const logits = (
    row: SparseRow,
    { w, b }: { w: Float64Array; b: Float64Array },
    out: Float64Array,
  ): void => {
    out.set(b);
    for (let k = 0; k < row.index.length; k++) {
      const base = (row.index[k] ?? 0) * classes;
      const x = row.value[k] ?? 0;
      for (let c = 0; c < classes; c++) {
        out[c] = (out[c] ?? 0) + x * (w[base + c] ?? 0);
      }
    }
  };
  const validationTop3 = (): number => {
    let hits = 0;
    validation.rows.forEach((row, i) => {
      logits(row, current, scores);
      hits += inTop3(scores, validation.labels[i] ?? 0) ? 1 : 0;
    });
    return hits / Math.max(1, validation.rows.length);
  };
  const best = { top3: -1, epochs: 0, weights: weights.slice(), bias: bias.slice() };
  const gradient = new Map<number, Float64Array>();
  const biasGradient = new Float64Array(classes);
  for (let epoch = 1; epoch <= maxEpochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const t = order[i] ?? 0;
      order[i] = order[j] ?? 0;
      order[j] = t;
    }
    for (let start = 0; start < order.length; start += batch) {
      gradient.clear();
      biasGradient.fill(0);
      const end = Math.min(order.length, start + batch);
      for (let b = start; b < end; b++) {
        const r = order[b] ?? 0;
        const row = rows[r];
        if (!row) {
          continue;
        }
        logits(row, current, scores);
        softmaxInto(scores);
        scores[labels[r] ?? 0] = (scores[labels[r] ?? 0] ?? 0) - 1;
        for (let c = 0; c < classes; c++) {
          biasGradient[c] = (biasGradient[c] ?? 0) + (scores[c] ?? 0);
        }
        for (let k = 0; k < row.index.length; k++) {
          const f = row.index[k] ?? 0;
          const x = row.value[k] ?? 0;
          let g = gradient.get(f);
          if (!g) {
            g = new Float64Array(classes);
            gradient.set(f, g);
          }
          for (let c = 0; c < classes; c++) {
            g[c] = (g[c] ?? 0) + x * (scores[c] ?? 0);
          }
        }
      }
      const n = end - start;
      for (const [f, g] of gradient) {
        const base = f * classes;
        const penalty = l2[f] ?? 0;
        for (let c = 0; c < classes; c++) {
          const w = weights[base + c] ?? 0;
          const step = (g[c] ?? 0) / n + penalty * w;
          const acc = (accumulated[base + c] ?? 0) + step * step;
          accumulated[base + c] = acc;
          weights[base + c] = w - (learningRate * step) / Math.sqrt(acc);
        }
      }
      for (let c = 0; c < classes; c++) {
        const step = (biasGradient[c] ?? 0) / n;
        const acc = (biasAccumulated[c] ?? 0) + step * step;
        biasAccumulated[c] = acc;
        bias[c] = (bias[c] ?? 0) - (learningRate * step) / Math.sqrt(acc);
      }
    }
    const top3 = validationTop3();
    if (top3 <= best.top3) {
      break;
    }
    best.top3 = top3;
    best.epochs = epoch;
    best.weights.set(weights);
    best.bias.set(bias);
  }
  return {
    epochs: best.epochs,
    predict(row) {
      const out = new Float64Array(classes);
      logits(row, { w: best.weights, b: best.bias }, out);
      softmaxInto(out);
      return out;
    },
  };
}
