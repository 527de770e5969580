import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../kb/knowledge-base.js';
import { createDiagnosisEngine } from './diagnosis-engine.js';
import { randomPresentations } from './testing/random-presentations.js';
import { referenceScores } from './testing/reference-engine.js';

const kb = loadKnowledgeBase();
const engine = createDiagnosisEngine({ kb });

describe('scoreDifferential (precomputed priors and sparse log-likelihood ratios)', () => {
  it('gives every condition exactly the posterior of the plain per-request computation', () => {
    for (const presentation of randomPresentations(kb, 400)) {
      const scores = engine.scoreDifferential(presentation);
      const reference = referenceScores(kb, presentation);
      expect(Array.from(scores.probability)).toEqual(reference.probability);
      expect(scores.otherProbability).toBe(reference.otherProbability);
    }
  });

  it('recomputes the priors a history touches: no chronic re-suggestion, raised exacerbation', () => {
    const findings = { present: ['wheeze', 'dyspnoea'], absent: [] };
    const patient = { age: 25, sex: 'male' as const };
    const plain = engine.scoreDifferential({ findings, patient });
    const asthmatic = engine.scoreDifferential({
      findings,
      patient: { ...patient, conditions: ['asthma'] },
    });
    const at = (id: string) => kb.conditions.findIndex((c) => c.id === id);
    expect(asthmatic.probability[at('asthma')]).toBe(0);
    expect(asthmatic.probability[at('asthma-exacerbation')]).toBeGreaterThan(
      plain.probability[at('asthma-exacerbation')] ?? 1,
    );
  });

  it('describes a scored condition exactly as the ranking does', () => {
    for (const presentation of randomPresentations(kb, 60, 11)) {
      const ranked = engine.rankDifferential(presentation);
      const scores = engine.scoreDifferential(presentation);
      for (const item of ranked.items) {
        expect(
          engine.describeCondition({
            scores,
            condition: item.condition,
            listedBecause: item.listedBecause,
          }),
        ).toEqual(item);
      }
    }
    const scores = engine.scoreDifferential({ findings: { present: ['cough'], absent: [] } });
    expect(engine.describeCondition({ scores, condition: 'nope', listedBecause: 'rank' })).toBe(
      undefined,
    );
  });

  it('lists, at any depth and for the same scores listed again, what rankDifferential lists', () => {
    for (const presentation of randomPresentations(kb, 80, 13)) {
      const scores = engine.scoreDifferential(presentation);
      const redFlags = engine.evaluateRedFlags({
        findings: { present: scores.findings.present },
        ...(presentation.patient.age === undefined ? {} : { age: presentation.patient.age }),
      });
      for (const limit of [1, 5, 20, 50, Number.MAX_SAFE_INTEGER]) {
        const ranked = engine.rankDifferential({ ...presentation, limit });
        expect(engine.listDifferential({ scores, redFlags, limit })).toEqual(
          ranked.items.map((i) => ({
            condition: i.condition,
            probability: i.probability,
            listedBecause: i.listedBecause,
          })),
        );
      }
    }
  });

  it('lists the same on a first listing (partial selection) as on later ones (one full sort)', () => {
    for (const presentation of randomPresentations(kb, 80, 17)) {
      const redFlagsOf = (scores: ReturnType<typeof engine.scoreDifferential>) =>
        engine.evaluateRedFlags({
          findings: { present: scores.findings.present },
          ...(presentation.patient.age === undefined ? {} : { age: presentation.patient.age }),
        });
      for (const limit of [1, 5, 20, 50, Number.MAX_SAFE_INTEGER]) {
        const fresh = engine.scoreDifferential(presentation);
        const first = engine.listDifferential({
          scores: fresh,
          redFlags: redFlagsOf(fresh),
          limit,
        });
        const again = engine.listDifferential({
          scores: fresh,
          redFlags: redFlagsOf(fresh),
          limit,
        });
        const third = engine.listDifferential({
          scores: fresh,
          redFlags: redFlagsOf(fresh),
          limit,
        });
        expect(again).toEqual(first);
        expect(third).toEqual(first);
        const ranked = engine.rankDifferential({ ...presentation, limit });
        expect(first.map((i) => i.condition)).toEqual(ranked.items.map((i) => i.condition));
      }
    }
  });

  it('reports unknown findings and lets a finding both present and absent count as present', () => {
    const scores = engine.scoreDifferential({
      findings: { present: ['cough', 'not-a-kb-finding', 'cough'], absent: ['cough', 'fever'] },
    });
    expect(scores.unknownFindings).toEqual(['not-a-kb-finding']);
    expect(scores.findings).toEqual({ present: ['cough'], absent: ['fever'] });
  });
});
