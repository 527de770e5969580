import { CODE_SYSTEMS, loadKnowledgeBase } from '@mediassist/shared/kb';
import { describe, expect, it } from 'vitest';
import { lakeCorpusFromRows } from './lake-corpus.js';

const kb = loadKnowledgeBase();
const P = 'pt_00000000000000000000000000000001';

describe('lakeCorpusFromRows', () => {
  it('turns lake rows into notes and the coded facts of their patients, counting what the KB lacks', () => {
    const corpus = lakeCorpusFromRows(
      {
        notes: [
          {
            note_no: 1,
            patient_id: P,
            encounter_id: 'en_1',
            note_day: '2024-01-02',
            text: 'CC: cough',
            age_at_visit: 4,
          },
          { note_no: 2, patient_id: P, encounter_id: null, note_day: '2024-01-03', text: null },
        ],
        findings: [
          {
            patient_id: P,
            encounter_id: 'en_1',
            finding_id: 'cough',
            present: true,
            smoking_code: null,
          },
          {
            patient_id: P,
            encounter_id: 'en_1',
            finding_id: null,
            present: false,
            smoking_code: null,
          },
          {
            patient_id: P,
            encounter_id: 'en_1',
            finding_id: null,
            present: true,
            smoking_system: CODE_SYSTEMS.snomed,
            smoking_code: '266919005',
          },
          {
            patient_id: 'pt_other',
            encounter_id: 'en_9',
            finding_id: 'fever',
            present: true,
            smoking_code: null,
          },
        ],
        measurements: [
          { patient_id: P, encounter_id: 'en_1', loinc: '8310-5', value: 38.2, unit: 'Cel' },
        ],
        conditions: [
          {
            patient_id: P,
            encounter_id: 'en_1',
            condition_id: 'hypertension',
            category: 'encounter-diagnosis',
            day: '2024-01-02',
            ended: false,
          },
          {
            patient_id: P,
            encounter_id: 'en_1',
            condition_id: null,
            category: 'encounter-diagnosis',
            day: '2024-01-02',
            ended: false,
          },
        ],
        medications: [
          {
            patient_id: P,
            encounter_id: 'en_1',
            rxcui: '29046',
            status: 'active',
            day: '2024-01-02',
          },
          { patient_id: P, encounter_id: 'en_1', rxcui: null, status: 'active', day: '2024-01-02' },
        ],
        allergies: [
          {
            patient_id: P,
            rxcui: '723',
            code_system: CODE_SYSTEMS.rxnorm,
            code: '308182',
            day: '2001-01-01',
          },
          {
            patient_id: P,
            rxcui: null,
            code_system: CODE_SYSTEMS.snomed,
            code: '227493005',
            day: null,
          },
        ],
      },
      kb,
    );
    expect(corpus.notes).toEqual([
      {
        id: 'note-1',
        patient: P,
        encounter: 'en_1',
        at: { day: '2024-01-02' },
        text: 'CC: cough',
        ageYears: 4,
      },
    ]);
    expect(corpus.outsideKb).toEqual({ findings: 1, conditions: 1, medications: 1 });
    const record = corpus.patients.get(P);
    expect(record?.findings).toEqual([
      { encounter: 'en_1', findingId: 'cough', present: true },
      { encounter: 'en_1', findingId: 'current-smoker', present: false },
    ]);
    expect(record?.measurements).toEqual([
      { encounter: 'en_1', loinc: '8310-5', value: 38.2, unit: 'Cel' },
    ]);
    expect(record?.conditions).toEqual([
      {
        encounter: 'en_1',
        conditionId: 'hypertension',
        category: 'encounter-diagnosis',
        at: { day: '2024-01-02' },
        ended: false,
      },
    ]);
    expect(record?.medications).toEqual([
      { encounter: 'en_1', rxcui: '29046', status: 'active', authored: { day: '2024-01-02' } },
    ]);
    expect(record?.allergies.map((a) => a.key)).toEqual([
      'rxcui:723',
      `code:${CODE_SYSTEMS.snomed}|227493005`,
    ]);
    expect(corpus.patients.has('pt_other')).toBe(false);
  });
});
