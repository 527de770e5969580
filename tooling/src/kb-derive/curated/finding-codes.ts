/**
 * The code ledger for findings: the SNOMED CT concept each finding carries, the display the cited
 * public source shows for it, and where it was verified (ids in ./code-evidence.ts). The derivation
 * applies these to findings that have no `code` of their own, checks every id's check digit, and
 * refuses duplicates. A `note` says how the concept relates to the finding when not an exact match.
 */
import { sct, type Code } from './types.js';

export interface VerifiedCode {
  code: Code;
  /** The display the cited source shows (SNOMED preferred term, semantic tag dropped). */
  display: string;
  /** Ids in CODE_EVIDENCE. */
  via: string[];
  note?: string;
}

const v = (code: string, display: string, via: string[]): VerifiedCode => ({
  code: sct(code),
  display,
  via,
});

/** The same entry, with how the concept relates to the finding. */
const n = (entry: VerifiedCode, note: string): VerifiedCode => ({ ...entry, note });

export const FINDING_CODES: Readonly<Record<string, VerifiedCode>> = {
  lymphadenopathy: v('30746006', 'Lymphadenopathy', ['be-ehealth-imaging-indication']),
  melaena: v('2901004', 'Melena', ['be-ehealth-imaging-indication', 'ctas-snomed-anchors']),
  'urinary-incontinence': v('165232002', 'Urinary incontinence', [
    'be-ehealth-imaging-indication',
    'mii-onko-meddra-sct',
  ]),
  'ankle-pain': v('247373008', 'Ankle pain', ['be-ehealth-imaging-indication']),
  'bone-pain': v('12584003', 'Bone pain', ['be-ehealth-imaging-indication', 'mii-onko-meddra-sct']),
  'epigastric-pain': v('79922009', 'Epigastric pain', ['be-ehealth-imaging-indication']),
  'faecal-incontinence': v('72042002', 'Incontinence of feces', [
    'be-ehealth-imaging-indication',
    'mii-onko-meddra-sct',
  ]),
  'hip-pain': v('49218002', 'Pain of hip region', ['be-ehealth-imaging-indication']),
  'joint-swelling': v('271771009', 'Joint swelling', [
    'be-ehealth-imaging-indication',
    'ctas-snomed-anchors',
  ]),
  'knee-pain': v('1003722009', 'Pain of knee region', ['be-ehealth-imaging-indication']),
  'pelvic-pain': v('30473006', 'Pain in pelvis', [
    'be-ehealth-imaging-indication',
    'mii-onko-meddra-sct',
  ]),
  'shoulder-pain': v('45326000', 'Pain of shoulder region', ['be-ehealth-imaging-indication']),
  'scrotal-swelling': v('271687003', 'Swelling of scrotum', [
    'be-ehealth-imaging-indication',
    'ctas-snomed-anchors',
  ]),
  'llq-pain': v('301716002', 'Left lower quadrant pain', ['be-ehealth-imaging-indication']),
  'rlq-pain': v('301754002', 'Right lower quadrant pain', ['be-ehealth-imaging-indication']),
  'ruq-pain': v('301717006', 'Right upper quadrant pain', ['be-ehealth-imaging-indication']),
  'postmenopausal-bleeding': v('76742009', 'Postmenopausal bleeding', [
    'be-ehealth-imaging-indication',
  ]),
  'unable-to-weight-bear': v('285674009', 'Unable to weight-bear', [
    'be-ehealth-imaging-indication',
  ]),
  'pulsatile-abdominal-mass': v('2981001', 'Pulsatile mass of abdomen', [
    'be-ehealth-imaging-indication',
  ]),
  'groin-swelling': v('274743004', 'Swelling of inguinal region', ['ctas-snomed-anchors']),
  'currently-pregnant': v('77386006', 'Pregnancy', ['be-ehealth-imaging-indication']),
  'family-history-crc': v('1421000119104', 'Family history of colorectal cancer', [
    'be-ehealth-imaging-indication',
  ]),
  'non-visible-haematuria': v('197940006', 'Microscopic hematuria', [
    'be-ehealth-imaging-indication',
    'exact-code-search',
  ]),
  'eye-pain': v('41652007', 'Pain in eye', ['mii-onko-meddra-sct', 'ctas-snomed-anchors']),
  'hearing-loss': v('15188001', 'Hearing loss', ['mii-onko-meddra-sct', 'ctas-snomed-anchors']),
  'ear-discharge': v('300132001', 'Ear discharge', ['ctas-snomed-anchors']),
  toothache: v('27355003', 'Toothache', ['mii-onko-meddra-sct', 'ctas-snomed-anchors']),
  'facial-pain-pressure': v('95668009', 'Pain in face', [
    'mii-onko-meddra-sct',
    'ctas-snomed-anchors',
  ]),
  epistaxis: v('249366005', 'Bleeding from nose', ['mii-onko-meddra-sct', 'ctas-snomed-anchors']),
  hypothermia: v('386689009', 'Hypothermia', ['mii-onko-meddra-sct', 'ctas-snomed-anchors']),
  'anal-pain': v('68653001', 'Anal pain', ['mii-onko-meddra-sct', 'ctas-snomed-anchors']),
  haematemesis: v('8765009', 'Hematemesis', ['ctas-snomed-anchors']),
  'perineal-pain': v('225565007', 'Perineal pain', ['ctas-snomed-anchors']),
  'urinary-retention': v('267064002', 'Retention of urine', [
    'mii-onko-meddra-sct',
    'ctas-snomed-anchors',
  ]),
  'head-injury': v('82271004', 'Injury of head', ['ctas-snomed-anchors']),
  'vaginal-discharge': v('271939006', 'Vaginal discharge', [
    'mii-onko-meddra-sct',
    'ctas-snomed-anchors',
  ]),
  'heavy-menstrual-bleeding': v('386692008', 'Menorrhagia', [
    'mii-onko-meddra-sct',
    'ctas-snomed-anchors',
  ]),
  diplopia: v('24982008', 'Diplopia', ['ctas-snomed-anchors', 'chief-complaint-table']),
  'low-blood-glucose': n(
    v('302866003', 'Hypoglycemia', ['mii-onko-meddra-sct', 'ctas-snomed-anchors']),
    'the abnormality; the threshold keeps its LOINC measurement',
  ),
  'breast-pain': v('53430007', 'Pain of breast', ['mii-onko-meddra-sct', 'hl7-phr-conceptmap']),
  'raised-bilirubin': v('166612004', 'Serum bilirubin above reference range', [
    'mii-onko-meddra-sct',
  ]),
  'raised-troponin': v('1363512008', 'Troponin above reference range', ['mii-onko-meddra-sct']),
  'raised-creatinine': v('166717003', 'Serum creatinine above reference range', [
    'mii-onko-meddra-sct',
  ]),
  'dry-skin': n(
    v('52475004', 'Xeroderma', ['mii-onko-meddra-sct']),
    'MedDRA Dry skin maps to Xeroderma (dry skin)',
  ),
  dysmenorrhoea: v('266599000', 'Dysmenorrhea', ['mii-onko-meddra-sct']),
  'facial-swelling': v('445088006', 'Edema of face', ['mii-onko-meddra-sct']),
  hypercalcaemia: v('66931009', 'Hypercalcemia', ['mii-onko-meddra-sct']),
  'raised-uric-acid': v('35885006', 'Hyperuricemia', ['mii-onko-meddra-sct']),
  'raised-triglycerides': n(
    v('302870006', 'Hypertriglyceridemia', ['mii-onko-meddra-sct', 'synthea-bulk-sample']),
    "the abnormality; the 200 mg/dL threshold is the KB's",
  ),
  'irregular-periods': v('80182007', 'Irregular periods', ['mii-onko-meddra-sct']),
  leukocytosis: v('111583006', 'Leukocytosis', ['mii-onko-meddra-sct', 'exact-code-search']),
  'raised-lipase': v('432034007', 'Pancreatic lipase above reference range', [
    'mii-onko-meddra-sct',
  ]),
  nystagmus: v('563001', 'Nystagmus', ['mii-onko-meddra-sct']),
  'testicular-pain': v('63901009', 'Pain in testicle', ['mii-onko-meddra-sct']),
  'loin-to-groin-colic': v('7093002', 'Renal colic', ['mii-onko-meddra-sct']),
  'trismus-muffled-voice': n(
    v('87866006', 'Trismus', ['mii-onko-meddra-sct']),
    'narrower: codes the trismus half of the finding',
  ),
  'vaginal-dryness': v('31908003', 'Vaginal dryness', [
    'mii-onko-meddra-sct',
    'hl7-phr-conceptmap',
  ]),
  'watery-eyes': v('193982009', 'Epiphora', ['mii-onko-meddra-sct', 'chief-complaint-table']),
  'red-eye': v('703630003', 'Red eye', ['chief-complaint-table', 'eye-symptom-bindings']),
  'vulvovaginal-itch': v('67882000', 'Pruritus of vulva', [
    'chief-complaint-table',
    'ctas-snomed-anchors',
  ]),
  'mucus-in-stool': v('271864008', 'Mucus in feces', [
    'exact-code-search',
    'chief-complaint-table',
  ]),
  'elevated-blood-pressure': n(
    v('24184005', 'Finding of increased blood pressure', [
      'exact-code-search',
      'chief-complaint-table',
    ]),
    'HPO HP:0000822 cross-reference and two code lists; threshold keeps LOINC 8480-6',
  ),
  nocturia: v('139394000', 'Nocturia', ['exact-code-search', 'chief-complaint-table']),
  anhedonia: v('28669007', 'Anhedonia', ['exact-code-search']),
  'erectile-dysfunction': n(
    v('860914002', 'Erectile dysfunction', ['exact-code-search', 'mii-onko-meddra-sct']),
    'MedDRA 10061461 maps to it in the MII map table',
  ),
  'mouth-ulcers': v('26284000', 'Ulcer of mouth', ['exact-code-search']),
  'itchy-eyes': n(
    v('74776002', 'Itching of eye', ['exact-code-search']),
    'one source states it was checked against an RF2 snapshot',
  ),
  'chronic-cough': v('68154008', 'Chronic cough', ['fhir-ig-fsh', 'exact-code-search']),
  'eye-discharge': n(
    v('246679005', 'Discharge from eye', ['exact-code-search', 'eye-symptom-bindings']),
    'broader: any discharge, not only purulent',
  ),
  'eyelid-swelling': v('193967004', 'Swelling of eyelid', [
    'exact-code-search',
    'eye-symptom-bindings',
  ]),
  'family-history-breast-cancer': n(
    v('429740004', 'Family history of malignant neoplasm of breast', [
      'mii-molgen-examples',
      'exact-code-search',
    ]),
    'narrower: breast only (ovary is 430705002)',
  ),
  albuminuria: v('274769005', 'Albuminuria', ['exact-code-search']),
  'injection-drug-use': v('228388006', 'Intravenous drug user', [
    'fhir-ig-fsh',
    'exact-code-search',
  ]),
  'irregular-pulse': n(
    v('361137007', 'Irregular heart beat', ['exact-code-search', 'athena-concepts']),
    'broader: any irregular beat, not only irregularly irregular',
  ),
  'nocturnal-cough': v('161947006', 'Nocturnal cough / wheeze', ['ctas-snomed-anchors']),
  'nipple-changes': n(
    v('290108005', 'Nipple discharge', ['ctas-snomed-anchors']),
    'narrower: codes the discharge half of the finding',
  ),
  'current-smoker': v('77176002', 'Smoker', ['fhir-smoking-status']),
  immunosuppression: v('370391006', 'Patient immunosuppressed', ['fhir-ig-fsh']),
  'raised-crp': n(
    v('119971000119104', 'C-reactive protein above reference range', ['fhir-ig-fsh']),
    'US extension concept; threshold keeps LOINC 1988-5',
  ),
  'former-smoker': v('8517006', 'Ex-smoker', ['fhir-smoking-status']),
  postmenopausal: v('76498008', 'Postmenopausal state', ['be-ehealth-imaging-indication']),
  'high-risk-sexual-behaviour': v(
    '1220567008',
    'Sexual behavior with high risk of exposure to communicable disease',
    ['ctas-snomed-anchors'],
  ),
  'raised-intraocular-pressure': v('112222000', 'Raised intraocular pressure', ['athena-concepts']),
  // Codes the findings already had, confirmed by the same sources.
  fever: v('386661006', 'Fever', ['mii-onko-meddra-sct', 'ctas-snomed-anchors']),
  chills: v('43724002', 'Chill', ['mii-onko-meddra-sct', 'synthea-bulk-sample']),
  fatigue: v('84229001', 'Fatigue', ['mii-onko-meddra-sct', 'synthea-bulk-sample']),
  myalgia: v('68962001', 'Muscle pain', ['mii-onko-meddra-sct', 'synthea-bulk-sample']),
  jaundice: v('18165001', 'Jaundice', ['ctas-snomed-anchors', 'chief-complaint-table']),
  cough: v('49727002', 'Cough', ['mii-onko-meddra-sct', 'ctas-snomed-anchors']),
  haemoptysis: v('66857006', 'Hemoptysis', ['ctas-snomed-anchors', 'chief-complaint-table']),
  dyspnoea: v('267036007', 'Dyspnea', ['mii-onko-meddra-sct', 'ctas-snomed-anchors']),
  wheeze: v('56018004', 'Wheezing', ['mii-onko-meddra-sct', 'ctas-snomed-anchors']),
  'sore-throat': v('267102003', 'Sore throat', ['mii-onko-meddra-sct', 'ctas-snomed-anchors']),
  rhinorrhoea: v('64531003', 'Nasal discharge', ['exact-code-search', 'chief-complaint-table']),
  'nasal-congestion': v('68235000', 'Nasal congestion', [
    'mii-onko-meddra-sct',
    'ctas-snomed-anchors',
  ]),
  palpitations: v('80313002', 'Palpitations', ['mii-onko-meddra-sct', 'ctas-snomed-anchors']),
  syncope: v('271594007', 'Syncope', ['mii-onko-meddra-sct', 'ctas-snomed-anchors']),
  'abdominal-pain': v('21522001', 'Abdominal pain', ['mii-onko-meddra-sct', 'ctas-snomed-anchors']),
  nausea: v('422587007', 'Nausea', ['mii-onko-meddra-sct', 'be-ehealth-imaging-indication']),
  vomiting: v('422400008', 'Vomiting', ['mii-onko-meddra-sct', 'chief-complaint-table']),
  diarrhoea: v('62315008', 'Diarrhea', ['mii-onko-meddra-sct', 'ctas-snomed-anchors']),
  constipation: v('14760008', 'Constipation', ['mii-onko-meddra-sct', 'ctas-snomed-anchors']),
  'urinary-frequency': v('162116003', 'Increased frequency of urination', ['mii-onko-meddra-sct']),
  haematuria: v('34436003', 'Blood in urine', ['mii-onko-meddra-sct', 'chief-complaint-table']),
  headache: v('25064002', 'Headache', ['mii-onko-meddra-sct', 'ctas-snomed-anchors']),
  dizziness: v('404640003', 'Dizziness', ['mii-onko-meddra-sct', 'chief-complaint-table']),
  seizure: v('91175000', 'Seizure', ['mii-onko-meddra-sct', 'ctas-snomed-anchors']),
  'joint-pain': v('57676002', 'Pain of joint', ['mii-onko-meddra-sct', 'synthea-bulk-sample']),
  rash: v('271807003', 'Eruption of skin', ['synthea-bulk-sample', 'chief-complaint-table']),
  'raised-bmi': v('162864005', 'Body mass index 30+ - obesity', ['synthea-bulk-sample']),
  hyperglycaemia: v('80394007', 'Hyperglycemia', ['mii-onko-meddra-sct', 'ctas-snomed-anchors']),
  // Confirmed in a second pass.
  'suprapubic-pain': v('162053006', 'Suprapubic pain', [
    'exact-code-search',
    'chief-complaint-table',
  ]),
  'tick-bite': n(
    v('95898004', 'Tick bite', ['exact-code-search']),
    'CDC NBS tick-borne disease case-report question and HL7 v2 OBX 95898004^Tick Bite^SCT',
  ),
};
