/**
 * The guideline engine's "what next" step: the tests that guideline rules recommend for the leading
 * differential and the findings present, each with the rules and sources behind it. A test done more
 * recently than every recommending rule's window is listed as suppressed, with the date.
 */
import type { GuidelineRule, KnowledgeBase, Sex, Test } from '../kb/index.js';
import { addDays, dayOf, isoDay, parseDay, type LastDone } from './care-dates.js';

export interface RecommendTestsPatient {
  age?: number;
  sex?: Sex;
}

export interface RecommendTestsInput {
  kb: Pick<KnowledgeBase, 'guidelineRules' | 'test' | 'version'>;
  /** Leading differential (condition ids), most likely first. */
  conditions: readonly string[];
  presentFindings: readonly string[];
  patient: RecommendTestsPatient;
  lastDone: LastDone;
  now: Date;
}

export interface RuleReason {
  ruleId: string;
  rationale: string;
  strength: string;
  year: number;
  sources: readonly string[];
  matchedConditions: readonly string[];
  matchedFindings: readonly string[];
}

export interface TestRecommendation {
  testId: string;
  display: string;
  kind: Test['kind'];
  status: 'recommended' | 'suppressed';
  because: readonly RuleReason[];
  /** Every source behind the recommendation, de-duplicated. */
  sources: readonly string[];
  lastDone?: string;
  /** For suppressed tests: the first day it would be recommended again. */
  suppressedUntil?: string;
}

export interface RecommendTestsResult {
  tests: readonly TestRecommendation[];
  kbVersion: string;
}

/** Age and sex limits exclude a rule only when the patient's age or sex is known. */
function patientFits(rule: GuidelineRule, patient: RecommendTestsPatient): boolean {
  const { minAge, maxAge, sex } = rule.when;
  const { age } = patient;
  return (
    (age === undefined || ((minAge ?? 0) <= age && age <= (maxAge ?? Number.POSITIVE_INFINITY))) &&
    (sex === undefined || patient.sex === undefined || patient.sex === sex)
  );
}

interface Pending {
  test: Test;
  reasons: RuleReason[];
  windows: number[];
  rank: number;
}

export function recommendTests(input: RecommendTestsInput): RecommendTestsResult {
  const { kb, conditions, presentFindings, patient } = input;
  const today = dayOf(input.now);
  const pending = new Map<string, Pending>();

  for (const rule of kb.guidelineRules) {
    const matchedConditions = rule.when.anyConditions.filter((c) => conditions.includes(c));
    const matchedFindings = rule.when.anyFindings.filter((f) => presentFindings.includes(f));
    if (matchedConditions.length + matchedFindings.length === 0 || !patientFits(rule, patient)) {
      continue;
    }
    const rank = Math.min(
      ...matchedConditions.map((c) => conditions.indexOf(c)),
      matchedFindings.length > 0 ? conditions.length : Number.POSITIVE_INFINITY,
    );
    const reason: RuleReason = {
      ruleId: rule.id,
      rationale: rule.rationale,
      strength: rule.strength,
      year: rule.year,
      sources: rule.sources,
      matchedConditions,
      matchedFindings,
    };
    for (const testId of rule.recommend) {
      const test = kb.test(testId);
      if (!test) {
        continue;
      }
      const entry = pending.get(testId) ?? { test, reasons: [], windows: [], rank };
      entry.reasons.push(reason);
      entry.windows.push(rule.suppressIfDoneWithinDays);
      entry.rank = Math.min(entry.rank, rank);
      pending.set(testId, entry);
    }
  }

  const tests = [...pending.values()].map(({ test, reasons, windows }): TestRecommendation => {
    const base = {
      testId: test.id,
      display: test.display,
      kind: test.kind,
      because: reasons,
      sources: [...new Set(reasons.flatMap((r) => r.sources))],
    };
    const last = input.lastDone[test.id];
    if (last === undefined) {
      return { ...base, status: 'recommended' };
    }
    const done = Math.min(parseDay(last, `lastDone.${test.id}`), today);
    const until = addDays(done, Math.min(...windows));
    return until > today
      ? { ...base, status: 'suppressed', lastDone: isoDay(done), suppressedUntil: isoDay(until) }
      : { ...base, status: 'recommended', lastDone: isoDay(done) };
  });

  const rankOf = (t: TestRecommendation): number => pending.get(t.testId)?.rank ?? 0;
  tests.sort(
    (x, y) =>
      Number(x.status === 'suppressed') - Number(y.status === 'suppressed') ||
      rankOf(x) - rankOf(y) ||
      y.because.length - x.because.length ||
      x.display.localeCompare(y.display),
  );
  return { tests, kbVersion: kb.version };
}
