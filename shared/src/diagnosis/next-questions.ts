/**
 * The next findings to ask about or examine: those with the highest expected information gain
 * (entropy reduction, in bits) over the current differential, treating the unlisted remainder of
 * the probability mass as one "other" hypothesis whose likelihoods are the findings' leaks.
 */
import { leakOf, type DiagnosisIndex } from './diagnosis-index.js';
import type { DifferentialResult, NextQuestion } from './types.js';

export interface NextQuestionsOptions {
  differential: DifferentialResult;
  /** Finding ids already asked (answered or declined), beyond the differential's own findings. */
  asked?: readonly string[];
  limit?: number;
}

const entropy = (ps: readonly number[]): number =>
  ps.reduce((h, p) => (p > 0 ? h - p * Math.log2(p) : h), 0);

const pct = (x: number): string => `${String(Math.round(x * 100))}%`;

export function nextQuestionsWithIndex(
  index: DiagnosisIndex,
  { differential, asked = [], limit = 5 }: NextQuestionsOptions,
): NextQuestion[] {
  const items = differential.items;
  const listedMass = items.reduce((s, it) => s + it.probability, 0);
  const weights = [...items.map((it) => it.probability), Math.max(0, 1 - listedMass)];
  const h0 = entropy(weights);
  const excluded = new Set([
    ...differential.findings.present,
    ...differential.findings.absent,
    ...asked,
  ]);
  const conditionIdx = items.map((it) => index.conditionIndex.get(it.condition));

  const candidates = new Set<string>();
  for (const ci of conditionIdx) {
    for (const a of ci === undefined ? [] : (index.byCondition[ci] ?? [])) {
      if (!excluded.has(a.finding)) {
        candidates.add(a.finding);
      }
    }
  }
  const questions: NextQuestion[] = [];
  for (const id of candidates) {
    const finding = index.findings.get(id);
    const row = index.byFinding.get(id);
    if (!finding || !row) {
      continue;
    }
    const b = leakOf(finding);
    const like = [
      ...conditionIdx.map((ci) => (ci === undefined ? b : (row.get(ci)?.likelihood ?? b))),
      b,
    ];
    const pYes = weights.reduce((s, w, k) => s + w * (like[k] ?? b), 0);
    if (pYes <= 0 || pYes >= 1) {
      continue;
    }
    const yes = weights.map((w, k) => (w * (like[k] ?? b)) / pYes);
    const no = weights.map((w, k) => (w * (1 - (like[k] ?? b))) / (1 - pYes));
    const gain = h0 - (pYes * entropy(yes) + (1 - pYes) * entropy(no));
    if (gain <= 1e-6) {
      continue;
    }
    const ranked = items
      .map((it, k) => ({ it, l: like[k] ?? b }))
      .filter(({ it }) => it.probability >= 0.01);
    const hi = ranked.reduce<(typeof ranked)[number] | undefined>(
      (m, x) => (!m || x.l > m.l ? x : m),
      undefined,
    );
    const lo = ranked.reduce<(typeof ranked)[number] | undefined>(
      (m, x) => (!m || x.l < m.l ? x : m),
      undefined,
    );
    const reason =
      hi && lo && hi.it !== lo.it
        ? `Seen in about ${pct(hi.l)} of ${hi.it.display} vs ${pct(lo.l)} of ${lo.it.display}`
        : `Separates the leading suggestions (expected gain ${gain.toFixed(2)} bits)`;
    questions.push({
      finding: id,
      display: finding.display,
      kind: finding.kind,
      informationGain: Number(gain.toFixed(4)),
      reason,
    });
  }
  return questions
    .sort((a, b) => b.informationGain - a.informationGain || a.finding.localeCompare(b.finding))
    .slice(0, limit);
}
