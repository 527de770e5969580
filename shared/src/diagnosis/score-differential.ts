/**
 * The guideline engine's posterior over every KB condition, without describing any of them: the
 * stratum's log-prior vector (recomputed only for the conditions the history touches), plus the
 * sparse log-likelihood-ratio vector of each present and absent finding, normalised together with
 * the "none of the KB conditions" hypothesis. See rank-differential.ts for the model.
 */
import { ageBand } from './age-band.js';
import type { DiagnosisIndex } from './diagnosis-index.js';
import { adjustForHistory } from './prior.js';
import type { FindingsInput, PatientInput } from './types.js';

/** Share of presentations not explained by any KB condition, relative to the KB conditions' total. */
export const OTHER_SHARE = 0.25;

export interface ScoreDifferentialOptions {
  findings: FindingsInput;
  patient?: PatientInput;
}

/** Every condition's posterior for one presentation (unrounded), by the engine's condition index. */
export interface GuidelineScores {
  readonly kbVersion: string;
  /** By condition index (`conditionIds` order); 0 for conditions the patient cannot present with. */
  readonly probability: Float64Array;
  /** Condition ids in index order (the knowledge base's order). */
  readonly conditionIds: readonly string[];
  /** Probability that no KB condition explains the presentation. */
  readonly otherProbability: number;
  /** Known findings, deduplicated; a finding both present and absent counts as present. */
  readonly findings: { present: string[]; absent: string[] };
  /** Finding ids the KB does not know (ignored). */
  readonly unknownFindings: string[];
}

function logPriors(index: DiagnosisIndex, patient: PatientInput) {
  const stratum = index.priors.stratum({
    sex: patient.sex,
    band: patient.age === undefined ? undefined : ageBand(patient.age),
  });
  const logScore = stratum.logPrior.slice();
  const history = patient.conditions ?? [];
  if (history.length === 0) {
    return { logScore, priorTotal: stratum.total };
  }
  const prior = stratum.prior.slice();
  const historySet = new Set(history);
  for (const id of historySet) {
    for (const ci of index.priors.affectedBy(id)) {
      const condition = index.conditions[ci];
      if (condition) {
        const p = adjustForHistory(condition, stratum.base[ci] ?? 0, historySet);
        prior[ci] = p;
        logScore[ci] = p > 0 ? Math.log(p) : Number.NEGATIVE_INFINITY;
      }
    }
  }
  let priorTotal = 0;
  for (const p of prior) {
    priorTotal += p;
  }
  return { logScore, priorTotal };
}

export function scoreWithIndex(
  index: DiagnosisIndex,
  { findings, patient = {} }: ScoreDifferentialOptions,
): GuidelineScores {
  const known = index.findingIndex;
  const unknownFindings: string[] = [];
  for (const list of [findings.present, findings.absent]) {
    for (const f of list) {
      if (!known.has(f)) {
        unknownFindings.push(f);
      }
    }
  }
  const presentSet = new Set(findings.present.filter((f) => known.has(f)));
  const present = [...presentSet];
  const absent = [...new Set(findings.absent)].filter((f) => known.has(f) && !presentSet.has(f));

  const { logScore, priorTotal } = logPriors(index, patient);
  const apply = (ids: readonly string[], isPresent: boolean): void => {
    for (const id of ids) {
      const evidence = index.evidence[known.get(id) ?? -1];
      if (!evidence) {
        continue;
      }
      const ratios = isPresent ? evidence.logPresent : evidence.logAbsent;
      const { conditions } = evidence;
      for (let k = 0; k < conditions.length; k++) {
        const ci = conditions[k] ?? 0;
        logScore[ci] = (logScore[ci] ?? 0) + (ratios[k] ?? 0);
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
  const probability = logScore;
  for (let i = 0; i < probability.length; i++) {
    const s = probability[i] ?? Number.NEGATIVE_INFINITY;
    const w = Number.isFinite(s) ? Math.exp(s - max) : 0;
    probability[i] = w;
    total += w;
  }
  for (let i = 0; i < probability.length; i++) {
    probability[i] = (probability[i] ?? 0) / total;
  }
  return {
    kbVersion: index.kb.version,
    probability,
    conditionIds: index.conditionIds,
    otherProbability: Math.exp(otherLog - max) / total,
    findings: { present, absent },
    unknownFindings,
  };
}
