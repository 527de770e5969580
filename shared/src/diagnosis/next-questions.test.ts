import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../kb/knowledge-base.js';
import { createDiagnosisEngine, nextQuestions } from './diagnosis-engine.js';
import { randomPresentations } from './testing/random-presentations.js';
import { referenceNextQuestions } from './testing/reference-engine.js';

const kb = loadKnowledgeBase();
const engine = createDiagnosisEngine({ kb });

describe('nextQuestions (dense likelihood table, reasons only for the questions returned)', () => {
  it('picks and orders exactly the questions the plain computation does', () => {
    randomPresentations(kb, 150, 5).forEach((presentation, n) => {
      const differential = engine.rankDifferential({ ...presentation, limit: 1 + (n % 25) });
      const asked = n % 3 === 0 ? [kb.findings[n % kb.findings.length]?.id ?? 'fever'] : [];
      const limit = [1, 5, 8][n % 3] ?? 5;
      const questions = engine.nextQuestions({ differential, asked, limit });
      expect(
        questions.map((q) => ({ finding: q.finding, informationGain: q.informationGain })),
      ).toEqual(referenceNextQuestions(kb, { differential, asked, limit }));
    });
  });

  it('explains a question by the listed conditions it separates', () => {
    const differential = engine.rankDifferential({
      findings: { present: ['cough', 'fever'], absent: [] },
      patient: { age: 40, sex: 'female' },
    });
    const [first] = engine.nextQuestions({ differential, limit: 1 });
    expect(first?.reason).toMatch(/^Seen in about \d+% of .+ vs \d+% of .+$/);
    const displays = differential.items.map((i) => i.display);
    expect(displays.some((d) => first?.reason.includes(` of ${d}`))).toBe(true);
  });

  it('answers call after call as a search with fresh working arrays does', () => {
    const presentations = randomPresentations(kb, 40, 11);
    const differentials = presentations.map((presentation, n) =>
      engine.rankDifferential({ ...presentation, limit: 3 + (n % 12) }),
    );
    // Each search refills the engine's arrays, whatever the previous one left in them.
    for (const differential of [...differentials, ...differentials.reverse()]) {
      expect(engine.nextQuestions({ differential, limit: 6 })).toEqual(
        nextQuestions({ kb, differential, limit: 6 }),
      );
    }
  });
});
