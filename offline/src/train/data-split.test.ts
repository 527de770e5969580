import { describe, expect, it } from 'vitest';
import { cutoffBefore, patientBucket, splitOf } from './data-split.js';

const spec = { testShare: 0.1, validationShare: 0.1, cutoff: '2026-05-01' };
const patients = Array.from({ length: 5000 }, (_, i) => `pt_${i.toString(16).padStart(32, '0')}`);

describe('data split', () => {
  it('holds out about the test share of patients, the same ones every time', () => {
    const held = patients.filter(
      (p) => splitOf(spec, { patientId: p, visitDate: '2020-01-01' }) === 'test',
    );
    expect(held.length / patients.length).toBeGreaterThan(0.08);
    expect(held.length / patients.length).toBeLessThan(0.12);
    expect(patients.map(patientBucket)).toEqual(patients.map(patientBucket));
  });

  it('holds out every visit from the cutoff on, and never trains on a held-out patient', () => {
    for (const p of patients.slice(0, 500)) {
      expect(splitOf(spec, { patientId: p, visitDate: '2026-05-01' })).toBe('test');
      if (patientBucket(p) < spec.testShare) {
        expect(splitOf(spec, { patientId: p, visitDate: '2019-01-01' })).toBe('test');
      }
    }
  });

  it('puts the cutoff months before the last visit, clamped to the month', () => {
    expect(cutoffBefore('2026-10-31', 6)).toBe('2026-04-30');
    expect(cutoffBefore('2026-03-15', 6)).toBe('2025-09-15');
  });
});
