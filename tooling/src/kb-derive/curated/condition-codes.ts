/**
 * Condition SNOMED CT codes checked against public sources (ids in ./code-evidence.ts), with the
 * display each source shows. The derivation fails when a condition's `snomed` disagrees with its
 * entry here, so a later edit cannot silently undo a check. Conditions not listed keep the code
 * their author gave, which still has to pass the check-digit test.
 */

export interface ConditionCodeCheck {
  snomed: string;
  display: string;
  via: string[];
}

const c = (snomed: string, display: string, via: string[]): ConditionCodeCheck => ({
  snomed,
  display,
  via,
});

export const CONDITION_CODE_CHECKS: Readonly<Record<string, ConditionCodeCheck>> = {
  'chronic-rhinosinusitis': c('40055000', 'Chronic sinusitis', ['synthea-bulk-sample']),
  'streptococcal-pharyngitis': c('43878008', 'Streptococcal sore throat', ['synthea-bulk-sample']),
  'viral-pharyngitis': c('195662009', 'Acute viral pharyngitis', ['synthea-bulk-sample']),
  'acute-bronchitis': c('10509002', 'Acute bronchitis', ['synthea-bulk-sample']),
  hypertension: c('59621000', 'Essential hypertension', ['synthea-bulk-sample', 'athena-concepts']),
  'type-2-diabetes': c('44054006', 'Diabetes mellitus type 2', ['synthea-bulk-sample']),
  'obstructive-sleep-apnoea': c('78275009', 'Obstructive sleep apnea syndrome', [
    'synthea-bulk-sample',
  ]),
  'breast-cancer': c('254837009', 'Malignant neoplasm of breast', [
    'synthea-bulk-sample',
    'be-ehealth-imaging-indication',
  ]),
  osteoporosis: c('64859006', 'Osteoporosis', ['synthea-bulk-sample', 'mii-onko-meddra-sct']),
  anaphylaxis: c('39579001', 'Anaphylaxis', ['synthea-bulk-sample', 'mii-onko-meddra-sct']),
  sepsis: c('91302008', 'Sepsis', ['synthea-bulk-sample', 'mii-onko-meddra-sct']),
  gout: c('90560007', 'Gout', ['be-ehealth-imaging-indication']),
  'inflammatory-bowel-disease': c('24526004', 'Inflammatory bowel disease', [
    'be-ehealth-imaging-indication',
  ]),
  diverticulitis: c('307496006', 'Diverticulitis', ['be-ehealth-imaging-indication']),
  pneumothorax: c('36118008', 'Pneumothorax', [
    'be-ehealth-imaging-indication',
    'mii-onko-meddra-sct',
  ]),
  'chronic-kidney-disease': c('709044004', 'Chronic kidney disease', [
    'be-ehealth-imaging-indication',
  ]),
  'benign-prostatic-hyperplasia': c('266569009', 'Benign prostatic hyperplasia', [
    'be-ehealth-imaging-indication',
  ]),
  miscarriage: c('17369002', 'Miscarriage', ['be-ehealth-imaging-indication']),
  cellulitis: c('128045006', 'Cellulitis', ['be-ehealth-imaging-indication']),
  'viral-illness': c('34014006', 'Viral disease', ['be-ehealth-imaging-indication']),
  'upper-respiratory-tract-infection': c('54150009', 'Upper respiratory infection', [
    'ctas-snomed-anchors',
    'mii-onko-meddra-sct',
  ]),
  'urinary-tract-infection': c('68566005', 'Urinary tract infectious disease', [
    'ctas-snomed-anchors',
    'mii-onko-meddra-sct',
  ]),
  depression: c('35489007', 'Depressive disorder', ['ctas-snomed-anchors', 'mii-onko-meddra-sct']),
  insomnia: c('193462001', 'Insomnia', ['ctas-snomed-anchors', 'mii-onko-meddra-sct']),
  seizure: c('91175000', 'Seizure', ['ctas-snomed-anchors', 'mii-onko-meddra-sct']),
  'ischaemic-stroke': c('230690007', 'Cerebrovascular accident', [
    'ctas-snomed-anchors',
    'mii-onko-meddra-sct',
  ]),
  'transient-ischaemic-attack': c('266257000', 'Transient cerebral ischemia', [
    'ctas-snomed-anchors',
    'mii-onko-meddra-sct',
  ]),
  'testicular-torsion': c('81996005', 'Torsion of testis', ['ctas-snomed-anchors']),
  'heavy-menstrual-bleeding': c('386692008', 'Menorrhagia', [
    'ctas-snomed-anchors',
    'mii-onko-meddra-sct',
  ]),
  hypoglycaemia: c('302866003', 'Hypoglycemia', ['ctas-snomed-anchors', 'mii-onko-meddra-sct']),
  constipation: c('14760008', 'Constipation', ['ctas-snomed-anchors', 'mii-onko-meddra-sct']),
  'allergic-rhinitis': c('61582004', 'Allergic rhinitis', ['mii-onko-meddra-sct']),
  'atrial-fibrillation': c('49436004', 'Atrial fibrillation', ['mii-onko-meddra-sct']),
  'ankle-fracture': c('16114001', 'Fracture of ankle', ['mii-onko-meddra-sct']),
  cataract: c('193570009', 'Cataract', ['mii-onko-meddra-sct']),
  dehydration: c('34095006', 'Dehydration', ['mii-onko-meddra-sct']),
  delirium: c('2776000', 'Delirium', ['mii-onko-meddra-sct']),
  'functional-dyspepsia': c('162031009', 'Indigestion', ['mii-onko-meddra-sct']),
  dysmenorrhoea: c('266599000', 'Dysmenorrhea', ['mii-onko-meddra-sct']),
  'heart-failure': c('84114007', 'Heart failure', ['mii-onko-meddra-sct']),
  haemorrhoids: c('70153002', 'Hemorrhoids', ['mii-onko-meddra-sct']),
  hyperthyroidism: c('34486009', 'Hyperthyroidism', ['mii-onko-meddra-sct']),
  hypothyroidism: c('40930008', 'Hypothyroidism', ['mii-onko-meddra-sct']),
  'bacterial-meningitis': c('7180009', 'Meningitis', ['mii-onko-meddra-sct']),
  'neck-pain': c('81680005', 'Neck pain', ['mii-onko-meddra-sct']),
  obesity: c('414916001', 'Obesity', ['mii-onko-meddra-sct']),
  'otitis-externa': c('3135009', 'Otitis externa', ['mii-onko-meddra-sct']),
  'acute-otitis-media': c('65363002', 'Otitis media', ['mii-onko-meddra-sct']),
  psychosis: c('69322001', 'Psychotic disorder', ['mii-onko-meddra-sct']),
  'kidney-stones': c('95570007', 'Kidney stone', ['mii-onko-meddra-sct']),
  'retinal-detachment': c('42059000', 'Retinal detachment', ['mii-onko-meddra-sct']),
  'supraventricular-tachycardia': c('6456007', 'Supraventricular tachycardia', [
    'mii-onko-meddra-sct',
  ]),
  urticaria: c('126485001', 'Urticaria', ['mii-onko-meddra-sct']),
  'vasovagal-syncope': c('398665005', 'Vasovagal syncope', ['mii-onko-meddra-sct']),
  'anterior-uveitis': c('128473001', 'Uveitis', ['mii-onko-meddra-sct']),
  'acute-coronary-syndrome': c('394659003', 'Acute coronary syndrome', ['mii-onko-meddra-sct']),
  'upper-gi-bleed': c('37372002', 'Upper gastrointestinal bleeding', ['mii-onko-meddra-sct']),
  'acute-prostatitis': c('9713002', 'Prostatitis', ['mii-onko-meddra-sct']),
  'erectile-dysfunction': c('860914002', 'Erectile dysfunction', [
    'exact-code-search',
    'mii-onko-meddra-sct',
  ]),
  'lateral-epicondylitis': c('202855006', 'Lateral epicondylitis', ['athena-concepts']),
  'lung-cancer': c('363358000', 'Malignant tumor of lung', ['exact-code-search']),
  prediabetes: c('714628002', 'Prediabetes', ['exact-code-search']),
  'hip-fracture': c('263225007', 'Fracture of proximal end of femur', ['mii-onko-meddra-sct']),
  'infective-conjunctivitis': c('299699004', 'Infective conjunctivitis', ['mii-onko-meddra-sct']),
  'corneal-abrasion': c('85848002', 'Corneal abrasion', ['ctas-snomed-anchors']),
  glaucoma: c('23986001', 'Glaucoma', ['mii-onko-meddra-sct']),
  'cervical-cancer': c('363354003', 'Malignant tumor of cervix', ['exact-code-search']),
};
