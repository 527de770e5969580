import { describe, expect, it } from 'vitest';
import { escapeGlob, patientKeyPattern } from './demo-patient-source.js';

const ID = `pt_${'0a'.repeat(16)}`;

describe('patientKeyPattern', () => {
  it('matches the online store’s per-patient hashes and reads the id back', () => {
    const { pattern, idOf } = patientKeyPattern('mediassist:');
    expect(pattern).toBe('mediassist:fs:{pt_*}');
    expect(idOf(`mediassist:fs:{${ID}}`)).toBe(ID);
  });

  it('refuses keys that are not one patient’s hash', () => {
    const { idOf } = patientKeyPattern('mediassist:');
    expect(idOf('mediassist:fs:watermarks')).toBeUndefined();
    expect(idOf('mediassist:fs:{pt_123}')).toBeUndefined();
    expect(idOf(`other:fs:{${ID}}`)).toBeUndefined();
  });

  it('escapes glob characters in the prefix', () => {
    expect(escapeGlob('a*b?[c]\\')).toBe('a\\*b\\?\\[c\\]\\\\');
    expect(patientKeyPattern('t*:').pattern).toBe('t\\*:fs:{pt_*}');
  });
});
