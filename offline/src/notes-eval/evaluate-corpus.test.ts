import { loadKnowledgeBase } from '@mediassist/shared/kb';
import { createTextExtractor } from '@mediassist/shared/text';
import { describe, expect, it } from 'vitest';
import { emptyPatientRecord, type NoteCorpus } from './clinical-record.js';
import { evaluateCorpus } from './evaluate-corpus.js';
import { notePrediction } from './note-prediction.js';

const kb = loadKnowledgeBase();
const extractor = createTextExtractor({ kb });
const TEXT = [
  'CC: cough',
  'HPI: 40 y/o M with cough and fever. No chest pain. Mother has asthma.',
  'Meds: lisinopril 10 mg PO daily',
  'Allergies: amoxicillin (rash)',
  'Assessment: hypertension.',
  'Plan: Start azithromycin 500 mg PO daily.',
].join('\n');

describe('notePrediction', () => {
  it("keeps the patient's findings, the assessment's conditions and current or started medications", () => {
    const p = notePrediction(extractor.summarize(TEXT), 'generated');
    expect(p.findings.present).toEqual(new Set(['cough', 'fever']));
    expect(p.findings.absent).toEqual(new Set(['chest-pain']));
    expect(p.conditions).toEqual(new Set(['hypertension']));
    expect(p.medications).toEqual(new Set(['29046', kb.drugByName('azithromycin')?.rxcui]));
    expect(p.allergies).toEqual(new Set([`rxcui:${kb.drugByName('amoxicillin')?.rxcui ?? ''}`]));
  });
});

describe('evaluateCorpus', () => {
  it('scores every kind with exact counts, negation accuracy and the errors by code', () => {
    const record = emptyPatientRecord();
    record.findings.push(
      { encounter: 'e1', findingId: 'cough', present: true },
      { encounter: 'e1', findingId: 'chest-pain', present: true }, // the note denies it: wrong status
      { encounter: 'e1', findingId: 'headache', present: false }, // not in the note: a miss
    );
    record.conditions.push({
      encounter: 'e1',
      conditionId: 'hypertension',
      category: 'encounter-diagnosis',
      at: undefined,
      ended: false,
    });
    record.medications.push({
      encounter: 'e1',
      rxcui: '29046',
      status: 'active',
      authored: undefined,
    });
    const corpus: NoteCorpus = {
      notes: [{ id: 'n1', patient: 'p1', encounter: 'e1', at: { day: '2024-01-01' }, text: TEXT }],
      patients: new Map([['p1', record]]),
      outsideKb: { findings: 0, conditions: 0, medications: 0 },
    };
    const r = evaluateCorpus({ corpus, rule: 'generated', extractor, kb });
    expect(r.findings?.present).toMatchObject({ tp: 1, fp: 1, fn: 1 }); // cough; fever; chest-pain
    expect(r.findings?.absent).toMatchObject({ tp: 0, fp: 1, fn: 1 }); // chest-pain; headache
    expect(r.findings?.combined).toMatchObject({ tp: 1, fp: 2, fn: 2 });
    expect(r.findings?.found).toBe(2);
    expect(r.findings?.negationAccuracy).toBe(0.5);
    expect(r.conditions).toMatchObject({ tp: 1, fp: 0, fn: 0, f1: 1 });
    expect(r.medications).toMatchObject({ tp: 1, fp: 1, fn: 0 });
    expect(r.errors.medications.falsePositives).toEqual([['azithromycin (18631)', 1]]);
    expect(r.errors.findings.falseNegatives).toEqual([
      ['chest-pain (present)', 1],
      ['headache (absent)', 1],
    ]);
    expect(r.notes).toBe(1);
    expect(r.patients).toBe(1);
  });

  it("passes the patient's age to the extractor and also scores the findings without it", () => {
    // A transcript states no age: the 3-year-old's heart rate 130 is tachycardia only against adult cut-offs.
    const text =
      'Doctor: What brings you in?\nPatient: He has a cough.\nDoctor: Heart rate is 130.';
    const record = emptyPatientRecord();
    record.findings.push({ encounter: 'e1', findingId: 'cough', present: true });
    record.measurements.push({ encounter: 'e1', loinc: '8867-4', value: 130, unit: '/min' });
    const corpus: NoteCorpus = {
      notes: [
        { id: 'n1', patient: 'p1', encounter: 'e1', at: { day: '2024-01-01' }, text, ageYears: 3 },
      ],
      patients: new Map([['p1', record]]),
      outsideKb: { findings: 0, conditions: 0, medications: 0 },
    };
    const r = evaluateCorpus({ corpus, rule: 'generated', extractor, kb });
    expect(r.findings?.combined).toMatchObject({ tp: 3, fp: 0, fn: 0 }); // cough; no tachy-, bradycardia
    expect(r.findingsAgeNotPassed?.present).toMatchObject({ fp: 1 }); // tachycardia
    expect(r.findingsAgeNotPassed?.absent).toMatchObject({ fn: 1 });
    expect(r.errors.findings.falsePositives).toEqual([]);
  });

  it('has no finding scores for a source without finding truth', () => {
    const corpus: NoteCorpus = {
      notes: [
        { id: 'n1', patient: 'p1', encounter: undefined, at: { day: '2024-01-01' }, text: TEXT },
      ],
      patients: new Map(),
      outsideKb: { findings: 0, conditions: 0, medications: 0 },
    };
    const r = evaluateCorpus({ corpus, rule: 'synthea', extractor, kb });
    expect(r.findings).toBeUndefined();
    expect(r.conditions).toMatchObject({ tp: 0, fp: 1, fn: 0, precision: 0, recall: null });
  });
});
