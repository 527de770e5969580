/**
 * Review fixes on the shipped knowledge base (KB 0.5.0): children's vital-sign cut-offs, "high
 * cholesterol" as a condition, epilepsy codes.
 */
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../kb/index.js';
import { createTextExtractor } from './text-extractor.js';

const kb = loadKnowledgeBase();
const extractor = createTextExtractor({ kb });
const measured = (text: string, ageYears?: number): Record<string, string> =>
  Object.fromEntries(
    extractor
      .summarize(text, ageYears === undefined ? {} : { ageYears })
      .findings.filter((f) => f.match === 'measurement')
      .map((f) => [f.findingId, f.assertion]),
  );

describe('children’s vital-sign cut-offs', () => {
  it('does not call a 2-year-old’s HR 130 and RR 32 tachycardia or tachypnoea (NICE NG143)', () => {
    expect(measured('2-year-old. Vitals: HR 130, RR 32')).toMatchObject({
      tachycardia: 'absent',
      tachypnoea: 'absent',
    });
    expect(measured('Vitals: HR 130, RR 32', 2)).toMatchObject({
      tachycardia: 'absent',
      tachypnoea: 'absent',
    });
    expect(measured('2-year-old. Vitals: HR 150, RR 45')).toMatchObject({
      tachycardia: 'present',
      tachypnoea: 'present',
    });
  });

  it('uses the infant bands: HR 165 and RR 55 at 8 months, HR 95 bradycardia at 1 year (PALS)', () => {
    expect(measured('8 month old. HR 165, RR 55')).toMatchObject({
      tachycardia: 'present',
      tachypnoea: 'present',
    });
    expect(measured('HR 95', 1)).toMatchObject({ bradycardia: 'present' });
    expect(measured('HR 95', 30)).toMatchObject({ bradycardia: 'absent' });
  });

  it('uses adult cut-offs from age 12 and says so', () => {
    const summary = extractor.summarize('HR 105, RR 22', { ageYears: 12 });
    expect(summary.vitalCutOffs).toMatchObject({
      basis: 'adult',
      ageYears: 12,
      ageFrom: 'request',
    });
    expect(measured('HR 105, RR 22', 12)).toMatchObject({
      tachycardia: 'present',
      tachypnoea: 'present',
    });
  });

  it('says in the summary when the age is unknown and adult cut-offs were used', () => {
    const summary = extractor.summarize('Vitals: HR 130, RR 32');
    expect(summary.vitalCutOffs).toMatchObject({
      basis: 'adult-age-unknown',
      ageYears: null,
      ageFrom: 'unknown',
    });
    expect(summary.vitalCutOffs?.note).toMatch(/^Age unknown/);
    expect(extractor.summarize('3-year-old').vitalCutOffs).toMatchObject({
      basis: 'age-specific',
      ageFrom: 'note',
      stated: { text: '3-year-old' },
    });
  });

  it('prefers the caller’s age to the note’s', () => {
    expect(extractor.summarize('3-year-old. HR 130', { ageYears: 30 }).vitalCutOffs).toMatchObject({
      basis: 'adult',
      ageFrom: 'request',
    });
  });

  it('has ascending bands with sources for the rate findings', () => {
    for (const id of ['tachycardia', 'tachypnoea', 'bradycardia']) {
      const bands = kb.finding(id)?.threshold?.byAge ?? [];
      expect(bands.length).toBeGreaterThan(0);
      expect(bands.at(-1)?.belowAgeYears).toBe(12);
    }
  });
});

describe('"high cholesterol"', () => {
  it('is the condition hyperlipidaemia (ICD-10-CM E78.00 inclusion term), not a raised-LDL lab finding', () => {
    for (const text of [
      'PMH: high cholesterol.',
      'He has high cholesterol.',
      'Raised cholesterol noted.',
    ]) {
      const summary = extractor.summarize(text);
      expect(summary.findings.map((f) => f.findingId)).not.toContain('raised-ldl');
      expect(summary.conditions.map((c) => c.conditionId)).toEqual(['hyperlipidaemia']);
    }
    expect(extractor.extractFindings('Results: raised LDL.').present).toEqual(['raised-ldl']);
  });
});
