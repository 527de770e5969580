import { describe, expect, it } from 'vitest';
import {
  ageBand,
  createDiagnosisInputLayout,
  type DiagnosisInputValues,
} from './diagnosis-input.js';

const spec = {
  findings: ['fever', 'cough'],
  chronicConditions: ['asthma'],
  recentAcute: ['uti'],
  embeddingDimension: 2,
};
const base: DiagnosisInputValues = {
  present: [],
  absent: [],
  chronic: [],
  recentAcute: [],
  age: null,
  sex: null,
  embedding: null,
  date: new Date('2026-01-01T00:00:00Z'),
};

describe('createDiagnosisInputLayout', () => {
  const layout = createDiagnosisInputLayout(spec);

  it('has a fixed size: 2 per finding + conditions + 5 age bands + age + 2 sex + 2 season + embedding + missing flag', () => {
    expect(layout.size).toBe(4 + 1 + 1 + 5 + 1 + 2 + 2 + 2 + 1);
  });

  it('places present and absent findings in their own slots and ignores unknown ids', () => {
    const v = layout.build({ ...base, present: ['cough', 'not-in-vocab'], absent: ['fever'] });
    expect(Array.from(v.slice(0, 4))).toEqual([0, 1, 1, 0]);
  });

  it('encodes history, age, sex, season and the embedding', () => {
    const v = layout.build({
      ...base,
      chronic: ['asthma'],
      recentAcute: ['uti'],
      age: 70,
      sex: 'male',
      embedding: new Float32Array([0.5, -0.25]),
      date: new Date('2026-07-02T00:00:00Z'),
    });
    expect(v[4]).toBe(1);
    expect(v[5]).toBe(1);
    expect(Array.from(v.slice(6, 11))).toEqual([0, 0, 0, 0, 1]);
    expect(v[11]).toBeCloseTo(0.7);
    expect(Array.from(v.slice(12, 14))).toEqual([0, 1]);
    expect(v[15]).toBeCloseTo(-1, 1);
    expect(Array.from(v.slice(16, 18))).toEqual([0.5, -0.25]);
    expect(v[18]).toBe(0);
  });

  it('flags a missing or wrongly sized embedding instead of guessing', () => {
    expect(layout.build(base)[18]).toBe(1);
    expect(layout.build({ ...base, embedding: new Float32Array(3) })[18]).toBe(1);
  });
});

describe('ageBand', () => {
  it('maps ages to the KB bands at their boundaries', () => {
    expect([0, 4, 5, 17, 18, 39, 40, 64, 65, 99].map(ageBand)).toEqual([
      '0-4',
      '0-4',
      '5-17',
      '5-17',
      '18-39',
      '18-39',
      '40-64',
      '40-64',
      '65+',
      '65+',
    ]);
  });
});
