/**
 * Ranking and calibration metrics of a differential against final diagnoses:
 * - top-k accuracy: the final diagnosis among the first k suggestions (k = 1, 3, 10);
 * - macro recall: top-1 recall averaged over the conditions present in the set (each counts once);
 * - expected calibration error: the top-1 suggestion's confidence in 15 equal-width bins over
 *   [0, 1], ECE = Σ_b (n_b / N)·|accuracy_b − mean confidence_b| (Guo et al. 2017);
 * - per-condition recall (top-1 and top-3) with support.
 */
export interface RankedPrediction {
  /** Condition ids, most probable first (at least 10 when available). */
  readonly top: readonly string[];
  /** Probability given to `top[0]`. */
  readonly confidence: number;
}

export const ECE_BINS = 15;

export interface ReliabilityBin {
  lower: number;
  upper: number;
  count: number;
  confidence: number;
  accuracy: number;
}

export interface ConditionRecall {
  condition: string;
  support: number;
  recall: number;
  recallTop3: number;
}

export interface RankingMetrics {
  examples: number;
  top1: number;
  top3: number;
  top10: number;
  macroRecall: number;
  ece: number;
  reliability: ReliabilityBin[];
  perCondition: ConditionRecall[];
}

export function rankingMetrics(options: {
  labels: readonly string[];
  predictions: readonly RankedPrediction[];
}): RankingMetrics {
  const { labels, predictions } = options;
  const n = labels.length;
  let top1 = 0;
  let top3 = 0;
  let top10 = 0;
  const bins = Array.from({ length: ECE_BINS }, (_, b) => ({
    lower: b / ECE_BINS,
    upper: (b + 1) / ECE_BINS,
    count: 0,
    confidence: 0,
    accuracy: 0,
  }));
  const byCondition = new Map<string, { support: number; hit1: number; hit3: number }>();
  labels.forEach((label, i) => {
    const p = predictions[i];
    const rank = p ? p.top.indexOf(label) : -1;
    const hit = (k: number): boolean => rank >= 0 && rank < k;
    top1 += hit(1) ? 1 : 0;
    top3 += hit(3) ? 1 : 0;
    top10 += hit(10) ? 1 : 0;
    const confidence = Math.min(1, Math.max(0, p?.confidence ?? 0));
    const bin = bins[Math.min(ECE_BINS - 1, Math.floor(confidence * ECE_BINS))];
    if (bin) {
      bin.count += 1;
      bin.confidence += confidence;
      bin.accuracy += hit(1) ? 1 : 0;
    }
    const c = byCondition.get(label) ?? { support: 0, hit1: 0, hit3: 0 };
    c.support += 1;
    c.hit1 += hit(1) ? 1 : 0;
    c.hit3 += hit(3) ? 1 : 0;
    byCondition.set(label, c);
  });
  let ece = 0;
  for (const bin of bins) {
    if (bin.count > 0) {
      ece += (bin.count / n) * Math.abs(bin.accuracy / bin.count - bin.confidence / bin.count);
      bin.confidence /= bin.count;
      bin.accuracy /= bin.count;
    }
  }
  const perCondition = [...byCondition]
    .map(([condition, c]) => ({
      condition,
      support: c.support,
      recall: c.hit1 / c.support,
      recallTop3: c.hit3 / c.support,
    }))
    .sort((a, b) => b.support - a.support || a.condition.localeCompare(b.condition));
  const share = (x: number): number => (n === 0 ? 0 : x / n);
  return {
    examples: n,
    top1: share(top1),
    top3: share(top3),
    top10: share(top10),
    macroRecall:
      perCondition.length === 0
        ? 0
        : perCondition.reduce((s, c) => s + c.recall, 0) / perCondition.length,
    ece,
    reliability: bins,
    perCondition,
  };
}

/** The ranked prediction of one row of model probabilities. */
export function rankProbabilities(options: {
  probabilities: ArrayLike<number>;
  offset: number;
  classes: readonly string[];
  keep?: number;
}): RankedPrediction {
  const { probabilities, offset, classes, keep = 10 } = options;
  const best: number[] = [];
  for (let k = 0; k < classes.length; k++) {
    const p = probabilities[offset + k] ?? 0;
    let at = best.length;
    while (at > 0 && p > (probabilities[offset + (best[at - 1] ?? 0)] ?? 0)) {
      at -= 1;
    }
    if (at < keep) {
      best.splice(at, 0, k);
      if (best.length > keep) {
        best.pop();
      }
    }
  }
  return {
    top: best.map((k) => classes[k] ?? ''),
    confidence: probabilities[offset + (best[0] ?? 0)] ?? 0,
  };
}
