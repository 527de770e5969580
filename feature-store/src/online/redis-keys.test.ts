import { describe, expect, it } from 'vitest';
import { testPatientId } from '../testing/sample-features.js';
import { createOnlineStoreKeys, viewFields, watermarkField } from './redis-keys.js';

describe('online store keys', () => {
  const patient = testPatientId(255);

  it('puts each patient in one hash whose hash tag is the patient id', () => {
    expect(createOnlineStoreKeys().patient(patient)).toBe(
      'mediassist:fs:{pt_000000000000000000000000000000ff}',
    );
    expect(createOnlineStoreKeys('t:1a2b:').patient(patient)).toBe(
      't:1a2b:fs:{pt_000000000000000000000000000000ff}',
    );
  });

  it('keeps materialization watermarks in one hash, one field per view version', () => {
    expect(createOnlineStoreKeys().watermarks()).toBe('mediassist:fs:watermarks');
    expect(watermarkField({ name: 'care_gaps', version: 3 })).toBe('care_gaps@v3');
  });

  it('names three fields per view: value, as_of and version', () => {
    expect(viewFields('patient_embedding')).toEqual({
      value: 'patient_embedding:value',
      asOf: 'patient_embedding:as_of',
      version: 'patient_embedding:version',
    });
  });

  it('refuses a prefix with braces, which would move the hash tag into the prefix', () => {
    expect(() => createOnlineStoreKeys('app:{x}:')).toThrow(/braces/);
    expect(() => createOnlineStoreKeys('a b')).toThrow(/braces or spaces/);
  });
});
