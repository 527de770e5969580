import { describe, expect, it } from 'vitest';
import { extractVitals } from './vitals.js';

describe('extractVitals', () => {
  it('reads a vitals line into LOINC-coded numbers with UCUM units and exact spans', () => {
    const text =
      'Vitals: BP 142/91 mmHg, HR 104, T 38.6 °C, RR 18, SpO2 94% on RA, Wt 80 kg, BMI 27.4';
    const vitals = extractVitals(text);
    expect(
      vitals.map((v) =>
        v.kind === 'blood-pressure'
          ? [v.loinc, v.systolic, v.diastolic]
          : [v.loinc, v.value, v.unit],
      ),
    ).toEqual([
      ['85354-9', 142, 91],
      ['8867-4', 104, '/min'],
      ['8310-5', 38.6, 'Cel'],
      ['9279-1', 18, '/min'],
      ['59408-5', 94, '%'],
      ['29463-7', 80, 'kg'],
      ['39156-5', 27.4, 'kg/m2'],
    ]);
    for (const v of vitals) {
      expect(text.slice(v.span.start, v.span.end)).toBe(v.text);
    }
  });

  it('converts Fahrenheit to Celsius, with or without the unit written', () => {
    const [withUnit] = extractVitals('Temp 101.2 F');
    expect(withUnit).toMatchObject({
      kind: 'temperature',
      value: 38.4,
      unit: 'Cel',
      original: { value: 101.2, unit: '[degF]' },
    });
    const [inferred] = extractVitals('febrile to 102.5');
    expect(inferred).toMatchObject({ value: 39.2, unit: 'Cel' });
  });

  it('converts pounds and feet/inches', () => {
    const vitals = extractVitals('Weight: 176 lbs. Height 5\'10"');
    expect(vitals).toMatchObject([
      { kind: 'weight', value: 79.8, unit: 'kg' },
      { kind: 'height', value: 177.8, unit: 'cm' },
    ]);
  });

  it('does not read a criterion as a measurement', () => {
    expect(extractVitals('BMI 30 or more; HR 100+')).toEqual([]);
  });

  it('ignores implausible values and words that merely start like a label', () => {
    expect(extractVitals('BP 91/142. HR 900. at 38 weeks. t 12. Temp 12 C')).toEqual([]);
  });

  it('reads a pulse written `P 59`, but not a lower-case `p` nor the Plan header `P:`', () => {
    expect(extractVitals('Vital signs: BP 137/90, P 59, T 37.2 C')).toMatchObject([
      { kind: 'blood-pressure' },
      { kind: 'heart-rate', value: 59, text: 'P 59' },
      { kind: 'temperature', value: 37.2 },
    ]);
    expect(extractVitals('took p 59 tablets')).toEqual([]);
    expect(extractVitals('P: Continue lisinopril 10 mg daily.')).toEqual([]);
  });
});
