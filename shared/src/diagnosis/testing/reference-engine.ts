/**
 * The engine's arithmetic written the plain way (per request: every prior from `priorFor`, a Map per
 * finding, every candidate question scored and sorted), as the precomputed engine's tests' reference.
 * Tests only: it is what the engine computed before its tables existed, kept to prove they change
 * nothing.
 */
import type { KnowledgeBase } from '../../kb/knowledge-base.js';
import type { Association } from '../../kb/schema.js';
import { leakOf } from '../diagnosis-index.js';
import { priorFor } from '../prior.js';
import { OTHER_SHARE } from '../score-differential.js';
import type { FindingsInput, NextQuestion, PatientInput } from '../types.js';
import type { NextQuestionsInput } from '../next-questions.js';

export function referenceScores(
  kb: KnowledgeBase,
  { findings, patient = {} }: { findings: FindingsInput; patient?: PatientInput },
): { probability: number[]; otherProbability: number } {
  const known = new Map(kb.findings.map((f) => [f.id, f]));
  const conditionIndex = new Map(kb.conditions.map((c, i) => [c.id, i]));
  const byFinding = new Map<string, Map<number, Association>>();
  for (const a of kb.associations) {
    const ci = conditionIndex.get(a.condition);
    if (ci !== undefined) {
      const row = byFinding.get(a.finding) ?? new Map<number, Association>();
      row.set(ci, a);
      byFinding.set(a.finding, row);
    }
  }
  const present = [...new Set(findings.present)].filter((f) => known.has(f));
  const presentSet = new Set(present);
  const absent = [...new Set(findings.absent.filter((f) => known.has(f)))].filter(
    (f) => !presentSet.has(f),
  );
  const history = new Set(patient.conditions ?? []);
  let priorTotal = 0;
  const logScore = kb.conditions.map((c) => {
    const p = priorFor(c, patient, history);
    priorTotal += p;
    return p > 0 ? Math.log(p) : Number.NEGATIVE_INFINITY;
  });
  for (const [ids, isPresent] of [
    [present, true],
    [absent, false],
  ] as const) {
    for (const id of ids) {
      const finding = known.get(id);
      if (!finding) {
        continue;
      }
      const b = leakOf(finding);
      for (const [ci, a] of byFinding.get(id) ?? []) {
        const ratio = isPresent ? a.likelihood / b : (1 - a.likelihood) / (1 - b);
        logScore[ci] = (logScore[ci] ?? 0) + Math.log(ratio);
      }
    }
  }
  const otherLog = priorTotal > 0 ? Math.log(OTHER_SHARE * priorTotal) : 0;
  const max = Math.max(otherLog, ...logScore);
  let total = Math.exp(otherLog - max);
  const weights = logScore.map((s) => {
    const w = Number.isFinite(s) ? Math.exp(s - max) : 0;
    total += w;
    return w;
  });
  return {
    probability: weights.map((w) => w / total),
    otherProbability: Math.exp(otherLog - max) / total,
  };
}

const entropy = (ps: readonly number[]): number =>
  ps.reduce((h, p) => (p > 0 ? h - p * Math.log2(p) : h), 0);

/** Every candidate's rounded gain, best first (reasons left out). */
export function referenceNextQuestions(
  kb: KnowledgeBase,
  {
    differential,
    asked = [],
    limit = 5,
  }: { differential: NextQuestionsInput; asked?: string[]; limit?: number },
): Pick<NextQuestion, 'finding' | 'informationGain'>[] {
  const items = differential.items;
  const listedMass = items.reduce((s, it) => s + it.probability, 0);
  const weights = [...items.map((it) => it.probability), Math.max(0, 1 - listedMass)];
  const h0 = entropy(weights);
  const excluded = new Set([
    ...differential.findings.present,
    ...differential.findings.absent,
    ...asked,
  ]);
  const likelihoodOf = (condition: string, finding: string): number | undefined => {
    let found: number | undefined;
    for (const a of kb.associationsOf(condition)) {
      found = a.finding === finding ? a.likelihood : found;
    }
    return found;
  };
  const candidates = new Set(
    items.flatMap((it) => kb.associationsOf(it.condition).map((a) => a.finding)),
  );
  const out: Pick<NextQuestion, 'finding' | 'informationGain'>[] = [];
  for (const id of candidates) {
    const finding = kb.finding(id);
    if (!finding || excluded.has(id)) {
      continue;
    }
    const b = leakOf(finding);
    const like = [...items.map((it) => likelihoodOf(it.condition, id) ?? b), b];
    const pYes = weights.reduce((s, w, k) => s + w * (like[k] ?? b), 0);
    if (pYes <= 0 || pYes >= 1) {
      continue;
    }
    const yes = weights.map((w, k) => (w * (like[k] ?? b)) / pYes);
    const no = weights.map((w, k) => (w * (1 - (like[k] ?? b))) / (1 - pYes));
    const gain = h0 - (pYes * entropy(yes) + (1 - pYes) * entropy(no));
    if (gain > 1e-6) {
      out.push({ finding: id, informationGain: Number(gain.toFixed(4)) });
    }
  }
  return out
    .sort((a, b) => b.informationGain - a.informationGain || a.finding.localeCompare(b.finding))
    .slice(0, limit);
}
