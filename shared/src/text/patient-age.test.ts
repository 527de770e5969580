import { describe, expect, it } from 'vitest';
import { readStatedAge } from './patient-age.js';

const years = (text: string): number | undefined => readStatedAge(text)?.years;

describe('readStatedAge', () => {
  it('reads years, months, weeks and the common abbreviations', () => {
    expect(years('4-year-old girl with cough')).toBe(4);
    expect(years('CC: fever in an 18 month old')).toBe(1.5);
    expect(years('6 wk old, feeding poorly')).toBeCloseTo((6 * 7) / 365.25, 6);
    expect(years('45 yo M, SOB')).toBe(45);
    expect(years('Age: 2 years. Weight 12 kg')).toBe(2);
    expect(years('aged 7, seen with mum')).toBe(7);
  });

  it('quotes the statement it used, and takes the first one', () => {
    const text = 'Seen today. 3-year-old boy; brother is a 10-year-old.';
    expect(readStatedAge(text)).toEqual({
      years: 3,
      span: { start: 12, end: 22 },
      text: '3-year-old',
    });
  });

  it('skips ages of relatives and gestational age, and finds nothing when none is stated', () => {
    expect(years('Mother aged 34 brings her. HR 130')).toBeUndefined();
    expect(years('Brought in by his 35-year-old father')).toBeUndefined();
    expect(years('Born at gestational age 38 weeks')).toBeUndefined();
    expect(years('CC: cough for 3 days')).toBeUndefined();
  });
});
