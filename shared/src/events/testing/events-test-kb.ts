/** A small, valid knowledge base for event tests (real codes; synthetic priors). */
import { buildKnowledgeBase, type KbFiles, type KnowledgeBase } from '../../kb/index.js';

const band = (v: number) => ({ '0-4': v, '5-17': v, '18-39': v, '40-64': v, '65+': v });
const prior = (v: number) => ({ female: band(v), male: band(v) });
const SNOMED = 'http://snomed.info/sct';
const sources = ['test-source'];

export const EVENTS_TEST_KB_FILES: KbFiles = {
  manifest: { version: '1.2.3', released: '2026-11-01', description: 'Event test knowledge base' },
  sources: [
    {
      id: 'test-source',
      title: 'Test fixture',
      publisher: 'MediAssist tests',
      year: 2026,
      licence: 'test data',
    },
  ],
  conditions: [
    {
      id: 'community-acquired-pneumonia',
      display: 'Community-acquired pneumonia',
      icd10: ['J18.9'],
      snomed: '233604007',
      course: 'acute',
      bodySystem: 'respiratory',
      urgency: 'urgent',
      cantMiss: true,
      prior: prior(5),
      sources,
    },
    {
      id: 'essential-hypertension',
      display: 'Essential hypertension',
      icd10: ['I10'],
      snomed: '59621000',
      course: 'chronic',
      bodySystem: 'cardiovascular',
      urgency: 'routine',
      cantMiss: false,
      prior: prior(300),
      sources,
    },
    {
      id: 'type-2-diabetes',
      display: 'Type 2 diabetes mellitus',
      icd10: ['E11.9', 'E11'],
      snomed: '44054006',
      course: 'chronic',
      bodySystem: 'endocrine',
      urgency: 'routine',
      cantMiss: false,
      prior: prior(100),
      sources,
    },
  ],
  findings: [
    {
      id: 'fever',
      display: 'Fever',
      code: { system: SNOMED, code: '386661006' },
      kind: 'sign',
      bodySystem: 'general',
      baseRate: 0.05,
      sources,
    },
    {
      id: 'cough',
      display: 'Cough',
      code: { system: SNOMED, code: '49727002' },
      kind: 'symptom',
      bodySystem: 'respiratory',
      baseRate: 0.1,
      sources,
    },
    {
      id: 'current-smoker',
      display: 'Current smoker',
      code: { system: 'urn:mediassist:kb:finding', code: 'current-smoker' },
      kind: 'history',
      bodySystem: 'general',
      baseRate: 0.15,
      sources,
    },
  ],
  associations: [],
  redFlags: [],
  drugClasses: [
    { id: 'ace-inhibitor', display: 'ACE inhibitors', sources },
    { id: 'anticoagulant', display: 'Anticoagulants', sources },
    { id: 'nsaid', display: 'NSAIDs', sources },
  ],
  drugs: [
    {
      rxcui: '29046',
      name: 'lisinopril',
      classes: ['ace-inhibitor'],
      relatedRxcuis: ['314076'],
      sources,
    },
    { rxcui: '11289', name: 'warfarin', classes: ['anticoagulant'], sources },
    { rxcui: '5640', name: 'ibuprofen', classes: ['nsaid'], sources },
  ],
  interactions: [
    {
      id: 'anticoagulant-nsaid',
      a: { classes: ['anticoagulant'] },
      b: { classes: ['nsaid'] },
      severity: 'major',
      mechanism: 'Additive bleeding risk.',
      consequence: 'Bleeding.',
      management: 'Avoid the combination.',
      sources,
    },
  ],
  treatments: [],
  tests: [
    {
      id: 'hba1c',
      display: 'HbA1c',
      kind: 'lab',
      codes: [{ system: 'http://loinc.org', code: '4548-4' }],
      sources,
    },
    {
      id: 'influenza-vaccine',
      display: 'Influenza vaccine',
      kind: 'immunization',
      codes: [{ system: 'http://hl7.org/fhir/sid/cvx', code: '140' }],
      sources,
    },
  ],
  guidelineRules: [],
  preventiveServices: [
    {
      id: 'influenza-vaccination',
      title: 'Influenza vaccination',
      grade: 'ACIP',
      population: { minAge: 18 },
      satisfiedBy: ['influenza-vaccine'],
      intervalMonths: 12,
      year: 2024,
      sources,
    },
  ],
};

export function createEventsTestKb(): KnowledgeBase {
  return buildKnowledgeBase(EVENTS_TEST_KB_FILES);
}
