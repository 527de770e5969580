import { describe, expect, it } from 'vitest';
import type { GuidelineRule, Test } from '../kb/index.js';
import { loadKnowledgeBase } from '../kb/knowledge-base.js';
import {
  createTestRecommender,
  recommendTests,
  type RecommendTestsInput,
} from './recommend-tests.js';

const test = (id: string): Test => ({
  id,
  display: id.toUpperCase(),
  kind: 'lab',
  codes: [{ system: 'http://loinc.org', code: `${id}-1` }],
  sources: ['s'],
});

const rule = (id: string, fields: Partial<GuidelineRule>): GuidelineRule => ({
  id,
  when: { anyConditions: [], anyFindings: [] },
  recommend: [],
  rationale: `why ${id}`,
  suppressIfDoneWithinDays: 30,
  strength: 'strong',
  year: 2020,
  sources: [`src-${id}`],
  ...fields,
});

const tests = new Map(
  ['ecg', 'troponin', 'dipstick', 'culture', 'xray'].map((id) => [id, test(id)]),
);
const kb: RecommendTestsInput['kb'] = {
  version: '1.2.3',
  test: (id) => tests.get(id),
  guidelineRules: [
    rule('chest-pain', {
      when: { anyConditions: ['acs'], anyFindings: ['chest-pain'] },
      recommend: ['ecg', 'troponin'],
      suppressIfDoneWithinDays: 0,
    }),
    rule('uti-young', {
      when: { anyConditions: ['uti'], anyFindings: [], maxAge: 64 },
      recommend: ['dipstick'],
      suppressIfDoneWithinDays: 1,
    }),
    rule('uti-male', {
      when: { anyConditions: ['uti'], anyFindings: [], sex: 'male' },
      recommend: ['culture', 'dipstick'],
      suppressIfDoneWithinDays: 7,
    }),
    rule('pneumonia', {
      when: { anyConditions: ['cap'], anyFindings: [] },
      recommend: ['xray'],
      suppressIfDoneWithinDays: 30,
    }),
  ],
};
const now = new Date('2026-06-15T10:00:00Z');
const run = (fields: Partial<RecommendTestsInput>): ReturnType<typeof recommendTests> =>
  recommendTests({
    kb,
    conditions: [],
    presentFindings: [],
    patient: {},
    lastDone: {},
    now,
    ...fields,
  });
const ids = (result: ReturnType<typeof recommendTests>): string[] =>
  result.tests.map((t) => `${t.testId}:${t.status}`);

describe('recommendTests', () => {
  it('recommends tests for a condition on the differential or a present finding', () => {
    expect(ids(run({ conditions: ['acs'] }))).toEqual(['ecg:recommended', 'troponin:recommended']);
    expect(ids(run({ presentFindings: ['chest-pain'] }))).toEqual([
      'ecg:recommended',
      'troponin:recommended',
    ]);
    expect(run({ conditions: ['other'] }).tests).toEqual([]);
  });

  it('explains each test with the rules, what matched and their sources', () => {
    const [ecg] = run({ conditions: ['acs'], presentFindings: ['chest-pain'] }).tests;
    expect(ecg?.because).toEqual([
      {
        ruleId: 'chest-pain',
        rationale: 'why chest-pain',
        strength: 'strong',
        year: 2020,
        sources: ['src-chest-pain'],
        matchedConditions: ['acs'],
        matchedFindings: ['chest-pain'],
      },
    ]);
    expect(ecg?.sources).toEqual(['src-chest-pain']);
  });

  it('applies age and sex limits when they are known', () => {
    expect(ids(run({ conditions: ['uti'], patient: { age: 30, sex: 'female' } }))).toEqual([
      'dipstick:recommended',
    ]);
    expect(ids(run({ conditions: ['uti'], patient: { age: 70, sex: 'female' } }))).toEqual([]);
    expect(ids(run({ conditions: ['uti'], patient: { age: 70, sex: 'male' } }))).toEqual([
      'culture:recommended',
      'dipstick:recommended',
    ]);
    expect(ids(run({ conditions: ['uti'], patient: {} }))).toEqual([
      'dipstick:recommended',
      'culture:recommended',
    ]);
  });

  it('suppresses a test done within the window, with the dates', () => {
    const result = run({ conditions: ['cap'], lastDone: { xray: '2026-06-01' } });
    expect(result.tests).toMatchObject([
      {
        testId: 'xray',
        status: 'suppressed',
        lastDone: '2026-06-01',
        suppressedUntil: '2026-07-01',
      },
    ]);
  });

  it('recommends again once the window has passed', () => {
    const result = run({ conditions: ['cap'], lastDone: { xray: '2026-05-01' } });
    expect(result.tests).toMatchObject([
      { testId: 'xray', status: 'recommended', lastDone: '2026-05-01' },
    ]);
  });

  it('uses the shortest window among the rules recommending a test', () => {
    const result = run({
      conditions: ['uti'],
      patient: { age: 40, sex: 'male' },
      lastDone: { dipstick: '2026-06-12', culture: '2026-06-12' },
    });
    expect(ids(result)).toEqual(['dipstick:recommended', 'culture:suppressed']);
  });

  it('never suppresses a test whose rule has a zero-day window (serial tests)', () => {
    const result = run({ conditions: ['acs'], lastDone: { troponin: '2026-06-15T08:00:00Z' } });
    expect(ids(result)).toEqual(['ecg:recommended', 'troponin:recommended']);
  });

  it('orders tests by the rank of the condition that triggered them', () => {
    const result = run({ conditions: ['cap', 'acs'] });
    expect(result.tests.map((t) => t.testId)).toEqual(['xray', 'ecg', 'troponin']);
    expect(result.kbVersion).toBe('1.2.3');
  });
});

describe('createTestRecommender (rules indexed by condition and finding)', () => {
  it('recommends exactly what recommendTests does, for the shipped rules and many presentations', () => {
    const shipped = loadKnowledgeBase();
    const recommend = createTestRecommender({ kb: shipped });
    let s = 5;
    const random = (): number => {
      s = (s * 1103515245 + 12345) % 2147483648;
      return s / 2147483648;
    };
    const some = <T>(items: readonly T[], n: number): T[] =>
      Array.from({ length: n }, () => items[Math.floor(random() * items.length)]).filter(
        (x): x is T => x !== undefined,
      );
    let recommended = 0;
    for (let n = 0; n < 300; n++) {
      const input = {
        conditions: some(shipped.conditions, 5).map((c) => c.id),
        presentFindings: some(shipped.findings, Math.floor(random() * 5)).map((f) => f.id),
        patient: {
          ...(random() < 0.8 ? { age: Math.floor(random() * 90) } : {}),
          ...(random() < 0.8
            ? { sex: random() < 0.5 ? ('female' as const) : ('male' as const) }
            : {}),
        },
        lastDone: Object.fromEntries(
          some(shipped.tests, 3).map((t) => [t.id, `202${String(Math.floor(random() * 7))}-03-01`]),
        ),
        now: new Date('2026-11-22T10:00:00Z'),
      };
      const expected = recommendTests({ ...input, kb: shipped });
      expect(recommend(input)).toEqual(expected);
      recommended += expected.tests.length;
    }
    expect(recommended).toBeGreaterThan(300);
  });
});
