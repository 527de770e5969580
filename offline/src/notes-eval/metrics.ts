/** Precision, recall and F1 over sets of codes, summed over notes (micro-averaged). */

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Scores extends Counts {
  /** Null when undefined (nothing predicted / nothing to find). */
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

export const zeroCounts = (): Counts => ({ tp: 0, fp: 0, fn: 0 });

/** Adds `b` into `a`. */
export function addCounts(a: Counts, b: Counts): void {
  a.tp += b.tp;
  a.fp += b.fp;
  a.fn += b.fn;
}

export interface SetComparison<T> extends Counts {
  falsePositives: T[];
  falseNegatives: T[];
}

export function compareSets<T>(predicted: ReadonlySet<T>, truth: ReadonlySet<T>): SetComparison<T> {
  const falsePositives = [...predicted].filter((x) => !truth.has(x));
  const falseNegatives = [...truth].filter((x) => !predicted.has(x));
  return {
    tp: predicted.size - falsePositives.length,
    fp: falsePositives.length,
    fn: falseNegatives.length,
    falsePositives,
    falseNegatives,
  };
}

const ratio = (num: number, den: number): number | null => (den === 0 ? null : num / den);

export function scoresOf(counts: Counts): Scores {
  const precision = ratio(counts.tp, counts.tp + counts.fp);
  const recall = ratio(counts.tp, counts.tp + counts.fn);
  const f1 = ratio(2 * counts.tp, 2 * counts.tp + counts.fp + counts.fn);
  return { ...counts, precision, recall, f1 };
}
