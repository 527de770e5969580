/** `metrics.json`: the evaluation of one version against the guideline-only baseline, per slice. */
import type { SplitSpec } from '../train/data-split.js';
import type { RankingMetrics } from './metrics.js';

export type SliceSummary = Pick<
  RankingMetrics,
  'examples' | 'top1' | 'top3' | 'top10' | 'macroRecall' | 'ece'
>;

export interface SideMetrics {
  /** Every evaluation example, with reliability bins and per-condition recall. */
  all: RankingMetrics;
  heldOutPatients: SliceSummary;
  laterWindow: SliceSummary;
}

export interface EvaluationReport {
  version: string;
  evaluatedAt: string;
  kbVersion: string;
  split: SplitSpec;
  sample: { examples: number; available: number };
  calibration: { bins: number; binning: string };
  model: SideMetrics;
  baseline: SideMetrics;
}

export function summary(m: RankingMetrics): SliceSummary {
  return {
    examples: m.examples,
    top1: m.top1,
    top3: m.top3,
    top10: m.top10,
    macroRecall: m.macroRecall,
    ece: m.ece,
  };
}

/** The manifest's `metrics`: flat numbers, the model's under plain names, the baseline's prefixed. */
export function manifestMetrics(report: EvaluationReport): Record<string, number> {
  const flat = (prefix: string, side: SideMetrics): Record<string, number> => ({
    [`${prefix}top1`]: side.all.top1,
    [`${prefix}top3`]: side.all.top3,
    [`${prefix}top10`]: side.all.top10,
    [`${prefix}macroRecall`]: side.all.macroRecall,
    [`${prefix}ece`]: side.all.ece,
    [`${prefix}heldout_top3`]: side.heldOutPatients.top3,
    [`${prefix}window_top3`]: side.laterWindow.top3,
  });
  return {
    ...flat('', report.model),
    ...flat('baseline_', report.baseline),
    examples: report.sample.examples,
  };
}
