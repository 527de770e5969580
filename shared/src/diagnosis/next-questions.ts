/**
 * The next findings to ask about or examine: those with the highest expected information gain
 * (entropy reduction, in bits) over the current differential, treating the unlisted remainder of
 * the probability mass as one "other" hypothesis whose likelihoods are the findings' leaks.
 * Candidates are the findings associated with the listed conditions. With weights w (summing to W,
 * 1 up to rounding), likelihoods l and P(yes) = Σ w·l, the expected entropy reduction is
 *   −P(yes)·log2 P(yes) − (W − P(yes))·log2(1 − P(yes)) − Σ w·H(l)
 * (H the binary entropy, precomputed per condition and finding), which is the same quantity as
 * H0 − P(yes)·H(after yes) − P(no)·H(after no) with two logarithms per candidate instead of 2(k + 1).
 * The reason text is written only for the questions returned.
 */
import type { DiagnosisIndex } from './diagnosis-index.js';
import { round4 } from './round4.js';
import type { DifferentialItem, FindingsInput, NextQuestion } from './types.js';

/** What next questions need of a differential (a `DifferentialResult` is one). */
export interface NextQuestionsInput {
  items: readonly Pick<DifferentialItem, 'condition' | 'display' | 'probability'>[];
  findings: FindingsInput;
}

export interface NextQuestionsOptions {
  differential: NextQuestionsInput;
  /** Finding ids already asked (answered or declined), beyond the differential's own findings. */
  asked?: readonly string[];
  limit?: number;
}

const pct = (x: number): string => `${String(Math.round(x * 100))}%`;

interface Candidate {
  fi: number;
  gain: number;
  rounded: number;
}

/** The likelihood of finding `fi` under each listed item, then the leak for "other". */
function likelihoods(
  index: DiagnosisIndex,
  { conditionIdx, fi }: { conditionIdx: readonly (number | undefined)[]; fi: number },
  into: Float64Array,
): void {
  const b = index.leaks[fi] ?? 0;
  const id = index.findingList[fi]?.id ?? '';
  conditionIdx.forEach((ci, k) => {
    const a = ci === undefined ? undefined : index.associations[ci]?.get(id);
    into[k] = a?.likelihood ?? b;
  });
  into[conditionIdx.length] = b;
}

/** The k-th largest gain (k ≥ 1, at most the number of candidates), by insertion into the best k. */
function kthLargest(candidates: readonly Candidate[], k: number): number {
  const best = new Float64Array(k).fill(Number.NEGATIVE_INFINITY);
  for (const { gain } of candidates) {
    if (gain > (best[k - 1] ?? Number.POSITIVE_INFINITY)) {
      let j = k - 1;
      while (j > 0 && gain > (best[j - 1] ?? Number.POSITIVE_INFINITY)) {
        best[j] = best[j - 1] ?? gain;
        j -= 1;
      }
      best[j] = gain;
    }
  }
  return best[k - 1] ?? Number.NEGATIVE_INFINITY;
}

function reasonFor(items: NextQuestionsInput['items'], like: Float64Array, gain: number): string {
  let hi = -1;
  let lo = -1;
  items.forEach((it, k) => {
    if (it.probability >= 0.01) {
      const l = like[k] ?? 0;
      if (hi < 0 || l > (like[hi] ?? 0)) {
        hi = k;
      }
      if (lo < 0 || l < (like[lo] ?? 0)) {
        lo = k;
      }
    }
  });
  const high = items[hi];
  const low = items[lo];
  return high && low && high !== low
    ? `Seen in about ${pct(like[hi] ?? 0)} of ${high.display} vs ${pct(like[lo] ?? 0)} of ${low.display}`
    : `Separates the leading suggestions (expected gain ${gain.toFixed(2)} bits)`;
}

/** Working arrays by finding position; every search refills them before use. */
interface FindingScratch {
  /** 1 already known or asked, 2 a candidate (associated with a listed condition). */
  state: Uint8Array;
  dYes: Float64Array;
  dEntropy: Float64Array;
}

function findingScratch(index: DiagnosisIndex): FindingScratch {
  const nf = index.findingList.length;
  return { state: new Uint8Array(nf), dYes: new Float64Array(nf), dEntropy: new Float64Array(nf) };
}

/**
 * `nextQuestionsWithIndex` for one index with its working arrays allocated once instead of per
 * call (three arrays the size of the finding list; searches are synchronous, so they never overlap).
 */
export function createNextQuestions(
  index: DiagnosisIndex,
): (options: NextQuestionsOptions) => NextQuestion[] {
  const scratch = findingScratch(index);
  return (options) => nextQuestionsWithIndex(index, options, scratch);
}

export function nextQuestionsWithIndex(
  index: DiagnosisIndex,
  { differential, asked = [], limit = 5 }: NextQuestionsOptions,
  scratch: FindingScratch = findingScratch(index),
): NextQuestion[] {
  const items = differential.items;
  const k = items.length;
  const weights = new Float64Array(k + 1);
  let listedMass = 0;
  items.forEach((it, j) => {
    listedMass += it.probability;
    weights[j] = it.probability;
  });
  weights[k] = Math.max(0, 1 - listedMass);
  let total = 0;
  for (const w of weights) {
    total += w;
  }
  const conditionIdx = items.map((it) => index.conditionIndex.get(it.condition));
  const { state, dYes, dEntropy } = scratch;
  state.fill(0);
  dYes.fill(0);
  dEntropy.fill(0);
  for (const list of [differential.findings.present, differential.findings.absent, asked]) {
    for (const id of list) {
      const fi = index.findingIndex.get(id);
      if (fi !== undefined) {
        state[fi] = 1;
      }
    }
  }
  // Where a listed condition has the finding, its likelihood replaces the leak: accumulate the
  // differences, so P(yes) = b·W + Σ w·(l − b) and Σ w·H(l) = H(b)·W + Σ w·(H(l) − H(b)).
  const order: number[] = [];
  conditionIdx.forEach((ci, j) => {
    const row = ci === undefined ? undefined : index.likelihoods[ci];
    const w = weights[j] ?? 0;
    for (let a = 0; row && a < row.findings.length; a++) {
      const fi = row.findings[a] ?? 0;
      if (state[fi] === 1) {
        continue;
      }
      if (state[fi] === 0) {
        state[fi] = 2;
        order.push(fi);
      }
      dYes[fi] = (dYes[fi] ?? 0) + w * ((row.likelihood[a] ?? 0) - (index.leaks[fi] ?? 0));
      dEntropy[fi] =
        (dEntropy[fi] ?? 0) + w * ((row.entropy[a] ?? 0) - (index.leakEntropy[fi] ?? 0));
    }
  });
  const like = new Float64Array(k + 1);
  const candidates: Candidate[] = [];
  for (const fi of order) {
    const pYes = (index.leaks[fi] ?? 0) * total + (dYes[fi] ?? 0);
    if (pYes <= 0 || pYes >= 1) {
      continue;
    }
    const expected = (index.leakEntropy[fi] ?? 0) * total + (dEntropy[fi] ?? 0);
    const gain = -(pYes * Math.log2(pYes)) - (total - pYes) * Math.log2(1 - pYes) - expected;
    if (gain > 1e-6) {
      candidates.push({ fi, gain, rounded: Number.NaN });
    }
  }
  // Ordered by gain rounded to 4 places, then id. Rounding is monotonic, so only candidates whose
  // rounded gain reaches that of the limit-th best raw gain can be among the first `limit`.
  let floor = Number.NEGATIVE_INFINITY;
  if (limit >= 1 && candidates.length > limit) {
    floor = round4(kthLargest(candidates, Math.trunc(limit)));
  }
  const contenders: Candidate[] = [];
  for (const c of candidates) {
    if (c.gain >= floor - 1e-4) {
      c.rounded = round4(c.gain);
      if (c.rounded >= floor) {
        contenders.push(c);
      }
    }
  }
  const id = (c: Candidate): string => index.findingList[c.fi]?.id ?? '';
  return contenders
    .sort((a, b) => b.rounded - a.rounded || id(a).localeCompare(id(b)))
    .slice(0, limit)
    .map((c) => {
      const finding = index.findingList[c.fi];
      if (!finding) {
        throw new Error(`no finding at ${String(c.fi)}`);
      }
      likelihoods(index, { conditionIdx, fi: c.fi }, like);
      return {
        finding: finding.id,
        display: finding.display,
        kind: finding.kind,
        informationGain: c.rounded,
        reason: reasonFor(items, like, c.gain),
      };
    });
}
