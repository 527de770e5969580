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

/**
 * Which conditions a ranking lists, in order: the top `limit` by posterior (ties in KB order),
 * then, in the same order, those named by a fired red flag and the can't-miss ones at or above
 * CANT_MISS_FLOOR. Conditions the patient cannot present with (posterior 0) are never listed.
 */
export function listWithIndex(
  index: DiagnosisIndex,
  { scores, redFlags, limit = DEFAULT_LIMIT }: ListDifferentialOptions,
): { i: number; because: DifferentialItem['listedBecause'] }[] {
  const { conditions } = index;
  const { probability } = scores;
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
  const flagged = new Set(redFlags.flatMap((r) => r.consider));
  const listed: { i: number; because: DifferentialItem['listedBecause'] }[] = top.map((i) => ({
    i,
    because: 'rank' as const,
  }));
  const inTop = new Uint8Array(conditions.length);
  for (const i of top) {
    inTop[i] = 1;
  }
  const extras: { i: number; because: DifferentialItem['listedBecause'] }[] = [];
  for (let i = 0; i < conditions.length; i++) {
    const c = conditions[i];
    const p = probability[i] ?? 0;
    if (!c || inTop[i] === 1 || p <= 0) {
      continue;
    }
    if (flagged.has(c.id)) {
      extras.push({ i, because: 'red-flag' });
    } else if (c.cantMiss && p >= CANT_MISS_FLOOR) {
      extras.push({ i, because: 'cant-miss' });
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
