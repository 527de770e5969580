/**
 * The world's findings: each KB finding with who can have it (sex, age), whether it is read from a
 * measurement (vitals and labs with a KB threshold), whether it is a fact about the patient rather
 * than the visit (attributes), and how often it turns up unrelated to the visit's condition.
 */
import type { Finding, KnowledgeBase } from '@mediassist/shared/kb';
import { FINDING_AGES, FINDING_SEX, PREMENOPAUSAL_FINDINGS } from './finding-constraints.js';
import { MEASUREMENT_BY_LOINC } from './measurements.js';
import { ATTRIBUTE_FINDINGS } from './patient-attributes.js';
import type { ThresholdRule } from './threshold-values.js';
import { WORLD_PARAMS } from './world-params.js';

export interface WorldFinding {
  index: number;
  finding: Finding;
  sex: 'female' | 'male' | undefined;
  minAge: number;
  maxAge: number;
  /** Impossible after menopause (menstrual cycle, pregnancy). */
  premenopausal: boolean;
  /** Set for findings defined by a measurement threshold (vitals, labs). */
  threshold: { loinc: string; rule: ThresholdRule } | undefined;
  /** A fact about the patient (smoking, family history…), not drawn per visit. */
  attribute: boolean;
  /** Drawn at background rate when unrelated to the visit's condition. */
  backgroundRate: number;
}

export interface WorldFindings {
  findings: readonly WorldFinding[];
  findingIndex: ReadonlyMap<string, number>;
  /** Measurement LOINC → KB findings defined on it. */
  thresholdFindings: ReadonlyMap<string, readonly number[]>;
  /** Background findings: indexes and cumulative rates for sampling. */
  background: { findings: Int32Array; cumulative: Float64Array; total: number };
}

export function buildWorldFindings(kb: KnowledgeBase): WorldFindings {
  const attributeSet = new Set(ATTRIBUTE_FINDINGS);
  const premenopausal = new Set(PREMENOPAUSAL_FINDINGS);
  const findings: WorldFinding[] = kb.findings.map((finding, index) => {
    const ages = FINDING_AGES[finding.id];
    const threshold = finding.threshold;
    const measurable = threshold !== undefined && MEASUREMENT_BY_LOINC.has(threshold.loinc);
    const attribute = attributeSet.has(finding.id);
    return {
      index,
      finding,
      sex: FINDING_SEX[finding.id],
      minAge: ages?.min ?? 0,
      maxAge: ages?.max ?? 200,
      premenopausal: premenopausal.has(finding.id),
      threshold: measurable
        ? {
            loinc: threshold.loinc,
            rule: { comparator: threshold.comparator, value: threshold.value },
          }
        : undefined,
      attribute,
      // Other complaints raised at the same visit are symptoms; signs and results are looked for.
      backgroundRate:
        measurable || attribute || finding.kind !== 'symptom'
          ? 0
          : finding.baseRate * WORLD_PARAMS.backgroundScale,
    };
  });
  const thresholdFindings = new Map<string, number[]>();
  for (const f of findings) {
    if (f.threshold) {
      const list = thresholdFindings.get(f.threshold.loinc) ?? [];
      list.push(f.index);
      thresholdFindings.set(f.threshold.loinc, list);
    }
  }
  const bg = findings.filter((f) => f.backgroundRate > 0);
  const cumulative = new Float64Array(bg.length);
  let total = 0;
  bg.forEach((f, i) => {
    total += f.backgroundRate;
    cumulative[i] = total;
  });
  return {
    findings,
    findingIndex: new Map(findings.map((f) => [f.finding.id, f.index])),
    thresholdFindings,
    background: { findings: Int32Array.from(bg.map((f) => f.index)), cumulative, total },
  };
}

/** Whether a finding can occur in this patient at this age (and menopause state). */
export function findingPossible(
  f: WorldFinding,
  patient: { sex: 'female' | 'male'; age: number; postmenopausal: boolean },
): boolean {
  return (
    (f.sex === undefined || f.sex === patient.sex) &&
    patient.age >= f.minAge &&
    patient.age <= f.maxAge &&
    !(f.premenopausal && patient.postmenopausal)
  );
}
