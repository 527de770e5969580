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
import { topIndexes } from './top-indexes.js';
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

/** Every condition with a positive posterior, most probable first (ties in KB order). */
export function rankedOrder(probability: Float64Array): Int32Array {
  const order: number[] = [];
  for (let i = 0; i < probability.length; i++) {
    if ((probability[i] ?? 0) > 0) {
      order.push(i);
    }
  }
  order.sort((a, b) => (probability[b] ?? 0) - (probability[a] ?? 0) || a - b);
  return Int32Array.from(order);
}

type Listed = { i: number; because: DifferentialItem['listedBecause'] }[];

/**
 * Which conditions a ranking lists, in order: the top `limit` by posterior (ties in KB order),
 * then, in the same order, those named by a fired red flag and the can't-miss ones at or above
 * CANT_MISS_FLOOR. Conditions the patient cannot present with (posterior 0) are never listed.
 * With `order` (`rankedOrder` of the same scores, for a caller listing several depths) the top is
 * its prefix; without, a partial selection.
 */
export function listWithIndex(
  index: DiagnosisIndex,
  { scores, redFlags, limit = DEFAULT_LIMIT }: ListDifferentialOptions,
  order?: Int32Array,
): Listed {
  const { conditions } = index;
  const { probability } = scores;
  const flagged = new Set(redFlags.flatMap((r) => r.consider));
  const extra = (i: number): DifferentialItem['listedBecause'] | undefined => {
    const c = conditions[i];
    if (c && flagged.has(c.id)) {
      return 'red-flag';
    }
    return c?.cantMiss && (probability[i] ?? 0) >= CANT_MISS_FLOOR ? 'cant-miss' : undefined;
  };
  const listed: Listed = [];
  if (order) {
    const top = Math.min(order.length, Math.max(0, Math.trunc(limit)));
    for (let r = 0; r < order.length; r++) {
      const i = order[r] ?? 0;
      const because = r < top ? 'rank' : extra(i);
      if (because) {
        listed.push({ i, because });
      }
    }
    return listed;
  }
  const before = (a: number, b: number): boolean => {
    const pa = probability[a] ?? 0;
    const pb = probability[b] ?? 0;
    return pa > pb || (pa === pb && a < b);
  };
  const top = topIndexes({
    size: conditions.length,
    limit,
    include: (i) => (probability[i] ?? 0) > 0,
    before,
  });
  const inTop = new Uint8Array(conditions.length);
  for (const i of top) {
    inTop[i] = 1;
    listed.push({ i, because: 'rank' });
  }
  const extras: Listed = [];
  for (let i = 0; i < conditions.length; i++) {
    const because = inTop[i] === 1 || (probability[i] ?? 0) <= 0 ? undefined : extra(i);
    if (because) {
      extras.push({ i, because });
    }
  }
  extras.sort((a, b) => (before(a.i, b.i) ? -1 : 1));
  listed.push(...extras);
  return listed;
}

export function rankWithIndex(
  index: DiagnosisIndex,
  { findings, patient = {}, limit = DEFAULT_LIMIT }: RankDifferentialOptions,
): DifferentialResult {
  const scores = scoreWithIndex(index, { findings, patient });
  const { present, absent } = scores.findings;
  const redFlags = evaluateRedFlags({ kb: index.kb, findings: { present }, age: patient.age });
  const items = listWithIndex(index, { scores, redFlags, limit }).map(({ i, because }) =>
    describeCondition(index, { i, because, present, absent, p: scores.probability[i] ?? 0 }),
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
