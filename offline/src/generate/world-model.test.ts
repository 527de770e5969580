import { loadKnowledgeBase } from '@mediassist/shared/kb';
import { describe, expect, it } from 'vitest';
import { logit } from './random.js';
import { MONITORING_LABS } from './routine-measurements.js';
import { createWorldModel } from './world-model.js';
import {
  FINDING_AGES,
  FINDING_SEX,
  FOLLOWED_CONDITIONS,
  NO_RECURRENCE,
  RECURRENCE_BOOST,
  SEASONALITY,
  SMOKING_ODDS,
  WORLD_PARAMS,
} from './world-params.js';

const kb = loadKnowledgeBase();

describe('createWorldModel', () => {
  it('names only conditions and findings the knowledge base has', () => {
    const conditions = new Set(kb.conditions.map((c) => c.id));
    const findings = new Set(kb.findings.map((f) => f.id));
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
      ...Object.keys(FINDING_SEX),
      ...Object.keys(FINDING_AGES),
      ...WORLD_PARAMS.elderly.atypicalFindings,
    ]) {
      expect(findings.has(id), id).toBe(true);
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

  it('perturbs the KB likelihoods by log-odds noise of about the documented size', () => {
    const world = createWorldModel({ kb, worldSeed: 3 });
    const dataMined = new Set(WORLD_PARAMS.dataMinedSources);
    const deltas: number[] = [];
    for (const c of world.conditions) {
      for (const a of c.associations) {
        const source = kb
          .associationsOf(c.condition.id)
          .find((x) => world.findingIndex.get(x.finding) === a.finding);
        const clamped = a.trueLogit <= logit(0.0011) || a.trueLogit >= logit(0.9949);
        if (source && !source.sources.every((s) => dataMined.has(s)) && !clamped) {
          deltas.push(a.trueLogit - logit(a.kbLikelihood));
        }
      }
    }
    const mean = deltas.reduce((s, d) => s + d, 0) / deltas.length;
    const sd = Math.sqrt(deltas.reduce((s, d) => s + (d - mean) ** 2, 0) / deltas.length);
    expect(deltas.length).toBeGreaterThan(500);
    expect(Math.abs(mean)).toBeLessThan(0.08);
    expect(sd).toBeGreaterThan(0.4);
    expect(sd).toBeLessThan(0.6);
  });

  it('keeps patient attributes out of per-visit draws and measured findings out of the background', () => {
    const world = createWorldModel({ kb, worldSeed: 1 });
    const smoker = world.findingIndex.get('current-smoker');
    const fever = world.findingIndex.get('fever');
    expect(world.conditions.every((c) => c.associations.every((a) => a.finding !== smoker))).toBe(
      true,
    );
    expect([...world.background.findings]).not.toContain(fever);
    expect([...world.background.findings]).not.toContain(smoker);
    const copd = world.conditions[world.conditionIndex.get('copd-exacerbation') ?? -1];
    expect(copd?.attributeEffects.map((e) => e.finding)).toContain('current-smoker');
  });
});
