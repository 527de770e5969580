/** Adam (Kingma & Ba 2015) over float32 parameter arrays, with an L2 penalty on the weights. */
export interface AdamOptions {
  learningRate: number;
  l2: number;
  beta1?: number;
  beta2?: number;
  epsilon?: number;
}

export interface Adam {
  /** Applies one step with `grads` (same order as the parameters); `isWeight[i]` gets the L2 term. */
  step(grads: readonly Float32Array[]): void;
  /** Scales the learning rate from now on (a schedule's per-epoch decay). */
  setLearningRate(rate: number): void;
}

export function createAdam(options: {
  params: readonly Float32Array[];
  isWeight: readonly boolean[];
  config: AdamOptions;
}): Adam {
  const { params, isWeight, config } = options;
  const { l2, beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8 } = config;
  const m = params.map((p) => new Float32Array(p.length));
  const v = params.map((p) => new Float32Array(p.length));
  let t = 0;
  let learningRate = config.learningRate;
  return {
    setLearningRate(rate) {
      learningRate = rate;
    },
    step(grads) {
      t += 1;
      const c1 = 1 - beta1 ** t;
      const c2 = 1 - beta2 ** t;
      const rate = (learningRate * Math.sqrt(c2)) / c1;
      params.forEach((p, a) => {
        const g = grads[a];
        const ma = m[a];
        const va = v[a];
        if (!g || !ma || !va) {
          return;
        }
        const decay = isWeight[a] ? l2 : 0;
        for (let i = 0; i < p.length; i++) {
          const w = p[i] ?? 0;
          const grad = (g[i] ?? 0) + decay * w;
          const mi = beta1 * (ma[i] ?? 0) + (1 - beta1) * grad;
          const vi = beta2 * (va[i] ?? 0) + (1 - beta2) * grad * grad;
          ma[i] = mi;
          va[i] = vi;
          p[i] = w - (rate * mi) / (Math.sqrt(vi) + epsilon);
        }
      });
    },
  };
}
