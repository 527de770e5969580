/**
 * Mini-batch training of the diagnosis model: Adam with an L2 penalty, shuffled batches (seeded),
 * early stopping on the validation loss (the best epoch's weights are kept). Yields to the event
 * loop between batches so a BullMQ worker keeps renewing its lock and an abort stops it promptly.
 */
import { createAdam, type AdamOptions } from './adam.js';
import {
  allLogits,
  backwardRow,
  forwardRow,
  initMlp,
  IS_WEIGHT,
  paramArrays,
  rowScratch,
  seededRandom,
  type MlpParams,
  type RowCursor,
} from './mlp.js';
import type { SparseRows } from './sparse-rows.js';
import { negativeLogLikelihood } from './temperature.js';

export interface FitOptions {
  hidden: number;
  epochs: number;
  batchSize: number;
  adam: AdamOptions;
  /** Epochs without a better validation loss before stopping. */
  patience: number;
  seed: number;
  /**
   * The learning rate is multiplied by this after every epoch (1: constant). A decaying step lets
   * the later epochs settle instead of oscillating around the minimum, so fewer epochs reach it.
   */
  learningRateDecay?: number;
}

/**
 * Up to 4 epochs at a learning rate of 0.02 decaying ×0.6 per epoch. Measured on the 20,000-patient
 * lake (75,298 training rows): validation loss 0.831 and top-3 90.8 % after 4 epochs, against 0.852
 * and 90.4 % at epoch 4 of 6 with the constant 0.01 it replaces (which needed two more epochs for
 * early stopping to confirm the plateau): a third less fitting CPU for a slightly better model.
 */
export const DEFAULT_FIT: FitOptions = {
  hidden: 16,
  epochs: 4,
  batchSize: 512,
  adam: { learningRate: 0.02, l2: 1e-5 },
  patience: 2,
  seed: 7,
  learningRateDecay: 0.6,
};

export interface EpochRecord {
  epoch: number;
  trainLoss: number;
  validationLoss: number;
  validationTop1: number;
  seconds: number;
}

export interface FitResult {
  params: MlpParams;
  history: EpochRecord[];
  bestEpoch: number;
}

function top1(logits: Float64Array, labels: Int32Array, classes: number): number {
  let correct = 0;
  for (let r = 0; r < labels.length; r++) {
    let best = 0;
    for (let k = 1; k < classes; k++) {
      if ((logits[r * classes + k] ?? 0) > (logits[r * classes + best] ?? 0)) {
        best = k;
      }
    }
    correct += best === labels[r] ? 1 : 0;
  }
  return labels.length === 0 ? 0 : correct / labels.length;
}

const yieldToLoop = (): Promise<void> =>
  new Promise((resolve) => {
    setImmediate(resolve);
  });

export async function fitModel(options: {
  train: SparseRows;
  validation: SparseRows;
  classes: number;
  fit: FitOptions;
  signal?: AbortSignal;
  onEpoch?: (record: EpochRecord) => void;
}): Promise<FitResult> {
  const { train, validation, classes, fit, signal } = options;
  const activeInputs = Math.max(1, train.cols.length / Math.max(1, train.count));
  const params = initMlp(
    { inputs: train.width, hidden: fit.hidden, classes },
    { seed: fit.seed, activeInputs },
  );
  const arrays = paramArrays(params);
  const grads = arrays.map((a) => new Float32Array(a.length));
  const adam = createAdam({ params: arrays, isWeight: IS_WEIGHT, config: fit.adam });
  const random = seededRandom(fit.seed + 1);
  const order = Uint32Array.from({ length: train.count }, (_, i) => i);
  const s = rowScratch(params);
  const at: RowCursor = { rows: train, r: 0 };
  const history: EpochRecord[] = [];
  let best = { loss: Number.POSITIVE_INFINITY, epoch: 0, weights: arrays.map((a) => a.slice()) };
  // Rows whose label the model lacks carry no gradient.
  const usable = (r: number): boolean => (train.labels[r] ?? -1) >= 0;

  const decay = fit.learningRateDecay ?? 1;
  for (let epoch = 1; epoch <= fit.epochs; epoch++) {
    const started = performance.now();
    adam.setLearningRate(fit.adam.learningRate * decay ** (epoch - 1));
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const t = order[i] ?? 0;
      order[i] = order[j] ?? 0;
      order[j] = t;
    }
    let lossSum = 0;
    let seen = 0;
    let lastYield = performance.now();
    for (let b = 0; b < order.length; b += fit.batchSize) {
      for (const g of grads) {
        g.fill(0);
      }
      const end = Math.min(order.length, b + fit.batchSize);
      const scale = 1 / (end - b);
      for (let i = b; i < end; i++) {
        const r = order[i] ?? 0;
        if (!usable(r)) {
          continue;
        }
        at.r = r;
        forwardRow(params, at, s);
        lossSum += backwardRow({ p: params, rows: train, r, s, grads, scale });
        seen += 1;
      }
      adam.step(grads);
      if (performance.now() - lastYield > 200) {
        await yieldToLoop();
        signal?.throwIfAborted();
        lastYield = performance.now();
      }
    }
    const logits = allLogits(params, validation);
    const validationLoss = negativeLogLikelihood({
      logits,
      labels: validation.labels,
      classes,
      temperature: 1,
    });
    const record: EpochRecord = {
      epoch,
      trainLoss: seen === 0 ? 0 : lossSum / seen,
      validationLoss,
      validationTop1: top1(logits, validation.labels, classes),
      seconds: (performance.now() - started) / 1000,
    };
    history.push(record);
    options.onEpoch?.(record);
    if (validationLoss < best.loss - 1e-4) {
      best = { loss: validationLoss, epoch, weights: arrays.map((a) => a.slice()) };
    } else if (epoch - best.epoch >= fit.patience) {
      break;
    }
    await yieldToLoop();
  }
  arrays.forEach((a, i) => {
    const w = best.weights[i];
    if (w) {
      a.set(w);
    }
  });
  return { params, history, bestEpoch: best.epoch };
}
