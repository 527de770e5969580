import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../kb/index.js';
import { recommendTests } from './recommend-tests.js';

const kb = loadKnowledgeBase();
const now = new Date('2026-06-15T09:00:00Z');
const recommended = (input: {
  conditions?: string[] | undefined;
  findings?: string[] | undefined;
  age?: number | undefined;
  sex?: 'female' | 'male' | undefined;
  lastDone?: Record<string, string>;
}): string[] =>
  recommendTests({
    kb,
    conditions: input.conditions ?? [],
    presentFindings: input.findings ?? [],
    patient: {
      ...(input.age === undefined ? {} : { age: input.age }),
      ...(input.sex === undefined ? {} : { sex: input.sex }),
    },
    lastDone: input.lastDone ?? {},
    now,
  })
    .tests.filter((t) => t.status === 'recommended')
    .map((t) => t.testId);

describe('the shipped guideline rules', () => {
  it('cover at least 60 presentations and every rule recommends known tests with sources', () => {
    expect(kb.guidelineRules.length).toBeGreaterThanOrEqual(60);
    for (const rule of kb.guidelineRules) {
      expect(rule.sources.length).toBeGreaterThan(0);
      expect(rule.recommend.every((id) => kb.test(id) !== undefined)).toBe(true);
    }
  });

  it.each([
    {
      name: 'suspected UTI',
      conditions: ['urinary-tract-infection'],
      age: 30,
      sex: 'female' as const,
      expected: ['urine-dipstick'],
    },
    {
      name: 'UTI in a man',
      conditions: ['urinary-tract-infection'],
      age: 40,
      sex: 'male' as const,
      expected: ['urine-culture'],
    },
    {
      name: 'chest pain',
      findings: ['chest-pain'],
      conditions: ['acute-coronary-syndrome'],
      expected: ['ecg-12-lead', 'troponin'],
    },
    {
      name: 'suspected CAP',
      conditions: ['community-acquired-pneumonia'],
      expected: ['chest-xray', 'crp', 'pulse-oximetry'],
    },
    {
      name: 'suspected DVT',
      conditions: ['deep-vein-thrombosis'],
      expected: ['d-dimer', 'leg-vein-ultrasound'],
    },
    {
      name: 'suspected PE',
      conditions: ['pulmonary-embolism'],
      expected: ['d-dimer', 'ct-angiography-chest'],
    },
    { name: 'suspected diabetes', findings: ['polyuria', 'polydipsia'], expected: ['hba1c'] },
    {
      name: 'suspected heart failure',
      conditions: ['heart-failure'],
      expected: ['nt-probnp', 'echocardiogram'],
    },
    { name: 'thunderclap headache', findings: ['thunderclap-headache'], expected: ['ct-head'] },
  ])('$name → $expected', ({ conditions, findings, age, sex, expected }) => {
    expect(recommended({ conditions, findings, age, sex })).toEqual(
      expect.arrayContaining(expected),
    );
  });

  it('does not dipstick urine in adults 65 or over, and cultures instead', () => {
    const tests = recommended({ conditions: ['urinary-tract-infection'], age: 80, sex: 'female' });
    expect(tests).toContain('urine-culture');
    expect(tests).not.toContain('urine-dipstick');
  });

  it('suppresses an HbA1c done last month and recommends it again after 3 months', () => {
    const recent = recommended({
      conditions: ['type-2-diabetes'],
      lastDone: { hba1c: '2026-05-20' },
    });
    expect(recent).not.toContain('hba1c');
    const old = recommended({ conditions: ['type-2-diabetes'], lastDone: { hba1c: '2026-01-20' } });
    expect(old).toContain('hba1c');
  });

  it('never phrases a rationale as a diagnosis', () => {
    for (const rule of kb.guidelineRules) {
      expect(rule.rationale).not.toMatch(/\byou have\b|\bdiagnosed with\b|\bthe diagnosis is\b/i);
    }
  });
});
