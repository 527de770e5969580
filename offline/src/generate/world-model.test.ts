import { loadKnowledgeBase } from '@mediassist/shared/kb';
import { describe, expect, it } from 'vitest';
import { ELDERLY, YOUNG_CHILD } from './age-presentation.js';
import { HIDDEN_RISK_FACTORS, SMOKING_ODDS } from './comorbidity.js';
import { EXPOSURE_CLUSTERS } from './exposure-clusters.js';
import {
  FINDING_AGES,
  FINDING_SEX,
  PREMENOPAUSAL_CONDITIONS,
  PREMENOPAUSAL_FINDINGS,
} from './finding-constraints.js';
import { GENERAL_SYMPTOMS, SYSTEM_SYMPTOMS } from './hidden-associations.js';
import { ATTRIBUTE_FINDINGS } from './patient-attributes.js';
import { logit } from './random.js';
import { NO_RECURRENCE, RECURRENCE_BOOST } from './recurrence.js';
import { MONITORING_LABS } from './routine-measurements.js';
import { SEASONALITY } from './seasonality.js';
import { RECORDED_HISTORY_FINDINGS } from './social-history.js';
import { createWorldModel } from './world-model.js';
import { FOLLOWED_CONDITIONS, WORLD_PARAMS } from './world-params.js';

const kb = loadKnowledgeBase();

describe('createWorldModel', () => {
  it('names only conditions and findings the knowledge base has', () => {
    const conditions = new Set(kb.conditions.map((c) => c.id));
    const findings = new Set(kb.findings.map((f) => f.id));
    const acute = new Set(kb.conditions.filter((c) => c.course === 'acute').map((c) => c.id));
    for (const id of [
      ...Object.keys(SEASONALITY),
      ...Object.keys(RECURRENCE_BOOST),
      ...Object.keys(SMOKING_ODDS),
      ...Object.keys(MONITORING_LABS),
      ...FOLLOWED_CONDITIONS,
      ...NO_RECURRENCE,
    ]) {
      expect(conditions.has(id), id).toBe(true);
    }
    for (const id of [
      ...EXPOSURE_CLUSTERS.flatMap((c) => c.members),
      ...HIDDEN_RISK_FACTORS.map((h) => h.condition),
      ...PREMENOPAUSAL_CONDITIONS,
    ]) {
      expect(acute.has(id), id).toBe(true);
    }
    for (const h of HIDDEN_RISK_FACTORS) {
      const chronic = kb.condition(h.riskFactor)?.course === 'chronic';
      expect(chronic || ATTRIBUTE_FINDINGS.includes(h.riskFactor), h.riskFactor).toBe(true);
      expect(h.source.length, h.condition).toBeGreaterThan(5);
    }
    for (const id of [
      ...Object.keys(FINDING_SEX),
      ...Object.keys(FINDING_AGES),
      ...PREMENOPAUSAL_FINDINGS,
      ...ELDERLY.atypicalFindings,
      ...YOUNG_CHILD.verbalFindings,
      ...YOUNG_CHILD.nonSpecificFindings,
      ...GENERAL_SYMPTOMS,
      ...Object.values(SYSTEM_SYMPTOMS).flat(),
      ...ATTRIBUTE_FINDINGS,
      ...RECORDED_HISTORY_FINDINGS,
      ...EXPOSURE_CLUSTERS.flatMap((c) => (c.attribute ? [c.attribute.finding] : [])),
    ]) {
      expect(findings.has(id), id).toBe(true);
    }
    for (const c of EXPOSURE_CLUSTERS) {
      expect(c.sources.length, c.id).toBeGreaterThan(0);
    }
  });

  it('is the same world for the same world seed and a different one for another', () => {
    const a = createWorldModel({ kb, worldSeed: 1 });
    const b = createWorldModel({ kb, worldSeed: 1 });
    const c = createWorldModel({ kb, worldSeed: 2 });
    const logits = (w: typeof a) =>
      w.conditions.flatMap((x) => x.associations.map((y) => y.trueLogit));
    expect(logits(b)).toEqual(logits(a));
    expect(logits(c)).not.toEqual(logits(a));
  });

  it('moves the KB likelihoods by each condition’s spectrum plus log-odds noise of the documented size', () => {
    const world = createWorldModel({ kb, worldSeed: 3 });
    const dataMined = new Set(WORLD_PARAMS.dataMinedSources);
    const pivot = logit(WORLD_PARAMS.spectrum.pivotLikelihood);
    const residuals: number[] = [];
    const classic: number[] = [];
    for (const c of world.conditions) {
      expect(c.spectrum.slope).toBeGreaterThanOrEqual(WORLD_PARAMS.spectrum.slopeMin);
      expect(c.spectrum.slope).toBeLessThanOrEqual(WORLD_PARAMS.spectrum.slopeMax);
      for (const a of c.associations) {
        const source = kb
          .associationsOf(c.condition.id)
          .find((x) => world.findingIndex.get(x.finding) === a.finding);
        const clamped = a.trueLogit <= logit(0.0011) || a.trueLogit >= logit(0.9949);
        if (!source || source.sources.every((s) => dataMined.has(s)) || clamped) {
          continue;
        }
        const expected =
          pivot + c.spectrum.shift + c.spectrum.slope * (logit(a.kbLikelihood) - pivot);
        residuals.push(a.trueLogit - expected);
        if (a.kbLikelihood >= 0.8) {
          classic.push(a.trueLogit - logit(a.kbLikelihood));
        }
      }
    }
    const mean = (xs: number[]) => xs.reduce((s, d) => s + d, 0) / xs.length;
    const m = mean(residuals);
    const sd = Math.sqrt(mean(residuals.map((d) => (d - m) ** 2)));
    expect(residuals.length).toBeGreaterThan(500);
    expect(Math.abs(m)).toBeLessThan(0.1);
    expect(sd).toBeGreaterThan(WORLD_PARAMS.likelihoodNoiseSd * 0.85);
    expect(sd).toBeLessThan(WORLD_PARAMS.likelihoodNoiseSd * 1.15);
    // Classic findings are seen less often in primary care than the textbook says.
    expect(mean(classic)).toBeLessThan(-1);
  });

  it('gives conditions common findings the KB does not list, and keeps the practice’s total case mix', () => {
    const world = createWorldModel({ kb, worldSeed: 4 });
    let total = 0;
    let mixed = 0;
    for (const ci of world.acute) {
      const c = world.conditions[ci];
      if (!c) {
        continue;
      }
      const listed = new Set(kb.associationsOf(c.condition.id).map((a) => a.finding));
      const hidden = c.associations.filter((a) => a.kbLikelihood === 0);
      expect(hidden.length, c.condition.id).toBeGreaterThan(0);
      for (const a of hidden) {
        expect(listed.has(world.findings[a.finding]?.finding.id ?? '')).toBe(false);
      }
      const prior = (['female', 'male'] as const).reduce(
        (sum, sex) => sum + Object.values(c.condition.prior[sex]).reduce((x, y) => x + y, 0),
        0,
      );
      total += prior;
      mixed += prior * c.caseMix;
    }
    expect(mixed / total).toBeCloseTo(1, 6);
    const caseMix = world.acute.map((ci) => world.conditions[ci]?.caseMix ?? 1);
    expect(Math.max(...caseMix) / Math.min(...caseMix)).toBeGreaterThan(5);
  });

  it('keeps patient attributes out of per-visit draws and measured findings out of the background', () => {
    const world = createWorldModel({ kb, worldSeed: 1 });
    const background = new Set(world.background.findings);
    for (const id of ['current-smoker', 'former-smoker', 'postmenopausal', 'hepatitis-b-risk']) {
      const fi = world.findingIndex.get(id);
      expect(world.conditions.every((c) => c.associations.every((a) => a.finding !== fi))).toBe(
        true,
      );
      expect(background.has(fi ?? -1), id).toBe(false);
    }
    expect(background.has(world.findingIndex.get('fever') ?? -1)).toBe(false);
    expect(background.has(world.findingIndex.get('fatigue') ?? -1)).toBe(true);
    const copd = world.conditions[world.conditionIndex.get('copd-exacerbation') ?? -1];
    expect(copd?.attributeEffects.map((e) => e.finding)).toContain('current-smoker');
  });
});
