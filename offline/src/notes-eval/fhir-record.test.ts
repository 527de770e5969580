import { CODE_SYSTEMS, loadKnowledgeBase } from '@mediassist/shared/kb';
import { describe, expect, it } from 'vitest';
import {
  allergyRecordsOf,
  conditionRecordOf,
  medicationRecordsOf,
  noteRecordOf,
  patientBirthDateOf,
  observationRecordsOf,
  recordTime,
  referencedId,
} from './fhir-record.js';
import { createKbCodes } from './kb-codes.js';

const kb = loadKnowledgeBase();
const codes = createKbCodes(kb);
const subject = { reference: 'Patient/p1' };
const encounter = { reference: 'urn:uuid:e1' };
const loinc = (code: string) => ({ coding: [{ system: CODE_SYSTEMS.loinc, code }] });

describe('FHIR resources → evaluation records', () => {
  it("reads a Patient's id and birth date, nothing when it has none", () => {
    expect(
      patientBirthDateOf({ resourceType: 'Patient', id: 'p1', birthDate: '2021-06-30', name: [] }),
    ).toEqual({ patient: 'p1', birthDate: '2021-06-30' });
    expect(patientBirthDateOf({ resourceType: 'Patient', id: 'p2' })).toBeUndefined();
  });

  it('reads references and times (own calendar day, instant)', () => {
    expect(referencedId({ reference: 'Patient/abc' })).toBe('abc');
    expect(referencedId({ reference: 'urn:uuid:abc' })).toBe('abc');
    expect(recordTime('1990-02-18T19:03:16-05:00')).toEqual({
      day: '1990-02-18',
      ms: Date.parse('1990-02-19T00:03:16Z'),
    });
    expect(recordTime('soon')).toBeUndefined();
  });

  it('decodes a DocumentReference note, dated by the end of its visit', () => {
    const note = noteRecordOf({
      resourceType: 'DocumentReference',
      id: 'd1',
      subject,
      date: '2020-01-01T10:00:00Z',
      context: {
        encounter: [encounter],
        period: { start: '2020-01-01T10:00:00Z', end: '2020-01-01T10:20:00Z' },
      },
      content: [
        {
          attachment: {
            contentType: 'text/plain',
            data: Buffer.from('CC: cough').toString('base64'),
          },
        },
      ],
    });
    expect(note).toEqual({
      id: 'd1',
      patient: 'p1',
      encounter: 'e1',
      at: { day: '2020-01-01', ms: Date.parse('2020-01-01T10:20:00Z') },
      text: 'CC: cough',
    });
    expect(noteRecordOf({ id: 'd2', subject, content: [] })).toBeUndefined();
  });

  it('reads finding Observations, blood-pressure components and smoking status as KB findings', () => {
    const fever = observationRecordsOf(
      {
        subject,
        encounter,
        code: { coding: [{ system: CODE_SYSTEMS.snomed, code: '386661006' }] },
        valueBoolean: false,
      },
      kb,
    );
    expect(fever).toEqual({
      kind: 'finding',
      patient: 'p1',
      record: { encounter: 'e1', findingId: 'fever', present: false },
    });
    const bp = observationRecordsOf(
      {
        subject,
        encounter,
        code: loinc('85354-9'),
        component: [
          { code: loinc('8480-6'), valueQuantity: { value: 151, code: 'mm[Hg]' } },
          { code: loinc('8462-4'), valueQuantity: { value: 94, code: 'mm[Hg]' } },
        ],
      },
      kb,
    );
    expect(bp).toMatchObject({
      kind: 'measurements',
      records: [
        { loinc: '8480-6', value: 151 },
        { loinc: '8462-4', value: 94 },
      ],
    });
    const smoking = (code: string) =>
      observationRecordsOf(
        {
          subject,
          encounter,
          code: loinc('72166-2'),
          valueCodeableConcept: { coding: [{ system: CODE_SYSTEMS.snomed, code }] },
        },
        kb,
      );
    expect(smoking('8517006')).toMatchObject({
      record: { findingId: 'former-smoker', present: true },
    });
    expect(smoking('266919005')).toMatchObject({
      record: { findingId: 'current-smoker', present: false },
    });
    expect(
      observationRecordsOf(
        {
          subject,
          code: { coding: [{ system: CODE_SYSTEMS.snomed, code: '1' }] },
          valueBoolean: true,
        },
        kb,
      ),
    ).toEqual({ kind: 'outside-kb', patient: 'p1' });
  });

  it('reads conditions with their category and end, prescriptions per ingredient, allergies by drug or name', () => {
    expect(
      conditionRecordOf(
        {
          subject,
          encounter,
          code: { coding: [{ system: CODE_SYSTEMS.icd10cm, code: 'I10' }] },
          category: [{ coding: [{ code: 'encounter-diagnosis' }] }],
          onsetDateTime: '2020-01-01',
          abatementDateTime: '2020-02-01',
        },
        codes,
      ),
    ).toEqual({
      patient: 'p1',
      record: {
        encounter: 'e1',
        conditionId: 'hypertension',
        category: 'encounter-diagnosis',
        at: { day: '2020-01-01', ms: Date.parse('2020-01-01') },
        ended: true,
      },
    });
    const combo = medicationRecordsOf(
      {
        status: 'active',
        subject,
        medicationCodeableConcept: { coding: [{ system: CODE_SYSTEMS.rxnorm, code: '197885' }] },
        authoredOn: '2020-01-01',
      },
      codes,
    );
    expect(combo?.records.map((r) => r.rxcui).sort()).toEqual(
      [kb.drugByName('hydrochlorothiazide')?.rxcui, '29046'].sort(),
    );
    const allergy = (coding: { system: string; code: string; display: string }) =>
      allergyRecordsOf(
        { patient: subject, code: { coding: [coding] }, recordedDate: '2001-01-01' },
        codes,
      )?.records.map((r) => r.key);
    expect(allergy({ system: CODE_SYSTEMS.rxnorm, code: '29046', display: 'Lisinopril' })).toEqual([
      'rxcui:29046',
    ]);
    expect(
      allergy({ system: CODE_SYSTEMS.snomed, code: '227493005', display: 'Tree nut (substance)' }),
    ).toEqual(['name:tree nut']);
  });
});
