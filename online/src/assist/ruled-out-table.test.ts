import { createDiagnosisEngine, type PatientInput } from '@mediassist/shared/diagnosis';
import { describe, expect, it } from 'vitest';
import { createRuledOut, type ModelOutput, type RuledOutPatient } from './blend-differential.js';
import { createGuidelineBlend } from './guideline-blend.js';
import { createRuledOutTable } from './ruled-out-table.js';
import { shippedKb } from './testing/assist-fixture.js';
import { referenceBlend } from './testing/blend-reference.js';

const { kb } = shippedKb();

function seeded(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

/** Patients over every age band and sex (known, other, unknown), with and without chronic lists. */
function patients(count: number, seed: number): RuledOutPatient[] {
  const random = seeded(seed);
  const sexes = ['female', 'male', 'other', 'unknown', null] as const;
  return Array.from({ length: count }, (_, n) => ({
    age: n % 7 === 0 ? null : Math.floor(random() * 95),
    sex: sexes[n % sexes.length] ?? null,
    // Chronic and acute ids (only chronic ones are ruled out), and an id the KB lacks.
    chronic: [
      ...kb.conditions.filter(() => random() < 0.04).map((c) => c.id),
      ...(n % 5 === 0 ? ['not-a-kb-condition'] : []),
    ],
  }));
}

describe('createRuledOutTable', () => {
  it('rules out exactly the conditions createRuledOut does, for every stratum and history', () => {
    const table = createRuledOutTable(kb.conditions);
    const into = new Uint8Array(kb.conditions.length).fill(7);
    let ruledOut = 0;
    for (const patient of patients(300, 3)) {
      table({ patient, into });
      const check = createRuledOut(patient);
      const expected = kb.conditions.map((c) => (check(c) ? 1 : 0));
      expect([...into]).toEqual(expected);
      ruledOut += expected.filter((x) => x === 1).length;
    }
    // The rule is not vacuous: zero priors and chronic histories both rule conditions out.
    expect(ruledOut).toBeGreaterThan(300);
  });

  it('gives the blend the same answer as the check it replaces', () => {
    const engine = createDiagnosisEngine({ kb });
    const blend = createGuidelineBlend({ conditions: kb.conditions, engine });
    const random = seeded(21);
    for (const patient of patients(60, 8)) {
      const associated = kb.associationsOf(kb.conditions[Math.floor(random() * 200)]?.id ?? '');
      const findings = { present: associated.slice(0, 3).map((a) => a.finding), absent: [] };
      const input: PatientInput = {
        ...(patient.age === null ? {} : { age: patient.age }),
        ...(patient.sex === 'female' || patient.sex === 'male' ? { sex: patient.sex } : {}),
        conditions: patient.chronic,
      };
      const scores = engine.scoreDifferential({ findings, patient: input });
      const redFlags = engine.evaluateRedFlags({ findings: { present: scores.findings.present } });
      const raw = kb.conditions.map(() => random() ** 4);
      const sum = raw.reduce((a, b) => a + b, 0);
      const model: ModelOutput = {
        classes: kb.conditions.map((c) => c.id),
        probabilities: Float32Array.from(raw, (p) => p / sum),
      };
      const ruledOut = createRuledOut(patient);
      expect(blend({ scores, redFlags, model, limit: 10, patient })).toEqual(
        referenceBlend({ kb, engine, findings, patient: input, model, limit: 10, ruledOut }),
      );
    }
  });
});
