import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../kb/knowledge-base.js';
import { createDiagnosisEngine } from './diagnosis-engine.js';
import { randomPresentations } from './testing/random-presentations.js';

const kb = loadKnowledgeBase();
const engine = createDiagnosisEngine({ kb });

describe('describeEvidence', () => {
  it('is describeCondition’s evidence as answers show it (findingId), for every condition', () => {
    for (const presentation of randomPresentations(kb, 40, 29)) {
      const scores = engine.scoreDifferential(presentation);
      for (const { id: condition } of kb.conditions) {
        const item = engine.describeCondition({ scores, condition, listedBecause: 'rank' });
        expect(engine.describeEvidence({ scores, condition })).toEqual({
          supporting: item?.supporting.map((e) => ({
            findingId: e.finding,
            display: e.display,
            likelihoodRatio: e.likelihoodRatio,
          })),
          against: item?.against.map((e) => ({
            findingId: e.finding,
            display: e.display,
            likelihoodRatio: e.likelihoodRatio,
            reason: e.reason,
          })),
          sources: item?.sources,
        });
      }
    }
    const scores = engine.scoreDifferential({ findings: { present: ['cough'], absent: [] } });
    expect(engine.describeEvidence({ scores, condition: 'nope' })).toBe(undefined);
  });
});
