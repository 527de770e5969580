import { describe, expect, expectTypeOf, it } from 'vitest';
import { EventIdSchema, isPatientId, parsePatientId, type PatientId } from './ids.js';

describe('branded ids', () => {
  it('accepts only pseudonymous patient ids', () => {
    expect(isPatientId('pt_0123456789abcdef0123456789abcdef')).toBe(true);
    expect(isPatientId('MRN-12345')).toBe(false);
    expect(() => parsePatientId('pt_XYZ')).toThrow();
  });

  it('keeps PatientId distinct from plain strings at the type level', () => {
    expectTypeOf(parsePatientId('pt_0123456789abcdef0123456789abcdef')).toEqualTypeOf<PatientId>();
    expectTypeOf<string>().not.toEqualTypeOf<PatientId>();
  });

  it('requires event ids to be UUIDs', () => {
    expect(EventIdSchema.safeParse('6f1c1d2e-8a6b-4b8e-9a55-2f1c0e7d9b11').success).toBe(true);
    expect(EventIdSchema.safeParse('event-1').success).toBe(false);
  });
});
