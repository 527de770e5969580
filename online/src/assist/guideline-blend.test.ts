import { createDiagnosisEngine, type PatientInput } from '@mediassist/shared/diagnosis';
import { describe, expect, it } from 'vitest';
import { blendDifferential, createRuledOut, type ModelOutput } from './blend-differential.js';
import { createGuidelineBlend, GUIDELINE_MARGIN } from './guideline-blend.js';
import { shippedKb } from './testing/assist-fixture.js';
import { referenceBlend } from './testing/blend-reference.js';

const { kb } = shippedKb();
const engine = createDiagnosisEngine({ kb });
const blend = createGuidelineBlend({ conditions: kb.conditions, engine });

function seeded(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

/** A model output over every KB condition (or a subset), peaked on a few random ones. */
function randomModel(random: () => number, subset: boolean): ModelOutput {
  const classes = kb.conditions.map((c) => c.id).filter(() => !subset || random() < 0.7);
  const raw = classes.map(() => (random() < 0.05 ? 20 * random() : random() * 0.02));
  const sum = raw.reduce((a, b) => a + b, 0);
  return { classes, probabilities: Float32Array.from(raw, (p) => p / sum) };
}

describe('createGuidelineBlend', () => {
  it('answers exactly as ranking, describing and blending at each depth would', () => {
    const random = seeded(9);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    let deepened = 0;
    for (let n = 0; n < 150; n++) {
      const associated = kb.associationsOf(pick(kb.conditions).id).map((a) => a.finding);
      const findings = {
        present: Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(associated)),
        absent: Array.from({ length: Math.floor(random() * 3) }, () => pick(kb.findings).id),
      };
      const age = random() < 0.9 ? Math.floor(random() * 90) : null;
      const sex = random() < 0.9 ? pick(['female', 'male'] as const) : null;
      const chronic = kb.conditions.filter((c) => c.course === 'chronic' && random() < 0.02);
      const patient: PatientInput = {
        ...(age === null ? {} : { age }),
        ...(sex === null ? {} : { sex }),
        conditions: chronic.map((c) => c.id),
      };
      const ruledOutPatient = { age, sex, chronic: chronic.map((c) => c.id) };
      const ruledOut = createRuledOut(ruledOutPatient);
      const model = random() < 0.7 ? randomModel(random, random() < 0.2) : null;
      const limit = pick([1, 3, 5, 10, 20, 30]);
      const expected = referenceBlend({ kb, engine, findings, patient, model, limit, ruledOut });
      const scores = engine.scoreDifferential({ findings, patient });
      const redFlags = engine.evaluateRedFlags({
        findings: { present: scores.findings.present },
        ...(age === null ? {} : { age }),
      });
      const shallow = engine.rankDifferential({
        findings,
        patient,
        limit: limit + GUIDELINE_MARGIN,
      });
      if (
        model &&
        !blendDifferential({
          kb,
          guideline: shallow,
          depth: limit + GUIDELINE_MARGIN,
          model,
          limit,
          ruledOut,
        }).exact
      ) {
        deepened += 1;
      }
      expect(blend({ scores, redFlags, model, limit, patient: ruledOutPatient })).toEqual(expected);
    }
    // Some answers needed a deeper listing, so that path is compared too.
    expect(deepened).toBeGreaterThan(3);
  });
});
