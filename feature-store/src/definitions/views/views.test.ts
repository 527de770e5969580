import { describe, expect, it } from 'vitest';
import { samplePatientFeatures } from '../../testing/sample-features.js';
import { featureRegistry, type PatientFeatureViewName } from '../registry.js';

function accepts(name: PatientFeatureViewName, value: unknown): boolean {
  return featureRegistry.get(name).value.schema.safeParse(value).success;
}

const sample = samplePatientFeatures();

describe('view schemas', () => {
  it('rejects fields outside the schema, so nothing unplanned (such as a name) is ever stored', () => {
    expect(accepts('demographics', { ...sample.demographics, name: 'Jane Doe' })).toBe(false);
    expect(accepts('demographics', { ...sample.demographics, birthDate: '1956-03-02' })).toBe(
      false,
    );
  });

  it('demographics: birth year within range, sex from the allowed set', () => {
    expect(accepts('demographics', { birthYear: 1899, sex: 'female' })).toBe(false);
    expect(accepts('demographics', { birthYear: 1980, sex: 'F' })).toBe(false);
    expect(accepts('demographics', { birthYear: 1980, sex: 'unknown' })).toBe(true);
  });

  it('condition_history: ICD-10-CM codes with their dot, kebab-case KB ids, no duplicates', () => {
    const ok = sample.condition_history;
    expect(accepts('condition_history', { ...ok, icd10: ['i10'] })).toBe(false);
    expect(accepts('condition_history', { ...ok, icd10: ['E119'] })).toBe(false);
    expect(accepts('condition_history', { ...ok, icd10: ['E11.9', 'E11.9'] })).toBe(false);
    expect(accepts('condition_history', { ...ok, icd10: ['E11', 'E11.65'] })).toBe(true);
    expect(accepts('condition_history', { ...ok, chronic: ['Type 2 diabetes'] })).toBe(false);
  });

  it('medication_list: numeric RxCUIs only', () => {
    expect(accepts('medication_list', { activeRxcuis: ['lisinopril'] })).toBe(false);
    expect(accepts('medication_list', { activeRxcuis: [] })).toBe(true);
  });

  it('recent_findings: a non-negative visit count and an ISO date or null', () => {
    const ok = sample.recent_findings;
    expect(accepts('recent_findings', { ...ok, visits90d: -1 })).toBe(false);
    expect(accepts('recent_findings', { ...ok, lastVisitAt: '01/10/2026' })).toBe(false);
    expect(accepts('recent_findings', { ...ok, lastVisitAt: null })).toBe(true);
  });

  it('vitals_labs: LOINC keys with a finite value, a unit and a date', () => {
    const at = '2026-10-01';
    expect(accepts('vitals_labs', { values: { '8480': { value: 1, unit: 'x', at } } })).toBe(false);
    expect(
      accepts('vitals_labs', { values: { '8480-6': { value: Infinity, unit: 'x', at } } }),
    ).toBe(false);
    expect(
      accepts('vitals_labs', {
        values: { '8480-6': { value: 120, unit: 'mm[Hg]', at: '2026-10-01T09:30:00+02:00' } },
      }),
    ).toBe(true);
  });

  it('recent_tests and care_gaps: KB ids with ISO dates', () => {
    expect(accepts('recent_tests', { lastDone: { hba1c: '2026-13-01' } })).toBe(false);
    expect(accepts('care_gaps', { open: [{ serviceId: 'flu-vaccine', dueSince: null }] })).toBe(
      true,
    );
    expect(
      accepts('care_gaps', {
        open: [
          { serviceId: 'flu-vaccine', dueSince: null },
          { serviceId: 'flu-vaccine', dueSince: '2026-01-01' },
        ],
      }),
    ).toBe(false);
  });

  it('medication_alerts: each alert names exactly two RxCUIs', () => {
    const alert = { interactionId: 'a-b', severity: 'major' };
    expect(accepts('medication_alerts', { alerts: [{ ...alert, rxcuis: ['1'] }] })).toBe(false);
    expect(accepts('medication_alerts', { alerts: [{ ...alert, rxcuis: ['1', '2', '3'] }] })).toBe(
      false,
    );
    expect(accepts('medication_alerts', { alerts: [{ ...alert, rxcuis: ['1', '2'] }] })).toBe(true);
  });

  it('patient_embedding: a Float32Array of the declared dimension, not a plain array', () => {
    expect(accepts('patient_embedding', new Float32Array(32))).toBe(true);
    expect(accepts('patient_embedding', new Float32Array(31))).toBe(false);
    expect(
      accepts(
        'patient_embedding',
        Array.from({ length: 32 }, () => 0),
      ),
    ).toBe(false);
  });
});
