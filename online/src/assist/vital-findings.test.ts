import { describe, expect, it } from 'vitest';
import { shippedKb } from './testing/assist-fixture.js';
import { createVitalFindings } from './vital-findings.js';

const vitalFindings = createVitalFindings(shippedKb().kb.findings);

describe('createVitalFindings', () => {
  it('marks threshold findings present or absent from a measurement', () => {
    const r = vitalFindings([{ loinc: '8867-4', value: 112, unit: '/min' }]);
    expect(r.present).toEqual(['tachycardia']);
    expect(r.absent).toEqual(['bradycardia']);
    expect(r.unresolved).toEqual([]);
  });

  it("uses children's cut-offs at the patient's age (HR 130 at 3 years is not tachycardia)", () => {
    const vitals = [
      { loinc: '8867-4', value: 130, unit: '/min' },
      { loinc: '9279-1', value: 30, unit: '/min' },
    ];
    const child = vitalFindings(vitals, 3);
    expect(child.present).toEqual([]);
    expect(child.absent).toEqual(expect.arrayContaining(['tachycardia', 'tachypnoea']));
    // An infant's lower limit: HR 90 at 6 months is bradycardia (< 100 under 2 years), not at 30.
    expect(vitalFindings([{ loinc: '8867-4', value: 90, unit: '/min' }], 0.5).present).toEqual([
      'bradycardia',
    ]);
    expect(vitalFindings([{ loinc: '8867-4', value: 90, unit: '/min' }], 30).present).toEqual([]);
    // At 3 years HR 145 is above the under-5 cut-off (140).
    expect(vitalFindings([{ loinc: '8867-4', value: 145, unit: '/min' }], 3).present).toEqual([
      'tachycardia',
    ]);
  });

  it('uses the adult cut-offs when the age is unknown, and from 12 years', () => {
    const vitals = [
      { loinc: '8867-4', value: 130, unit: '/min' },
      { loinc: '9279-1', value: 30, unit: '/min' },
    ];
    expect(vitalFindings(vitals).present).toEqual(['tachycardia', 'tachypnoea']);
    expect(vitalFindings(vitals, undefined).present).toEqual(['tachycardia', 'tachypnoea']);
    expect(vitalFindings(vitals, 12).present).toEqual(['tachycardia', 'tachypnoea']);
  });

  it('converts Fahrenheit, and reads SpO2 by pulse oximetry as oxygen saturation', () => {
    expect(vitalFindings([{ loinc: '8310-5', value: 100.9, unit: '[degF]' }]).present).toEqual([
      'fever',
    ]);
    expect(vitalFindings([{ loinc: '59408-5', value: 91, unit: '%' }]).present).toEqual([
      'hypoxia',
    ]);
  });

  it('treats the threshold itself by its comparator (>= 140 systolic is elevated)', () => {
    const r = vitalFindings([{ loinc: '8480-6', value: 140, unit: 'mm[Hg]' }]);
    expect(r.present).toContain('elevated-blood-pressure');
    expect(r.absent).toEqual(
      expect.arrayContaining(['hypotension', 'severely-elevated-blood-pressure']),
    );
  });

  it('reports measurements it cannot use instead of guessing', () => {
    const r = vitalFindings([
      { loinc: '29463-7', value: 80, unit: 'kg' },
      { loinc: '8310-5', value: 310, unit: 'K' },
    ]);
    expect(r.present).toEqual([]);
    expect(r.unresolved).toEqual([
      { path: 'vitals.0', issue: 'no_threshold_finding' },
      { path: 'vitals.1', issue: 'unit_not_comparable' },
    ]);
  });
});
