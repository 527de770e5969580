import { describe, expect, it } from 'vitest';
import { PatientIdSchema } from './ids.js';
import {
  dateShiftDays,
  pseudonymizeEncounterId,
  pseudonymizePatientId,
  PseudonymKeySchema,
} from './pseudonym.js';

const key = PseudonymKeySchema.parse('k'.repeat(32));
const otherKey = PseudonymKeySchema.parse('x'.repeat(32));

describe('pseudonymizePatientId', () => {
  it('is deterministic for one key and differs across keys', () => {
    const a = pseudonymizePatientId('MRN-0001', key);
    expect(pseudonymizePatientId('MRN-0001', key)).toBe(a);
    expect(pseudonymizePatientId('MRN-0001', otherKey)).not.toBe(a);
    expect(pseudonymizePatientId('MRN-0002', key)).not.toBe(a);
  });

  it('produces a valid PatientId that does not contain the source id', () => {
    const id = pseudonymizePatientId('MRN-0001', key);
    expect(PatientIdSchema.safeParse(id).success).toBe(true);
    expect(id).not.toContain('0001');
  });

  it('separates patient and encounter domains for the same source string', () => {
    expect(pseudonymizeEncounterId('42', key).slice(3)).not.toBe(
      pseudonymizePatientId('42', key).slice(3),
    );
  });

  it('rejects keys shorter than 32 characters', () => {
    expect(PseudonymKeySchema.safeParse('short').success).toBe(false);
  });
});

describe('dateShiftDays', () => {
  it('is stable per patient and within half a year', () => {
    const id = pseudonymizePatientId('MRN-0001', key);
    const shifts = Array.from({ length: 200 }, (_, i) =>
      dateShiftDays(pseudonymizePatientId(`p${String(i)}`, key), key),
    );
    expect(dateShiftDays(id, key)).toBe(dateShiftDays(id, key));
    expect(Math.min(...shifts)).toBeGreaterThanOrEqual(-182);
    expect(Math.max(...shifts)).toBeLessThanOrEqual(182);
    expect(new Set(shifts).size).toBeGreaterThan(100);
  });
});
