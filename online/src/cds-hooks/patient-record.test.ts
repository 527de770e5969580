import { describe, expect, it } from 'vitest';
import { createPatientRecordReader } from './patient-record.js';
import { shippedKb } from './testing/cds-test-app.js';
import {
  condition,
  DRUGS,
  medicationRequest,
  observation,
  patient,
  procedure,
  searchset,
} from './testing/fhir-fixture.js';

const reader = createPatientRecordReader({ kb: shippedKb() });
const NOW = new Date('2026-11-22T10:00:00Z');

describe('createPatientRecordReader', () => {
  it('computes age at today (birthday not yet reached) and keeps only female/male as sex', () => {
    expect(
      reader.demographics(patient({ gender: 'female', birthDate: '1961-12-01' }), NOW),
    ).toEqual({
      age: 64,
      sex: 'female',
    });
    expect(reader.demographics(patient({ gender: 'unknown', birthDate: '1961' }), NOW)).toEqual({
      age: 65,
      sex: null,
    });
    expect(reader.demographics(null, NOW)).toEqual({ age: null, sex: null });
  });

  it('maps active conditions by ICD-10-CM or SNOMED CT, skipping resolved and refuted ones', () => {
    const refuted = {
      ...condition({ icd10: 'J45.909' }),
      verificationStatus: { coding: [{ code: 'refuted' }] },
    };
    const list = searchset([
      condition({ icd10: 'E11.65' }),
      condition({ snomed: '59621000' }),
      condition({ icd10: 'J18.9', status: 'resolved' }),
      refuted,
      condition({ snomed: '77176002' }),
    ]);
    expect(reader.conditions(list)).toEqual({
      conditions: ['hypertension', 'type-2-diabetes'],
      historyFindings: ['current-smoker'],
    });
  });

  it('records the latest day each KB test was done, from results, procedures and immunizations', () => {
    const history = reader.tests({
      observations: searchset([
        observation({ loinc: '4548-4', value: 7, unit: '%', date: '2025-01-10' }),
        observation({ loinc: '4548-4', value: 6.8, unit: '%', date: '2026-03-05T08:00:00Z' }),
        {
          ...observation({ loinc: '72166-2', date: '2026-01-01', category: 'social-history' }),
          valueCodeableConcept: {
            coding: [{ system: 'http://snomed.info/sct', code: '77176002' }],
          },
        },
      ]),
      procedures: searchset([
        procedure({ system: 'http://www.ama-assn.org/go/cpt', code: '77067', date: '2025-06-01' }),
        {
          ...procedure({
            system: 'http://www.ama-assn.org/go/cpt',
            code: '45378',
            date: '2025-06-01',
          }),
          status: 'not-done',
        },
      ]),
      immunizations: searchset([
        {
          resourceType: 'Immunization',
          status: 'completed',
          vaccineCode: { coding: [{ system: 'http://hl7.org/fhir/sid/cvx', code: '88' }] },
          occurrenceDateTime: '2025-10-15',
        },
      ]),
    });
    expect(history).toEqual({
      lastDone: {
        hba1c: '2026-03-05',
        mammography: '2025-06-01',
        'influenza-vaccine': '2025-10-15',
        // The smoking-status observation (LOINC 72166-2) is itself a tobacco-use assessment.
        'tobacco-use-assessment': '2026-01-01',
      },
      historyFindings: ['current-smoker'],
    });
  });

  it('names active medications by a KB RxNorm code, else any RxNorm code, else the drug name', () => {
    const byReference = {
      resourceType: 'MedicationRequest',
      status: 'active',
      medicationReference: { reference: 'Medication/m1' },
    };
    const medication = {
      resourceType: 'Medication',
      id: 'm1',
      code: { coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '29046' }] },
    };
    const list = searchset([
      medicationRequest(DRUGS.warfarin),
      medicationRequest({ id: 'x', rxcui: '99999999', display: 'Unknown drug' }),
      medicationRequest({ id: 'y', display: 'Zocor 20 mg' }),
      medicationRequest({ ...DRUGS.ibuprofen, status: 'stopped' }),
      { resourceType: 'MedicationRequest', status: 'active', medicationCodeableConcept: {} },
      byReference,
      medication,
    ]);
    expect(reader.activeMedications(list)).toEqual({
      refs: ['855332', '99999999', 'Zocor 20 mg', '29046'],
      unnamed: 1,
    });
  });
});
