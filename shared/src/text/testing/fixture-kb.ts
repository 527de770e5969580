/** A small, hand-made knowledge base for unit tests of the text extractor (codes are real, content minimal). */
import { buildKnowledgeBase, type KnowledgeBase } from '../../kb/index.js';

const sources = ['text-fixture'];
const flatPrior = { '0-4': 1, '5-17': 1, '18-39': 1, '40-64': 1, '65+': 1 };
const prior = { female: flatPrior, male: flatPrior };

const finding = (
  [id, display, snomed]: [string, string, string],
  more: { synonyms?: string[]; layTerms?: string[]; threshold?: object; kind?: string } = {},
): object => ({
  id,
  display,
  code: { system: 'http://snomed.info/sct', code: snomed, display },
  kind: more.kind ?? 'symptom',
  bodySystem: 'general',
  synonyms: more.synonyms ?? [],
  layTerms: more.layTerms ?? [],
  baseRate: 0.01,
  ...(more.threshold ? { threshold: more.threshold } : {}),
  sources,
});

const condition = (
  [id, display, icd10, snomed]: [string, string, string, string],
  synonyms: string[] = [],
): object => ({
  id,
  display,
  synonyms,
  icd10: [icd10],
  snomed,
  course: 'acute',
  bodySystem: 'general',
  urgency: 'routine',
  cantMiss: false,
  prior,
  sources,
});

const drug = (
  [rxcui, name]: [string, string],
  classes: string[],
  [brands, relatedRxcuis]: [string[], string[]] = [[], []],
): object => ({
  rxcui,
  name,
  classes,
  brands,
  relatedRxcuis,
  sources,
});

const test = (
  [id, display, kind]: [string, string, string],
  code: { system: string; code: string },
): object => ({
  id,
  display,
  kind,
  codes: [code],
  sources,
});

const LOINC = 'http://loinc.org';

export function fixtureKb(): KnowledgeBase {
  return buildKnowledgeBase({
    manifest: { version: '0.0.1', released: '2026-01-01', description: 'text extractor fixture' },
    sources: [
      {
        id: 'text-fixture',
        title: 'Text extractor unit-test fixture',
        publisher: 'MediAssist',
        year: 2026,
        licence: 'test data',
      },
    ],
    findings: [
      finding(['fever', 'Fever', '386661006'], {
        synonyms: ['pyrexia', 'febrile'],
        layTerms: ['running a temperature'],
        threshold: { loinc: '8310-5', comparator: '>=', value: 38, unit: 'Cel' },
      }),
      finding(['cough', 'Cough', '49727002'], { layTerms: ['coughing'] }),
      finding(['productive-cough', 'Productive cough', '28743005'], { synonyms: ['wet cough'] }),
      finding(['dyspnea', 'Shortness of breath', '267036007'], {
        synonyms: ['dyspnea', 'dyspnoea', 'sob', 'breathlessness'],
        layTerms: ['short of breath', 'out of breath', 'hard to breathe'],
      }),
      finding(['chest-pain', 'Chest pain', '29857009'], { synonyms: ['cp', 'chest discomfort'] }),
      finding(['headache', 'Headache', '25064002'], { synonyms: ['cephalgia'] }),
      finding(['nausea', 'Nausea', '422587007']),
      finding(['vomiting', 'Vomiting', '422400008'], {
        synonyms: ['emesis'],
        layTerms: ['throwing up'],
      }),
      finding(['diarrhea', 'Diarrhea', '62315008'], { synonyms: ['diarrhoea', 'loose stools'] }),
      finding(['chills', 'Chills', '43724002'], { synonyms: ['rigors'] }),
      finding(['sore-throat', 'Sore throat', '162397003'], { synonyms: ['pharyngeal pain'] }),
      finding(['abdominal-pain', 'Abdominal pain', '21522001'], { synonyms: ['stomach ache'] }),
      finding(['wheezing', 'Wheezing', '56018004'], { kind: 'sign', synonyms: ['wheeze'] }),
      finding(['rash', 'Rash', '271807003'], { kind: 'sign' }),
      finding(['urticaria', 'Urticaria', '126485001'], { kind: 'sign', synonyms: ['hives'] }),
      finding(['tachycardia', 'Tachycardia', '3424008'], {
        kind: 'vital',
        threshold: { loinc: '8867-4', comparator: '>', value: 100, unit: '/min' },
      }),
      finding(['hypoxemia', 'Low oxygen saturation', '389087006'], {
        kind: 'vital',
        threshold: { loinc: '59408-5', comparator: '<', value: 92, unit: '%' },
      }),
      finding(['elevated-blood-pressure', 'Elevated blood pressure', '24184005'], {
        kind: 'vital',
        threshold: { loinc: '8480-6', comparator: '>=', value: 140, unit: 'mm[Hg]' },
      }),
    ],
    conditions: [
      condition(
        ['community-acquired-pneumonia', 'Community-acquired pneumonia', 'J18.9', '385093006'],
        ['pneumonia', 'cap'],
      ),
      condition(
        ['essential-hypertension', 'Essential hypertension', 'I10', '59621000'],
        ['hypertension', 'htn', 'high blood pressure'],
      ),
      condition(['asthma', 'Asthma', 'J45.909', '195967001']),
      condition(
        ['type-2-diabetes', 'Type 2 diabetes mellitus', 'E11.9', '44054006'],
        ['diabetes', 't2dm'],
      ),
      condition(['acute-bronchitis', 'Acute bronchitis', 'J20.9', '10509002'], ['bronchitis']),
      condition(
        ['colon-cancer', 'Malignant neoplasm of colon', 'C18.9', '363406005'],
        ['colon cancer'],
      ),
      condition(['pulmonary-embolism', 'Pulmonary embolism', 'I26.99', '59282003'], ['pe']),
      condition(
        ['viral-pharyngitis', 'Acute viral pharyngitis', 'J02.9', '195662009'],
        ['viral pharyngitis'],
      ),
    ],
    associations: [],
    redFlags: [],
    drugClasses: [
      { id: 'penicillins', display: 'Penicillins', sources },
      { id: 'ace-inhibitors', display: 'ACE inhibitors', sources },
      { id: 'biguanides', display: 'Biguanides', sources },
      { id: 'nsaids', display: 'NSAIDs', sources },
      { id: 'beta-agonists', display: 'Beta-2 agonists', sources },
      { id: 'macrolides', display: 'Macrolides', sources },
      { id: 'sulfonamides', display: 'Sulfonamides', sources },
      { id: 'analgesics', display: 'Analgesics', sources },
    ],
    drugs: [
      drug(['29046', 'lisinopril'], ['ace-inhibitors'], [['zestril', 'prinivil'], ['314076']]),
      drug(['6809', 'metformin'], ['biguanides'], [['glucophage'], ['860975']]),
      drug(['723', 'amoxicillin'], ['penicillins'], [['amoxil'], ['308192']]),
      drug(
        ['5640', 'ibuprofen'],
        ['nsaids'],
        [
          ['advil', 'motrin'],
          ['197805', '206905'],
        ],
      ),
      drug(['435', 'albuterol'], ['beta-agonists'], [['ventolin', 'proair'], ['351137']]),
      drug(['18631', 'azithromycin'], ['macrolides'], [['zithromax'], []]),
      drug(['7984', 'penicillin v'], ['penicillins']),
      drug(['161', 'acetaminophen'], ['analgesics'], [['tylenol'], ['313782']]),
      drug(['10180', 'sulfamethoxazole'], ['sulfonamides']),
      drug(['1191', 'aspirin'], ['nsaids']),
    ],
    interactions: [],
    treatments: [],
    tests: [
      test(['chest-x-ray', 'Chest X-ray', 'imaging'], { system: LOINC, code: '36643-5' }),
      test(['cbc', 'Complete blood count', 'lab'], { system: LOINC, code: '58410-2' }),
      test(['hba1c', 'Hemoglobin A1c', 'lab'], { system: LOINC, code: '4548-4' }),
      test(['ecg', 'Electrocardiogram', 'exam'], { system: LOINC, code: '11524-6' }),
      test(['urinalysis', 'Urinalysis', 'lab'], { system: LOINC, code: '24356-8' }),
      test(['rapid-strep-test', 'Rapid strep test', 'lab'], { system: LOINC, code: '78012-2' }),
    ],
    guidelineRules: [],
    preventiveServices: [],
  });
}
