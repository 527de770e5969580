import { createDiagnosisEngine } from '@mediassist/shared/diagnosis';
import { describe, expect, it } from 'vitest';
import { blendDifferential, createRuledOut, type ModelOutput } from './blend-differential.js';
import { shippedKb } from './testing/assist-fixture.js';

const { kb } = shippedKb();
const engine = createDiagnosisEngine({ kb });
const findings = { present: ['cough', 'fever', 'dyspnoea'], absent: ['chest-pain'] };
const patient = { age: 54, sex: 'female' as const, conditions: [] };
const ruledOut = createRuledOut({ age: 54, sex: 'female', chronic: [] });

function modelFavouring(weights: Record<string, number>): ModelOutput {
  const classes = kb.conditions.map((c) => c.id);
  const raw = classes.map((c) => weights[c] ?? 0.001);
  const sum = raw.reduce((a, b) => a + b, 0);
  return { classes, probabilities: Float32Array.from(raw, (p) => p / sum) };
}

function blend(depth: number, model: ModelOutput | null, limit = 10) {
  const guideline = engine.rankDifferential({ findings, patient, limit: depth });
  return blendDifferential({ kb, guideline, depth, model, limit, ruledOut });
}

describe('blendDifferential', () => {
  it('without a model reproduces the guideline engine’s ranking and probabilities', () => {
    const guideline = engine.rankDifferential({ findings, patient, limit: 10 });
    const blended = blend(10, null);
    expect(blended.method).toBe('guidelines');
    expect(blended.exact).toBe(true);
    expect(blended.items.map((i) => [i.conditionId, i.probability, i.listedBecause])).toEqual(
      guideline.items.map((i) => [i.condition, i.probability, i.listedBecause]),
    );
    expect(blended.urgency).toBe(guideline.urgency);
  });

  it('pools the model and the guidelines, keeping the guideline share for “none of these”', () => {
    const model = modelFavouring({ 'covid-19': 50 });
    const full = blend(Number.MAX_SAFE_INTEGER, model);
    const covid = full.items.find((i) => i.conditionId === 'covid-19');
    expect(full.items[0]?.conditionId).toBe('covid-19');
    const g = covid?.guidelineProbability ?? 0;
    const m = covid?.modelProbability ?? 0;
    expect(covid?.probability).toBeGreaterThan(g);
    expect(covid?.probability).toBeLessThan(Math.max(m, 1));
    expect(full.otherProbability).toBe(
      engine.rankDifferential({ findings, patient, limit: 10 }).otherProbability,
    );
    const total = full.items.reduce((s, i) => s + i.probability, 0) + full.otherProbability;
    expect(total).toBeLessThanOrEqual(1.0001);
  });

  it('describes only the top conditions yet lists exactly what the full ranking lists', () => {
    let exact = 0;
    for (const weights of [{}, { 'covid-19': 20 }, { influenza: 5, 'acute-sinusitis': 5 }]) {
      const model = modelFavouring(weights);
      const shallow = blend(20, model);
      const full = blend(Number.MAX_SAFE_INTEGER, model);
      if (shallow.exact) {
        exact += 1;
        expect(shallow.items.map((i) => [i.conditionId, i.listedBecause])).toEqual(
          full.items.map((i) => [i.conditionId, i.listedBecause]),
        );
        shallow.items.forEach((item, k) => {
          expect(item.probability).toBeCloseTo(full.items[k]?.probability ?? -1, 3);
        });
      }
    }
    expect(exact).toBeGreaterThan(1);
  });

  it('asks for the full ranking when the model lifts a condition the engine did not describe', () => {
    const guideline = engine.rankDifferential({ findings, patient, limit: 20 });
    const outside = kb.conditions.find(
      (c) => !guideline.items.some((i) => i.condition === c.id) && !ruledOut(c),
    );
    expect(outside).toBeDefined();
    const lifted = blend(20, modelFavouring({ [outside?.id ?? '']: 1000 }));
    expect(lifted.exact).toBe(false);
    const full = blend(Number.MAX_SAFE_INTEGER, modelFavouring({ [outside?.id ?? '']: 1000 }));
    expect(full.items[0]?.conditionId).toBe(outside?.id);
  });

  it('keeps a plausible can’t-miss condition and red-flag conditions whatever the model says', () => {
    const guideline = engine.rankDifferential({
      findings: { present: ['chest-pain', 'diaphoresis'], absent: [] },
      patient,
      limit: Number.MAX_SAFE_INTEGER,
    });
    const blended = blendDifferential({
      kb,
      guideline,
      depth: Number.MAX_SAFE_INTEGER,
      model: modelFavouring({ 'gastro-oesophageal-reflux-disease': 1000 }),
      limit: 3,
      ruledOut,
    });
    const listed = new Map(blended.items.map((i) => [i.conditionId, i.listedBecause]));
    for (const id of ['acute-coronary-syndrome', 'aortic-dissection', 'pulmonary-embolism']) {
      expect(listed.has(id)).toBe(true);
    }
    expect(blended.urgency).toBe('emergency');
  });

  it('rules out chronic conditions already on the problem list and impossible ones for the sex', () => {
    const male = createRuledOut({ age: 30, sex: 'male', chronic: ['asthma'] });
    expect(male(kb.condition('ectopic-pregnancy') ?? kb.conditions[0]!)).toBe(true);
    expect(male(kb.condition('asthma') ?? kb.conditions[0]!)).toBe(true);
    expect(male(kb.condition('influenza') ?? kb.conditions[0]!)).toBe(false);
    const unknownSex = createRuledOut({ age: 30, sex: null, chronic: [] });
    expect(unknownSex(kb.condition('ectopic-pregnancy') ?? kb.conditions[0]!)).toBe(false);
  });
});
