/**
 * A structured note for tests: findings (repeated, negated, possible, family), conditions, vitals with
 * the cut-offs they were read against, medications, plan. Its `kbVersion` is the shipped KB's
 * (`sample-summary.test.ts` checks it).
 */
import { SummarizeSummaryResponseSchema } from '@mediassist/shared/api';
import type { ClinicalSummary } from '../summary-types.js';

const span = (start: number, text: string) => ({ span: { start, end: start + text.length }, text });
const mention = { experiencer: 'patient', section: 'hpi', match: 'exact' } as const;

export const SUMMARY: ClinicalSummary = SummarizeSummaryResponseSchema.parse({
  kbVersion: '0.5.1',
  textLength: 200,
  dialogue: false,
  chiefComplaint: null,
  findings: [
    {
      findingId: 'fever',
      display: 'Fever',
      code: { system: 'http://snomed.info/sct', code: '1' },
      assertion: 'present',
      ...mention,
      ...span(0, 'fever'),
    },
    {
      findingId: 'chest-pain',
      display: 'Chest pain',
      code: { system: 'http://snomed.info/sct', code: '2' },
      assertion: 'absent',
      ...mention,
      ...span(10, 'chest pain'),
    },
    {
      findingId: 'cough',
      display: 'Cough',
      code: { system: 'http://snomed.info/sct', code: '3' },
      assertion: 'possible',
      ...mention,
      ...span(30, 'cough'),
    },
    {
      findingId: 'wheeze',
      display: 'Wheeze',
      code: { system: 'http://snomed.info/sct', code: '4' },
      assertion: 'present',
      ...mention,
      experiencer: 'family',
      ...span(40, 'wheeze'),
    },
    {
      findingId: 'fever',
      display: 'Fever',
      code: { system: 'http://snomed.info/sct', code: '1' },
      assertion: 'present',
      ...mention,
      match: 'measurement',
      ...span(80, 'T 38.4 C'),
    },
  ],
  conditions: [
    {
      conditionId: 'hypertension',
      display: 'Hypertension',
      icd10: 'I10',
      assertion: 'present',
      ...mention,
      section: 'pmh',
      ...span(50, 'hypertension'),
    },
    {
      conditionId: 'community-acquired-pneumonia',
      display: 'CAP',
      icd10: 'J18.9',
      assertion: 'present',
      ...mention,
      ...span(60, 'pneumonia'),
    },
  ],
  vitals: [
    {
      kind: 'blood-pressure',
      loinc: '85354-9',
      systolic: 138,
      diastolic: 84,
      unit: 'mm[Hg]',
      ...span(70, 'BP 138/84'),
    },
    { kind: 'temperature', loinc: '8310-5', value: 38.4, unit: 'Cel', ...span(80, 'T 38.4 C') },
  ],
  vitalCutOffs: {
    basis: 'adult',
    ageYears: 67,
    ageFrom: 'request',
    note: 'Vital-sign findings read against adult cut-offs.',
  },
  medications: [
    {
      rxcui: '723',
      name: 'amoxicillin',
      status: 'started',
      section: 'plan',
      ...span(90, 'amoxicillin'),
    },
    {
      rxcui: '5640',
      name: 'ibuprofen',
      status: 'stopped',
      section: 'plan',
      ...span(100, 'ibuprofen'),
    },
    {
      rxcui: '6809',
      name: 'metformin',
      status: 'current',
      section: 'medications',
      ...span(110, 'metformin'),
    },
  ],
  allergies: [],
  assessment: [
    {
      conditionId: 'community-acquired-pneumonia',
      display: 'CAP',
      icd10: 'J18.9',
      assertion: 'present',
      ...mention,
      section: 'assessment',
      ...span(120, 'pneumonia'),
    },
  ],
  plan: [
    {
      kind: 'test',
      testId: 'chest-x-ray',
      display: 'Chest X-ray',
      code: { system: 'http://snomed.info/sct', code: '5' },
      status: 'completed',
      ...span(130, 'CXR done'),
    },
    {
      kind: 'test',
      testId: 'crp',
      display: 'CRP',
      code: { system: 'http://snomed.info/sct', code: '6' },
      status: 'ordered',
      ...span(140, 'CRP'),
    },
  ],
  sections: [],
});
