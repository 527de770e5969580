/** A small, valid knowledge base for tests (real codes; the shipped KB is filled in separately). */
import { buildKnowledgeBase, type KbFiles, type KnowledgeBase } from '@mediassist/shared/kb';

const band = (v: number) => ({ '0-4': v, '5-17': v, '18-39': v, '40-64': v, '65+': v });
const prior = (v: number) => ({ female: band(v), male: band(v) });
const SNOMED = 'http://snomed.info/sct';

export const TEST_KB_FILES: KbFiles = {
  manifest: { version: '9.8.7', released: '2026-11-01', description: 'Test knowledge base' },
  sources: [
    {
      id: 'cdc-icd10cm-fy2021',
      title: 'ICD-10-CM Tabular List of Diseases and Injuries, FY2021',
      publisher: 'CDC National Center for Health Statistics',
      year: 2020,
      url: 'https://www.cdc.gov/nchs/icd/icd-10-cm/',
      licence: 'public domain',
    },
    {
      id: 'nlm-rxnorm',
      title: 'RxNorm',
      publisher: 'U.S. National Library of Medicine',
      year: 2024,
      url: 'https://www.nlm.nih.gov/research/umls/rxnorm/',
      licence: 'public domain',
    },
    {
      id: 'bnf-approved-names',
      title: 'British National Formulary: Guidance on prescribing, approved names',
      publisher: 'NICE / Royal Pharmaceutical Society (BNF)',
      year: 2024,
      url: 'https://bnf.nice.org.uk/',
      licence: 'facts cited',
    },
  ],
  conditions: [
    {
      id: 'community-acquired-pneumonia',
      display: 'Community-acquired pneumonia',
      synonyms: ['cap', 'pneumonia'],
      icd10: ['J18.9'],
      course: 'acute',
      bodySystem: 'respiratory',
      urgency: 'urgent',
      cantMiss: true,
      prior: prior(5),
      sources: ['cdc-icd10cm-fy2021'],
    },
    {
      id: 'essential-hypertension',
      display: 'Essential hypertension',
      synonyms: ['htn', 'high blood pressure'],
      icd10: ['I10'],
      course: 'chronic',
      bodySystem: 'cardiovascular',
      urgency: 'routine',
      cantMiss: false,
      prior: prior(300),
      sources: ['cdc-icd10cm-fy2021'],
    },
  ],
  findings: [
    {
      id: 'fever',
      display: 'Fever',
      code: { system: SNOMED, code: '386661006' },
      kind: 'sign',
      bodySystem: 'general',
      synonyms: ['pyrexia', 'febrile'],
      layTerms: ['running a temperature', 'high temperature'],
      baseRate: 0.05,
      sources: ['cdc-icd10cm-fy2021'],
    },
    {
      id: 'chest-pain',
      display: 'Chest pain',
      code: { system: SNOMED, code: '29857009' },
      kind: 'symptom',
      bodySystem: 'cardiovascular',
      synonyms: ['thoracic pain'],
      layTerms: ['tight chest'],
      baseRate: 0.02,
      redFlag: true,
      sources: ['cdc-icd10cm-fy2021'],
    },
    {
      id: 'dyspnea',
      display: 'Shortness of breath',
      code: { system: SNOMED, code: '267036007' },
      kind: 'symptom',
      bodySystem: 'respiratory',
      synonyms: ['dyspnea', 'dyspnoea', 'sob'],
      layTerms: ['out of breath', 'breathless'],
      baseRate: 0.03,
      sources: ['cdc-icd10cm-fy2021'],
    },
  ],
  associations: [],
  redFlags: [],
  drugClasses: [
    { id: 'ace-inhibitor', display: 'ACE inhibitors', sources: ['nlm-rxnorm'] },
    { id: 'penicillin', display: 'Penicillins', sources: ['nlm-rxnorm'] },
    { id: 'vitamin-k-antagonist', display: 'Vitamin K antagonists', sources: ['nlm-rxnorm'] },
  ],
  drugs: [
    {
      rxcui: '29046',
      name: 'lisinopril',
      classes: ['ace-inhibitor'],
      brands: ['prinivil', 'zestril'],
      sources: ['nlm-rxnorm'],
    },
    {
      rxcui: '723',
      name: 'amoxicillin',
      classes: ['penicillin'],
      brands: ['amoxil'],
      synonyms: [{ name: 'amoxycillin', kind: 'former', sources: ['bnf-approved-names'] }],
      sources: ['nlm-rxnorm'],
    },
    {
      rxcui: '11289',
      name: 'warfarin',
      classes: ['vitamin-k-antagonist'],
      brands: ['coumadin', 'jantoven'],
      sources: ['nlm-rxnorm'],
    },
  ],
  interactions: [],
  treatments: [],
  tests: [],
  guidelineRules: [],
  preventiveServices: [],
};

export function createTestKb(): KnowledgeBase {
  return buildKnowledgeBase(TEST_KB_FILES);
}
