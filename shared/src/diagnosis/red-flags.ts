/**
 * Red-flag rules: a rule fires when all its findings are present and the age is within its bounds.
 * When the age is unknown, age-bounded rules still fire (the safe failure for a red flag).
 */
import type { KnowledgeBase } from '../kb/knowledge-base.js';
import { URGENCIES } from '../kb/schema.js';
import type { FiredRedFlag } from './types.js';

export interface EvaluateRedFlagsOptions {
  kb: Pick<KnowledgeBase, 'redFlags'>;
  findings: { present: readonly string[] };
  age?: number | undefined;
}

export function evaluateRedFlags({ kb, findings, age }: EvaluateRedFlagsOptions): FiredRedFlag[] {
  const present = new Set(findings.present);
  const fired: FiredRedFlag[] = [];
  for (const rule of kb.redFlags) {
    const ageOk =
      age === undefined ||
      ((rule.minAge === undefined || age >= rule.minAge) &&
        (rule.maxAge === undefined || age <= rule.maxAge));
    if (ageOk && rule.allFindings.every((f) => present.has(f))) {
      fired.push({
        rule: rule.id,
        findings: rule.allFindings,
        escalateTo: rule.escalateTo,
        consider: rule.consider,
        advice: rule.advice,
        sources: rule.sources,
      });
    }
  }
  return fired.sort(
    (a, b) =>
      URGENCIES.indexOf(a.escalateTo) - URGENCIES.indexOf(b.escalateTo) ||
      a.rule.localeCompare(b.rule),
  );
}
