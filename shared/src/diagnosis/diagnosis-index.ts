/**
 * Per-KB tables for the differential engine, built once: for every finding its leak and its sparse
 * log-likelihood-ratio vectors (present and absent) over the conditions it is associated with; for
 * every condition its associations by finding and a sparse likelihood vector for next questions; and the
 * priors by sex × age band (prior-table.ts). Requests then only add and look up numbers.
 */
import type { KnowledgeBase } from '../kb/knowledge-base.js';
import type { Association, Condition, Finding } from '../kb/schema.js';
export { ageBand } from './age-band.js';
import { createPriorTable, type PriorTable } from './prior-table.js';

/** One finding's effect on the conditions associated with it (parallel arrays, KB order). */
export interface FindingEvidence {
  /** Condition indexes. */
  readonly conditions: Int32Array;
  /** log(L / b) for each condition: the update when the finding is present. */
  readonly logPresent: Float64Array;
  /** log((1 − L) / (1 − b)): the update when it is absent. */
  readonly logAbsent: Float64Array;
}

/** How one associated finding reads as evidence for or against its condition (rounded once). */
export interface EvidenceNote {
  display: string;
  /** Likelihood ratio when present: rounded to 2 places when it supports (> 1), else to 3. */
  presentLr: number;
  presentSupports: boolean;
  /** Likelihood ratio when absent, rounded to 3 places, for typical findings only. */
  absentLr: number | undefined;
  sources: readonly string[];
}

/** One condition's associated findings (positions, KB order, no repeats), P(f | c) and its entropy. */
export interface ConditionLikelihoods {
  readonly findings: Int32Array;
  readonly likelihood: Float64Array;
  /** Binary entropy (bits) of each likelihood. */
  readonly entropy: Float64Array;
}

export interface DiagnosisIndex {
  kb: KnowledgeBase;
  conditions: readonly Condition[];
  /** Condition ids in index (KB) order. */
  conditionIds: readonly string[];
  conditionIndex: ReadonlyMap<string, number>;
  findings: ReadonlyMap<string, Finding>;
  /** finding id → its position in `findingList` (and in `leaks`, `leakEntropy`, `evidence`). */
  findingIndex: ReadonlyMap<string, number>;
  findingList: readonly Finding[];
  /** `leakOf(finding)` by finding position. */
  leaks: Float64Array;
  /** By finding position; findings without associations have empty vectors. */
  evidence: readonly FindingEvidence[];
  /** condition index → finding id → association (the last one wins, as in a Map built in KB order). */
  associations: readonly ReadonlyMap<string, Association>[];
  /** condition index → finding id → how it reads as evidence. */
  notes: readonly ReadonlyMap<string, EvidenceNote>[];
  /** Indexes of the can't-miss conditions, in KB order. */
  cantMiss: Int32Array;
  /** condition index → its own sources, sorted and without repeats. */
  conditionSources: readonly (readonly string[])[];
  /** condition index → its associated findings with their likelihoods (for next questions). */
  likelihoods: readonly ConditionLikelihoods[];
  /** The binary entropy of each finding's leak. */
  leakEntropy: Float64Array;
  priors: PriorTable;
}

/** A typical finding (likelihood at least this) counts against the condition when absent. */
export const TYPICAL_LIKELIHOOD = 0.3;
/** Bounds on the leak so log-ratios stay finite. */
export const MIN_LEAK = 1e-4;
export const MAX_LEAK = 0.999;

export function leakOf(finding: Finding): number {
  return Math.min(MAX_LEAK, Math.max(MIN_LEAK, finding.baseRate));
}

const round = (x: number, digits: number): number => Number(x.toFixed(digits));

/** H(p) in bits of a yes/no answer given with probability p. */
export function binaryEntropy(p: number): number {
  return p > 0 && p < 1 ? -(p * Math.log2(p) + (1 - p) * Math.log2(1 - p)) : 0;
}

function evidenceNote(a: Association, finding: Finding): EvidenceNote {
  const lr = a.likelihood / leakOf(finding);
  return {
    display: finding.display,
    presentLr: lr > 1 ? round(lr, 2) : round(lr, 3),
    presentSupports: lr > 1,
    absentLr:
      a.likelihood >= TYPICAL_LIKELIHOOD
        ? round((1 - a.likelihood) / (1 - leakOf(finding)), 3)
        : undefined,
    sources: a.sources,
  };
}

function findingEvidence(row: ReadonlyMap<number, Association> | undefined, b: number) {
  const size = row?.size ?? 0;
  const evidence = {
    conditions: new Int32Array(size),
    logPresent: new Float64Array(size),
    logAbsent: new Float64Array(size),
  };
  let k = 0;
  for (const [ci, a] of row ?? []) {
    evidence.conditions[k] = ci;
    evidence.logPresent[k] = Math.log(a.likelihood / b);
    evidence.logAbsent[k] = Math.log((1 - a.likelihood) / (1 - b));
    k += 1;
  }
  return evidence;
}

export function buildDiagnosisIndex(kb: KnowledgeBase): DiagnosisIndex {
  const conditions = kb.conditions;
  const conditionIndex = new Map(conditions.map((c, i) => [c.id, i]));
  const findingList = kb.findings;
  const findingIndex = new Map(findingList.map((f, i) => [f.id, i]));
  const byFinding = new Map<string, Map<number, Association>>();
  const associations = conditions.map(() => new Map<string, Association>());
  for (const a of kb.associations) {
    const ci = conditionIndex.get(a.condition);
    if (ci === undefined) {
      continue;
    }
    associations[ci]?.set(a.finding, a);
    const row = byFinding.get(a.finding) ?? new Map<number, Association>();
    row.set(ci, a);
    byFinding.set(a.finding, row);
  }
  const leaks = Float64Array.from(findingList, leakOf);
  const likelihoods = associations.map((byId): ConditionLikelihoods => {
    const positions: number[] = [];
    const values: number[] = [];
    for (const [id, a] of byId) {
      const fi = findingIndex.get(id);
      if (fi !== undefined) {
        positions.push(fi);
        values.push(a.likelihood);
      }
    }
    return {
      findings: Int32Array.from(positions),
      likelihood: Float64Array.from(values),
      entropy: Float64Array.from(values, binaryEntropy),
    };
  });
  const findings = new Map(findingList.map((f) => [f.id, f]));
  const notes = associations.map((byFinding) => {
    const row = new Map<string, EvidenceNote>();
    for (const [id, a] of byFinding) {
      const finding = findings.get(id);
      if (finding) {
        row.set(id, evidenceNote(a, finding));
      }
    }
    return row;
  });
  return {
    kb,
    conditions,
    conditionIds: conditions.map((c) => c.id),
    conditionIndex,
    findings,
    findingIndex,
    findingList,
    leaks,
    evidence: findingList.map((f, fi) => findingEvidence(byFinding.get(f.id), leaks[fi] ?? 0)),
    associations,
    notes,
    cantMiss: Int32Array.from(conditions.flatMap((c, i) => (c.cantMiss ? [i] : []))),
    conditionSources: conditions.map((c) => [...new Set(c.sources)].sort()),
    likelihoods,
    leakEntropy: leaks.map(binaryEntropy),
    priors: createPriorTable(conditions),
  };
}
