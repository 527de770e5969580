import { describe, expect, it } from 'vitest';
import { formatAgeYears, vitalCutOffsView, type VitalCutOffs } from './vital-cut-offs.js';

describe('formatAgeYears', () => {
  it('says months under 2 years and whole years from 2', () => {
    expect(formatAgeYears(0.05)).toBe('0 months');
    expect(formatAgeYears(1 / 12)).toBe('1 month');
    expect(formatAgeYears(0.5)).toBe('6 months');
    expect(formatAgeYears(1.5)).toBe('18 months');
    expect(formatAgeYears(3.9)).toBe('3 years');
    expect(formatAgeYears(67)).toBe('67 years');
  });
});

describe('vitalCutOffsView', () => {
  const note = 'Service note.';

  it("names children's cut-offs with the age and where it came from", () => {
    const fromNote: VitalCutOffs = {
      basis: 'age-specific',
      ageYears: 4,
      ageFrom: 'note',
      stated: { span: { start: 5, end: 15 }, text: '4-year-old' },
      note,
    };
    expect(vitalCutOffsView(fromNote)).toEqual({
      title: 'Children’s vital-sign cut-offs, age 4 years',
      detail: 'Age as the note states it (“4-year-old”). Service note.',
      warn: false,
    });
    const fromRecord = vitalCutOffsView({ ...fromNote, ageYears: 0.5, ageFrom: 'request' });
    expect(fromRecord.title).toBe('Children’s vital-sign cut-offs, age 6 months');
    expect(fromRecord.detail).toBe('Age from the patient record. Service note.');
  });

  it('names adult cut-offs, and warns when only because the age is unknown', () => {
    expect(
      vitalCutOffsView({ basis: 'adult', ageYears: 67, ageFrom: 'request', note }),
    ).toMatchObject({ title: 'Adult vital-sign cut-offs, age 67 years', warn: false });
    expect(
      vitalCutOffsView({ basis: 'adult-age-unknown', ageYears: null, ageFrom: 'unknown', note }),
    ).toEqual({ title: 'Adult vital-sign cut-offs: age unknown', detail: note, warn: true });
  });
});
