/**
 * Accuracy against training-set size: the model refitted on nested random subsets of the training
 * rows (1/64, 1/16, 1/4), scored on the validation rows; the full model is the last point.
 */
import { fitModel, type FitOptions } from './fit-model.js';
import { allLogits, seededRandom, type MlpParams } from './mlp.js';
import { selectRows, type SparseRows } from './sparse-rows.js';

export interface LearningPoint {
  examples: number;
  top1: number;
  top3: number;
}

export const CURVE_FRACTIONS = [1 / 64, 1 / 16, 1 / 4] as const;
/** Refits for the curve stop after this many epochs (early stopping usually comes first). */
export const CURVE_MAX_EPOCHS = 4;
const MIN_POINT = 200;

/** Top-1 and top-3 accuracy of logits (rows with a class the model lacks count as misses). */
export function topAccuracy(options: {
  logits: Float64Array;
  labels: Int32Array;
  classes: number;
}): { top1: number; top3: number } {
  const { logits, labels, classes } = options;
  let top1 = 0;
  let top3 = 0;
  for (let r = 0; r < labels.length; r++) {
    const label = labels[r] ?? -1;
    if (label < 0) {
      continue;
    }
    const own = logits[r * classes + label] ?? 0;
    let above = 0;
    for (let k = 0; k < classes; k++) {
      if ((logits[r * classes + k] ?? 0) > own) {
        above += 1;
      }
    }
    top1 += above === 0 ? 1 : 0;
    top3 += above < 3 ? 1 : 0;
  }
  const n = Math.max(1, labels.length);
  return { top1: top1 / n, top3: top3 / n };
}

export async function learningCurve(options: {
  train: SparseRows;
  validation: SparseRows;
  classes: number;
  fit: FitOptions;
  full: MlpParams;
  signal?: AbortSignal;
}): Promise<LearningPoint[]> {
  const { train, validation, classes, fit } = options;
  const random = seededRandom(fit.seed + 11);
  const order = Array.from({ length: train.count }, (_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j] ?? 0, order[i] ?? 0];
  }
  const points: LearningPoint[] = [];
  for (const fraction of CURVE_FRACTIONS) {
    const n = Math.floor(train.count * fraction);
    if (n < MIN_POINT) {
      continue;
    }
    const subset = selectRows(
      train,
      order.slice(0, n).sort((a, b) => a - b),
    );
    const { params } = await fitModel({
      train: subset,
      validation,
      classes,
      fit: { ...fit, epochs: Math.min(fit.epochs, CURVE_MAX_EPOCHS) },
      ...(options.signal ? { signal: options.signal } : {}),
    });
    points.push({
      examples: n,
      ...topAccuracy({ logits: allLogits(params, validation), labels: validation.labels, classes }),
    });
  }
  points.push({
    examples: train.count,
    ...topAccuracy({
      logits: allLogits(options.full, validation),
      labels: validation.labels,
      classes,
    }),
  });
  return points;
}
