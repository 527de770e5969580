import { loadKnowledgeBase } from '@mediassist/shared/kb';
import { describe, expect, it } from 'vitest';
import { emptyPatientRecord, type NoteRecord, type PatientRecord } from './clinical-record.js';
import { noteTruth } from './note-truth.js';

const kb = loadKnowledgeBase();
const note: NoteRecord = {
  id: 'n1',
  patient: 'p1',
  encounter: 'e2',
  at: { day: '2024-05-10', ms: Date.parse('2024-05-10T10:30:00Z') },
  text: 'irrelevant here',
};

function record(): PatientRecord {
  return {
    ...emptyPatientRecord(),
    findings: [
      { encounter: 'e2', findingId: 'cough', present: true },
      { encounter: 'e2', findingId: 'chest-pain', present: false },
      // Paediatric limits: the encounter documents no tachycardia at a rate adults would call one.
      { encounter: 'e2', findingId: 'tachycardia', present: false },
      { encounter: 'e1', findingId: 'rash', present: true },
    ],
    measurements: [
      { encounter: 'e2', loinc: '8310-5', value: 38.6, unit: 'Cel' },
      { encounter: 'e2', loinc: '8867-4', value: 120, unit: '/min' },
      { encounter: 'e2', loinc: '4548-4', value: 7.1, unit: '%' },
      { encounter: 'e1', loinc: '2708-6', value: 88, unit: '%' },
    ],
    conditions: [
      {
        encounter: 'e2',
        conditionId: 'hypertension',
        category: 'encounter-diagnosis',
        at: { day: '2024-05-10' },
        ended: false,
      },
      {
        encounter: 'e1',
        conditionId: 'asthma',
        category: 'problem-list-item',
        at: { day: '2020-01-01' },
        ended: false,
      },
      {
        encounter: 'e1',
        conditionId: 'acute-sinusitis',
        category: 'encounter-diagnosis',
        at: { day: '2019-01-01' },
        ended: true,
      },
      {
        encounter: 'e3',
        conditionId: 'gout',
        category: 'encounter-diagnosis',
        at: { day: '2025-01-01' },
        ended: true,
      },
    ],
    medications: [
      { encounter: 'e2', rxcui: 'new', status: 'active', authored: { day: '2024-05-10' } },
      { encounter: 'e1', rxcui: 'chronic', status: 'active', authored: { day: '2021-03-01' } },
      { encounter: 'e1', rxcui: 'finished', status: 'completed', authored: { day: '2021-03-01' } },
      { encounter: 'e3', rxcui: 'later', status: 'active', authored: { day: '2025-01-01' } },
    ],
    allergies: [
      { key: 'rxcui:723', recorded: { day: '2001-01-01' } },
      { key: 'name:mold', recorded: { day: '2030-01-01' } },
    ],
  };
}

describe('noteTruth: generated notes', () => {
  const truth = noteTruth({ rule: 'generated', note, record: record(), kb });

  it("takes the encounter's findings and adds the vital-sign findings its vitals imply, words first", () => {
    expect([...(truth.findings?.present ?? [])].sort()).toEqual(['cough', 'fever']);
    expect(truth.findings?.absent).toEqual(
      new Set(['chest-pain', 'tachycardia', 'hypothermia', 'bradycardia']),
    );
    // Labs are not implied (the extractor reads vitals, not results); other encounters do not count.
    expect(truth.findings?.present.has('raised-hba1c')).toBe(false);
    expect(truth.documentedFindings).toEqual({
      present: new Set(['cough']),
      absent: new Set(['chest-pain', 'tachycardia']),
    });
  });

  it("takes the encounter's diagnoses, its prescriptions plus active ones started earlier, and all allergies", () => {
    expect(truth.conditions).toEqual(new Set(['hypertension']));
    expect(truth.medications).toEqual(new Set(['new', 'chronic']));
    expect(truth.allergies).toEqual(new Set(['rxcui:723', 'name:mold']));
  });
});

describe("noteTruth: vital signs judged at the patient's age", () => {
  const vitals: PatientRecord = {
    ...emptyPatientRecord(),
    measurements: [
      { encounter: 'e2', loinc: '8867-4', value: 130, unit: '/min' },
      { encounter: 'e2', loinc: '9279-1', value: 30, unit: '/min' },
    ],
  };
  const truthAt = (ageYears: number | undefined) =>
    noteTruth({ rule: 'generated', note: { ...note, ageYears }, record: vitals, kb }).findings;

  it("reads a 3-year-old's heart rate 130 and breathing rate 30 against children's cut-offs (140, 40): neither raised", () => {
    const truth = truthAt(3);
    expect(truth?.present).toEqual(new Set());
    expect(truth?.absent).toEqual(new Set(['tachycardia', 'bradycardia', 'tachypnoea']));
  });

  it('reads the same values at 30, or with no age, against adult cut-offs (100, 20): both raised', () => {
    for (const age of [30, undefined]) {
      expect(truthAt(age)?.present).toEqual(new Set(['tachycardia', 'tachypnoea']));
    }
  });

  it('calls a heart rate of 90 bradycardia from 3 months to 2 years (PALS < 100), not under 3 months (< 85) nor in an adult (< 50)', () => {
    const infant: PatientRecord = {
      ...emptyPatientRecord(),
      measurements: [{ encounter: 'e2', loinc: '8867-4', value: 90, unit: '/min' }],
    };
    const at = (ageYears: number) =>
      noteTruth({ rule: 'generated', note: { ...note, ageYears }, record: infant, kb }).findings;
    expect(at(0.1)?.present.has('bradycardia')).toBe(false);
    expect(at(0.5)?.present.has('bradycardia')).toBe(true);
    expect(at(40)?.present.has('bradycardia')).toBe(false);
  });
});

describe('noteTruth: Synthea notes', () => {
  const truth = noteTruth({ rule: 'synthea', note, record: record(), kb });

  it('has no finding truth and takes what was coded as of the note', () => {
    expect(truth.findings).toBeUndefined();
    // Synthea's "history of" line lists past (ended) conditions.
    expect(truth.conditions).toEqual(new Set(['acute-sinusitis']));
    expect(truth.medications).toEqual(new Set(['new', 'chronic', 'finished']));
    expect(truth.allergies).toEqual(new Set(['rxcui:723']));
  });
});
