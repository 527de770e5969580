/**
 * Temperature scaling (Guo et al. 2017): the T > 0 minimising the validation set's negative log
 * likelihood of softmax(logits / T), by golden-section search over log T in [1/20, 20].
 */
export function negativeLogLikelihood(options: {
  logits: Float64Array;
  labels: Int32Array;
  classes: number;
  temperature: number;
}): number {
  const { logits, labels, classes, temperature } = options;
  let total = 0;
  let n = 0;
  for (let r = 0; r < labels.length; r++) {
    const label = labels[r] ?? -1;
    if (label < 0) {
      continue;
    }
    const o = r * classes;
    let max = Number.NEGATIVE_INFINITY;
    for (let k = 0; k < classes; k++) {
      max = Math.max(max, (logits[o + k] ?? 0) / temperature);
    }
    let sum = 0;
    for (let k = 0; k < classes; k++) {
      sum += Math.exp((logits[o + k] ?? 0) / temperature - max);
    }
    total += max + Math.log(sum) - (logits[o + label] ?? 0) / temperature;
    n += 1;
  }
  return n === 0 ? 0 : total / n;
}

export function fitTemperature(options: {
  logits: Float64Array;
  labels: Int32Array;
  classes: number;
}): number {
  const nll = (logT: number): number =>
    negativeLogLikelihood({ ...options, temperature: Math.exp(logT) });
  let lo = Math.log(1 / 20);
  let hi = Math.log(20);
  const phi = (Math.sqrt(5) - 1) / 2;
  let a = hi - phi * (hi - lo);
  let b = lo + phi * (hi - lo);
  let fa = nll(a);
  let fb = nll(b);
  for (let i = 0; i < 40; i++) {
    if (fa <= fb) {
      hi = b;
      b = a;
      fb = fa;
      a = hi - phi * (hi - lo);
      fa = nll(a);
    } else {
      lo = a;
      a = b;
      fa = fb;
      b = lo + phi * (hi - lo);
      fb = nll(b);
    }
  }
  return Math.exp((lo + hi) / 2);
}
