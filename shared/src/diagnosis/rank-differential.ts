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
import { leakOf, type DiagnosisIndex } from './diagnosis-index.js';
import { priorFor } from './prior.js';
import { evaluateRedFlags } from './red-flags.js';
import type {
  ArguingAgainst,
  DifferentialItem,
  DifferentialResult,
  EvidenceItem,
  FindingsInput,
  PatientInput,
} from './types.js';

/** Share of presentations not explained by any KB condition, relative to the KB conditions' total. */
export const OTHER_SHARE = 0.25;
/** A can't-miss condition at or above this posterior stays listed whatever its rank. */
export const CANT_MISS_FLOOR = 0.005;
/** A typical finding (likelihood at least this) counts against the condition when absent. */
export const TYPICAL_LIKELIHOOD = 0.3;
export const DEFAULT_LIMIT = 10;

export interface RankDifferentialOptions {
  findings: FindingsInput;
  patient?: PatientInput;
  limit?: number;
}

const round = (x: number, digits = 4): number => Number(x.toFixed(digits));

export function rankWithIndex(
  index: DiagnosisIndex,
  { findings, patient = {}, limit = DEFAULT_LIMIT }: RankDifferentialOptions,
): DifferentialResult {
  const { conditions } = index;
  const unknownFindings = [...findings.present, ...findings.absent].filter(
    (f) => !index.findings.has(f),
  );
  const present = [...new Set(findings.present)].filter((f) => index.findings.has(f));
  const absentSet = new Set(findings.absent.filter((f) => index.findings.has(f)));
  const presentSet = new Set(present);
  const absent = [...absentSet].filter((f) => !presentSet.has(f));

  const logScore = new Float64Array(conditions.length);
  let priorTotal = 0;
  const history = new Set(patient.conditions ?? []);
  conditions.forEach((c, i) => {
    const p = priorFor(c, patient, history);
    priorTotal += p;
    logScore[i] = p > 0 ? Math.log(p) : Number.NEGATIVE_INFINITY;
  });
  const apply = (ids: readonly string[], isPresent: boolean): void => {
    for (const id of ids) {
      const finding = index.findings.get(id);
      const row = index.byFinding.get(id);
      if (!finding || !row) {
        continue;
      }
      const b = leakOf(finding);
      for (const [ci, a] of row) {
        const ratio = isPresent ? a.likelihood / b : (1 - a.likelihood) / (1 - b);
        logScore[ci] = (logScore[ci] ?? 0) + Math.log(ratio);
      }
    }
  };
  apply(present, true);
  apply(absent, false);

  const otherLog = priorTotal > 0 ? Math.log(OTHER_SHARE * priorTotal) : 0;
  let max = otherLog;
  for (const s of logScore) {
    max = Math.max(max, s);
  }
  let total = Math.exp(otherLog - max);
  const weights = Array.from(logScore, (s) => {
    const w = Number.isFinite(s) ? Math.exp(s - max) : 0;
    total += w;
    return w;
  });
  const probability = weights.map((w) => w / total);
  const order = conditions
    .map((_, i) => i)
    .filter((i) => (probability[i] ?? 0) > 0)
    .sort((a, b) => (probability[b] ?? 0) - (probability[a] ?? 0) || a - b);

  const redFlags = evaluateRedFlags({ kb: index.kb, findings: { present }, age: patient.age });
  const flagged = new Set(redFlags.flatMap((r) => r.consider));
  const listed: { i: number; because: DifferentialItem['listedBecause'] }[] = order
    .slice(0, limit)
    .map((i) => ({ i, because: 'rank' as const }));
  for (const i of order.slice(limit)) {
    const c = conditions[i];
    if (c && flagged.has(c.id)) {
      listed.push({ i, because: 'red-flag' });
    } else if (c?.cantMiss && (probability[i] ?? 0) >= CANT_MISS_FLOOR) {
      listed.push({ i, because: 'cant-miss' });
    }
  }

  const items = listed.map(({ i, because }) =>
    describe(index, { i, because, present, absent, p: probability[i] ?? 0 }),
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
    otherProbability: round(Math.exp(otherLog - max) / total),
    urgency,
    redFlags,
    unknownFindings,
    findings: { present, absent },
  };
}

interface DescribeArgs {
  i: number;
  because: DifferentialItem['listedBecause'];
  present: readonly string[];
  absent: readonly string[];
  p: number;
}

function describe(
  index: DiagnosisIndex,
  { i, because, present, absent, p }: DescribeArgs,
): DifferentialItem {
  const condition = index.conditions[i];
  if (!condition) {
    throw new Error(`no condition at ${String(i)}`);
  }
  const assoc = new Map((index.byCondition[i] ?? []).map((a) => [a.finding, a]));
  const supporting: EvidenceItem[] = [];
  const against: ArguingAgainst[] = [];
  const sources = new Set(condition.sources);
  for (const id of present) {
    const a = assoc.get(id);
    const f = index.findings.get(id);
    if (!a || !f) {
      continue;
    }
    const lr = a.likelihood / leakOf(f);
    if (lr > 1) {
      supporting.push({ finding: id, display: f.display, likelihoodRatio: round(lr, 2) });
    } else {
      against.push({
        finding: id,
        display: f.display,
        likelihoodRatio: round(lr, 3),
        reason: 'present-but-rare',
      });
    }
    a.sources.forEach((s) => sources.add(s));
  }
  for (const id of absent) {
    const a = assoc.get(id);
    const f = index.findings.get(id);
    if (a && f && a.likelihood >= TYPICAL_LIKELIHOOD) {
      const lr = (1 - a.likelihood) / (1 - leakOf(f));
      against.push({
        finding: id,
        display: f.display,
        likelihoodRatio: round(lr, 3),
        reason: 'absent',
      });
      a.sources.forEach((s) => sources.add(s));
    }
  }
  supporting.sort(
    (a, b) => b.likelihoodRatio - a.likelihoodRatio || a.finding.localeCompare(b.finding),
  );
  against.sort(
    (a, b) => a.likelihoodRatio - b.likelihoodRatio || a.finding.localeCompare(b.finding),
  );
  return {
    condition: condition.id,
    display: condition.display,
    label: `Consider ${condition.display}`,
    probability: round(p),
    urgency: condition.urgency,
    cantMiss: condition.cantMiss,
    listedBecause: because,
    supporting,
    against,
    sources: [...sources].sort(),
  };
}
