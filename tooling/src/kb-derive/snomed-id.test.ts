import { describe, expect, it } from 'vitest';
import { hasValidVerhoeff, isValidConceptId } from './snomed-id.js';

describe('isValidConceptId', () => {
  it('accepts well-known concept ids, including extension-namespace ones', () => {
    for (const id of ['386661006', '25064002', '77176002', '8517006', '119971000119104']) {
      expect(isValidConceptId(id)).toBe(true);
    }
  });

  it('rejects a mistyped check digit and a dropped digit', () => {
    expect(isValidConceptId('85848008')).toBe(false);
    expect(isValidConceptId('85848002')).toBe(true);
    expect(isValidConceptId('16205300')).toBe(false);
  });

  it('rejects description and relationship partitions, short ids and non-digits', () => {
    const checked = (base: string): string =>
      Array.from({ length: 10 }, (_, d) => `${base}${String(d)}`).find(hasValidVerhoeff) ?? base;
    const description = checked('12345601');
    expect(hasValidVerhoeff(description)).toBe(true);
    expect(isValidConceptId(description)).toBe(false);
    expect(isValidConceptId(checked('12345602'))).toBe(false);
    expect(isValidConceptId('12345')).toBe(false);
    expect(isValidConceptId('C0015967')).toBe(false);
  });
});

describe('hasValidVerhoeff', () => {
  it('matches the published Verhoeff example (236 → 2363)', () => {
    expect(hasValidVerhoeff('2363')).toBe(true);
    expect(hasValidVerhoeff('2364')).toBe(false);
  });
});
