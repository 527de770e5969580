import { describe, expect, it } from 'vitest';
import { canonicalSystem, isCodeShaped, normalizeIcd10 } from './code-systems.js';

describe('code systems', () => {
  it('maps OIDs and trailing slashes to the canonical URIs', () => {
    expect(canonicalSystem('urn:oid:2.16.840.1.113883.6.96')).toBe('http://snomed.info/sct');
    expect(canonicalSystem('http://loinc.org/')).toBe('http://loinc.org');
    expect(canonicalSystem('urn:oid:2.16.840.1.113883.6.88')).toBe(
      'http://www.nlm.nih.gov/research/umls/rxnorm',
    );
    expect(canonicalSystem('http://example.org/local-codes')).toBe(
      'http://example.org/local-codes',
    );
  });

  it('rejects systems that are not URIs', () => {
    expect(canonicalSystem('SNOMED CT')).toBeUndefined();
    expect(canonicalSystem('')).toBeUndefined();
    expect(canonicalSystem(null)).toBeUndefined();
  });

  it('accepts code-shaped codes and rejects free text', () => {
    for (const code of ['386661006', '8480-6', 'J06.9', 'C0085639', 'current-smoker', '3074F']) {
      expect(isCodeShaped(code)).toBe(true);
    }
    for (const code of ['John Smith', '', ' 123', 'x'.repeat(65), 'tel:555 0100']) {
      expect(isCodeShaped(code)).toBe(false);
    }
  });

  it('normalises ICD-10 codes to their dotted form', () => {
    expect(normalizeIcd10('J069')).toBe('J06.9');
    expect(normalizeIcd10('e11.65')).toBe('E11.65');
    expect(normalizeIcd10('I10')).toBe('I10');
    expect(normalizeIcd10('12345')).toBeUndefined();
  });
});
