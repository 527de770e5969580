import { describe, expect, it } from 'vitest';
import { ageAt } from './clinical-record.js';

describe('ageAt', () => {
  it('gives fractional years from a birth date to the note, by instant when the note has one', () => {
    expect(
      ageAt({
        birthDate: '2020-01-01',
        at: { day: '2024-01-01', ms: Date.parse('2024-01-01T00:00:00Z') },
      }),
    ).toBeCloseTo(4, 2);
    expect(ageAt({ birthDate: '2024-01-01', at: { day: '2024-04-01' } })).toBeCloseTo(
      91 / 365.25,
      6,
    );
  });

  it('is undefined for an unreadable birth date or a note before the birth', () => {
    expect(ageAt({ birthDate: '2020', at: { day: '2024-01-01' } })).toBeUndefined();
    expect(ageAt({ birthDate: '2025-01-01', at: { day: '2024-01-01' } })).toBeUndefined();
  });
});
