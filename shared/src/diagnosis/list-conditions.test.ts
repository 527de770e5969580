import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../kb/knowledge-base.js';
import { buildDiagnosisIndex } from './diagnosis-index.js';
import { createDiagnosisEngine } from './diagnosis-engine.js';
import { CANT_MISS_FLOOR } from './rank-differential.js';
import { randomPresentations } from './testing/random-presentations.js';

const kb = loadKnowledgeBase();
const engine = createDiagnosisEngine({ kb });

/** The plain rule: top `limit` by posterior (ties in KB order), then flagged and can't-miss ones. */
function reference(probability: Float64Array, flagged: ReadonlySet<string>, limit: number) {
  const ranked = kb.conditions
    .map((c, i) => ({ c, i, p: probability[i] ?? 0 }))
    .filter((x) => x.p > 0)
    .sort((a, b) => b.p - a.p || a.i - b.i);
  const top = ranked.slice(0, Math.max(0, Math.trunc(limit)));
  const extras = ranked.slice(top.length).flatMap((x) => {
    if (flagged.has(x.c.id)) {
      return [{ ...x, because: 'red-flag' }];
    }
    return x.c.cantMiss && x.p >= CANT_MISS_FLOOR ? [{ ...x, because: 'cant-miss' }] : [];
  });
  return [...top.map((x) => ({ ...x, because: 'rank' })), ...extras];
}

describe('listConditions', () => {
  it('lists by index what the plain rule and listDifferential list, at every depth', () => {
    for (const presentation of randomPresentations(kb, 120, 23)) {
      const scores = engine.scoreDifferential(presentation);
      const redFlags = engine.evaluateRedFlags({
        findings: { present: scores.findings.present },
        ...(presentation.patient.age === undefined ? {} : { age: presentation.patient.age }),
      });
      for (const limit of [0, 1, 5, 20, 50, 64, 65, 100, Number.MAX_SAFE_INTEGER]) {
        const listed = engine.listDifferential({ scores, redFlags, limit });
        const listing = engine.listConditions({ scores, redFlags, limit });
        const flagged = new Set(redFlags.flatMap((r) => r.consider));
        const expected = reference(scores.probability, flagged, limit);
        expect([...listing.indexes]).toEqual(expected.map((x) => x.i));
        expect(listing.because).toEqual(expected.map((x) => x.because));
        expect([...listing.indexes].map((i) => scores.conditionIds[i])).toEqual(
          listed.map((item) => item.condition),
        );
        expect(listing.because).toEqual(listed.map((item) => item.listedBecause));
        expect(listing.ranked).toBe(listed.filter((i) => i.listedBecause === 'rank').length);
      }
    }
  });
});

describe('buildDiagnosisIndex', () => {
  it('lists the can’t-miss conditions by index, in KB order', () => {
    const index = buildDiagnosisIndex(kb);
    expect([...index.cantMiss].map((i) => kb.conditions[i]?.id)).toEqual(
      kb.conditions.filter((c) => c.cantMiss).map((c) => c.id),
    );
    expect(index.cantMiss.length).toBeGreaterThan(10);
  });
});
