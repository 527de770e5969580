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
  sources: string[];
  matchedConditions: string[];
  matchedFindings: string[];
}

export interface TestRecommendation {
  testId: string;
  display: string;
  kind: Test['kind'];
  status: 'recommended' | 'suppressed';
  /** Fresh arrays (a reason object may be shared by the tests one rule recommends). */
  because: RuleReason[];
  /** Every source behind the recommendation, de-duplicated. */
  sources: string[];
  lastDone?: string;
  /** For suppressed tests: the first day it would be recommended again. */
  suppressedUntil?: string;
}

export interface RecommendTestsResult {
  tests: TestRecommendation[];
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
  return recommendFromRules(input, {
    kb: input.kb,
    rules: input.kb.guidelineRules,
    byDisplay: (x, y) => x.display.localeCompare(y.display),
  });
}

export type TestRecommender = (input: Omit<RecommendTestsInput, 'kb'>) => RecommendTestsResult;

/**
 * `recommendTests` for one knowledge base, with its rules indexed by condition and finding once, so
 * a request reads only the rules its conditions and findings can trigger (same result, same order).
 */
export function createTestRecommender(options: { kb: RecommendTestsInput['kb'] }): TestRecommender {
  const { kb } = options;
  const byCondition = new Map<string, number[]>();
  const byFinding = new Map<string, number[]>();
  const add = (map: Map<string, number[]>, key: string, r: number): void => {
    const list = map.get(key) ?? [];
    list.push(r);
    map.set(key, list);
  };
  // Displays in collation order once (equal-collating ones share a place), instead of localeCompare
  // in every request's sort.
  const collation = new Map<string, number>();
  const displays = [...new Set(kb.guidelineRules.flatMap((r) => r.recommend))]
    .flatMap((id) => kb.test(id)?.display ?? [])
    .sort((x, y) => x.localeCompare(y));
  let place = 0;
  displays.forEach((display, i) => {
    const previous = displays[i - 1];
    if (previous !== undefined && previous.localeCompare(display) !== 0) {
      place = i;
    }
    collation.set(display, place);
  });
  const byDisplay = (x: { display: string }, y: { display: string }): number =>
    (collation.get(x.display) ?? 0) - (collation.get(y.display) ?? 0);
  kb.guidelineRules.forEach((rule, r) => {
    rule.when.anyConditions.forEach((c) => {
      add(byCondition, c, r);
    });
    rule.when.anyFindings.forEach((f) => {
      add(byFinding, f, r);
    });
  });
  // By rule position: 1 when the request's conditions or findings can trigger it (refilled per call).
  const hit = new Uint8Array(kb.guidelineRules.length);
  return (input) => {
    hit.fill(0);
    for (const [map, keys] of [
      [byCondition, input.conditions],
      [byFinding, input.presentFindings],
    ] as const) {
      for (const key of keys) {
        for (const r of map.get(key) ?? []) {
          hit[r] = 1;
        }
      }
    }
    const rules: GuidelineRule[] = [];
    kb.guidelineRules.forEach((rule, r) => {
      if (hit[r] === 1) {
        rules.push(rule);
      }
    });
    return recommendFromRules(input, { kb, rules, byDisplay });
  };
}

/**
 * The recommendation from `rules` (in KB order; rules matching nothing may be left out), ties in the
 * order of `byDisplay` (localeCompare of the tests' displays).
 */
function recommendFromRules(
  input: Omit<RecommendTestsInput, 'kb'>,
  options: {
    kb: RecommendTestsInput['kb'];
    rules: readonly GuidelineRule[];
    byDisplay: (x: { display: string }, y: { display: string }) => number;
  },
): RecommendTestsResult {
  const { kb, rules, byDisplay } = options;
  const { conditions, presentFindings, patient } = input;
  const today = dayOf(input.now);
  const pending = new Map<string, Pending>();
  // A Map of the few tests done: a lookup by a test id read from the KB is several times cheaper
  // than indexing the record with it.
  const lastDone = new Map(Object.entries(input.lastDone));

  for (const rule of rules) {
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
      sources: [...rule.sources],
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

  const ranked: { test: TestRecommendation; rank: number }[] = [];
  for (const { test, reasons, windows, rank } of pending.values()) {
    const sources = new Set<string>();
    for (const reason of reasons) {
      for (const source of reason.sources) {
        sources.add(source);
      }
    }
    const last = lastDone.get(test.id);
    const done =
      last === undefined ? undefined : Math.min(parseDay(last, `lastDone.${test.id}`), today);
    const until = done === undefined ? undefined : addDays(done, Math.min(...windows));
    // Keys in this order: the JSON answer lists them so.
    const recommendation: TestRecommendation = {
      testId: test.id,
      display: test.display,
      kind: test.kind,
      because: reasons,
      sources: [...sources],
      status: until !== undefined && until > today ? 'suppressed' : 'recommended',
    };
    if (done !== undefined) {
      recommendation.lastDone = isoDay(done);
    }
    if (until !== undefined && until > today) {
      recommendation.suppressedUntil = isoDay(until);
    }
    ranked.push({ test: recommendation, rank });
  }
  ranked.sort(
    (x, y) =>
      Number(x.test.status === 'suppressed') - Number(y.test.status === 'suppressed') ||
      x.rank - y.rank ||
      y.test.because.length - x.test.because.length ||
      byDisplay(x.test, y.test),
  );
  const tests = ranked.map((r) => r.test);
  return { tests, kbVersion: kb.version };
}
