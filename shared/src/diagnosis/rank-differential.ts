/**
 * The guideline-only differential: naive Bayes over KB conditions (one condition explains the
 * presentation) with a leak. For condition c and finding f with likelihood L (P(f | c)) and leak b
 * (the finding's baseRate, P(f) when no associated condition is present):
 *   present f: odds × L / b        absent f: odds × (1 − L) / (1 − b)
 * Findings not associated with c leave its odds unchanged (P(f | c) = b). A "none of the KB
 * conditions" hypothesis, with prior OTHER_SHARE of the total and leak likelihoods everywhere, keeps
 * the posterior honest when nothing fits.
 */
import { URGENCIES, type Urgency } from '../kb/schema.js';
import { describeCondition } from './describe-condition.js';
import { round4 } from './round4.js';
import type { DiagnosisIndex } from './diagnosis-index.js';
import { evaluateRedFlags } from './red-flags.js';
import { scoreWithIndex, type GuidelineScores } from './score-differential.js';
import { topByProbability } from './top-by-probability.js';
import type {
  DifferentialItem,
  DifferentialResult,
  FindingsInput,
  FiredRedFlag,
  PatientInput,
} from './types.js';

export { OTHER_SHARE } from './score-differential.js';
export { TYPICAL_LIKELIHOOD } from './diagnosis-index.js';
/** A can't-miss condition at or above this posterior stays listed whatever its rank. */
export const CANT_MISS_FLOOR = 0.005;
export const DEFAULT_LIMIT = 10;

export interface RankDifferentialOptions {
  findings: FindingsInput;
  patient?: PatientInput;
  limit?: number;
}

/** One listed condition of a ranking, before its evidence is described. */
export interface ListedCondition {
  condition: string;
  /** Posterior rounded to 4 places, as in the described item. */
  probability: number;
  listedBecause: DifferentialItem['listedBecause'];
}

export interface ListDifferentialOptions {
  scores: GuidelineScores;
  /** The red flags fired by the scored findings (they keep their conditions listed). */
  redFlags: readonly FiredRedFlag[];
  limit?: number;
}

/** Why each listed condition is listed, in listing order. */
export type ListedBecause = DifferentialItem['listedBecause'];

/** A ranking's listed conditions by index: the top `ranked` by posterior, then the extras. */
export interface ConditionListing {
  /** Condition indexes in listing order. */
  readonly indexes: Int32Array;
  /** How many of `indexes` (a prefix) are listed by rank. */
  readonly ranked: number;
  /** By position in `indexes`. */
  readonly because: readonly ListedBecause[];
}

/**
 * Which conditions a ranking lists, in order: the top `limit` by posterior (ties in KB order),
 * then, in the same order, those named by a fired red flag and the can't-miss ones at or above
 * CANT_MISS_FLOOR. Conditions the patient cannot present with (posterior 0) are never listed. The
 * extras are looked up among the flagged and the can't-miss conditions (diagnosis-index.ts), not
 * by scanning every condition.
 */
export function listWithIndex(
  index: DiagnosisIndex,
  { scores, redFlags, limit = DEFAULT_LIMIT }: ListDifferentialOptions,
): ConditionListing {
  const { probability } = scores;
  const top = topByProbability(probability, limit);
  const ranked = top.length;
  // 1: ranked, 2: extra (red flag), 3: extra (can't miss).
  const mark = new Uint8Array(index.conditions.length);
  for (const i of top) {
    mark[i] = 1;
  }
  const extras: number[] = [];
  for (const rule of redFlags) {
    for (const id of rule.consider) {
      const i = index.conditionIndex.get(id);
      if (i !== undefined && mark[i] === 0 && (probability[i] ?? 0) > 0) {
        mark[i] = 2;
        extras.push(i);
      }
    }
  }
  for (const i of index.cantMiss) {
    if (mark[i] === 0 && (probability[i] ?? 0) >= CANT_MISS_FLOOR) {
      mark[i] = 3;
      extras.push(i);
    }
  }
  if (extras.length > 1) {
    extras.sort((a, b) => (probability[b] ?? 0) - (probability[a] ?? 0) || a - b);
  }
  const indexes = new Int32Array(ranked + extras.length);
  indexes.set(top);
  indexes.set(extras, ranked);
  const because: ListedBecause[] = [];
  for (const i of indexes) {
    because.push(mark[i] === 1 ? 'rank' : mark[i] === 2 ? 'red-flag' : 'cant-miss');
  }
  return { indexes, ranked, because };
}

export function rankWithIndex(
  index: DiagnosisIndex,
  { findings, patient = {}, limit = DEFAULT_LIMIT }: RankDifferentialOptions,
): DifferentialResult {
  const scores = scoreWithIndex(index, { findings, patient });
  const { present, absent } = scores.findings;
  const redFlags = evaluateRedFlags({ kb: index.kb, findings: { present }, age: patient.age });
  const listing = listWithIndex(index, { scores, redFlags, limit });
  const items = Array.from(listing.indexes, (i, k) =>
    describeCondition(index, {
      i,
      because: listing.because[k] ?? 'rank',
      present,
      absent,
      p: scores.probability[i] ?? 0,
    }),
  );
  const urgencies: Urgency[] = [
    ...items.filter((it) => it.probability >= 0.05).map((it) => it.urgency),
    ...redFlags.map((r) => r.escalateTo),
  ];
  const urgency = URGENCIES.find((u) => urgencies.includes(u)) ?? 'routine';
  return {
    kbVersion: index.kb.version,
    method: 'naive-bayes-with-leak',
    items,
    otherProbability: round4(scores.otherProbability),
    urgency,
    redFlags,
    unknownFindings: scores.unknownFindings,
    findings: { present, absent },
  };
}
