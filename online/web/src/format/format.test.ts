import { describe, expect, it } from 'vitest';
import {
  fallbackReasonText,
  formatAge,
  formatPercent,
  listText,
  patientLabel,
  shortPseudonym,
  viewLabel,
} from './format.js';

describe('format', () => {
  it('says how old a value is in the largest sensible unit', () => {
    expect(formatAge(42_000)).toBe('42 s');
    expect(formatAge(12 * 60_000)).toBe('12 min');
    expect(formatAge(5 * 3_600_000)).toBe('5 h');
    expect(formatAge(86_400_000)).toBe('1 day');
    expect(formatAge(6.2 * 86_400_000)).toBe('6 days');
  });

  it('never shows a small probability as zero', () => {
    expect(formatPercent(0.004)).toBe('<1%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(0.426)).toBe('43%');
  });

  it('labels patients, views and fallbacks in plain words', () => {
    expect(patientLabel(67, 'female')).toBe('Female, 67');
    expect(patientLabel(null, null)).toBe('Sex unknown, age unknown');
    expect(shortPseudonym(`pt_${'1'.repeat(32)}`)).toBe('pt_11111111…');
    expect(viewLabel('medication_list')).toBe('Medications');
    expect(viewLabel('vitals_labs')).toBe('vitals labs');
    expect(fallbackReasonText('model-absent')).toBe('no diagnosis model is deployed');
    expect(listText(['a', 'b', 'c'])).toBe('a, b and c');
    expect(listText(['a'])).toBe('a');
  });
});
