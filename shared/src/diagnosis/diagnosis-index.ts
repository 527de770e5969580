/** Per-KB indexes for the differential engine, built once: likelihoods by finding, priors, leaks. */
import type { KnowledgeBase } from '../kb/knowledge-base.js';
import type { AgeBand, Association, Condition, Finding } from '../kb/schema.js';

export interface DiagnosisIndex {
  kb: KnowledgeBase;
  conditions: readonly Condition[];
  /** finding id → condition index → association. */
  byFinding: ReadonlyMap<string, ReadonlyMap<number, Association>>;
  /** condition index → its associations. */
  byCondition: readonly (readonly Association[])[];
  conditionIndex: ReadonlyMap<string, number>;
  findings: ReadonlyMap<string, Finding>;
}

/** Bounds on the leak so log-ratios stay finite. */
export const MIN_LEAK = 1e-4;
export const MAX_LEAK = 0.999;

export function leakOf(finding: Finding): number {
  return Math.min(MAX_LEAK, Math.max(MIN_LEAK, finding.baseRate));
}

export function ageBand(age: number): AgeBand {
  if (age < 5) {
    return '0-4';
  }
  if (age < 18) {
    return '5-17';
  }
  if (age < 40) {
    return '18-39';
  }
  return age < 65 ? '40-64' : '65+';
}

export function buildDiagnosisIndex(kb: KnowledgeBase): DiagnosisIndex {
  const conditionIndex = new Map(kb.conditions.map((c, i) => [c.id, i]));
  const byFinding = new Map<string, Map<number, Association>>();
  const byCondition: Association[][] = kb.conditions.map(() => []);
  for (const a of kb.associations) {
    const ci = conditionIndex.get(a.condition);
    if (ci === undefined) {
      continue;
    }
    byCondition[ci]?.push(a);
    const row = byFinding.get(a.finding) ?? new Map<number, Association>();
    row.set(ci, a);
    byFinding.set(a.finding, row);
  }
  return {
    kb,
    conditions: kb.conditions,
    byFinding,
    byCondition,
    conditionIndex,
    findings: new Map(kb.findings.map((f) => [f.id, f])),
  };
}
