/**
 * Common clinical abbreviations, each with the spelled-out names it stands for. They add no clinical
 * facts: an abbreviation becomes a lexicon term only when one of its expansions is already the name of
 * a KB entry (finding, condition, test), and then resolves to that entry. Source: standard usage as
 * collected in e.g. Wikipedia, "List of medical abbreviations" (CC BY-SA), checked against the KB
 * names at build time. Abbreviations that are also English words (`US`, `HA`, `PE`) must be written in
 * capitals to match.
 */

export interface Abbreviation {
  abbr: string;
  expansions: readonly string[];
  /** Matches in any case although it is an English word: the clinical sense dominates in notes. */
  anyCase?: boolean;
}

export const CLINICAL_ABBREVIATIONS: readonly Abbreviation[] = [
  // findings
  { abbr: 'sob', expansions: ['shortness of breath', 'dyspnea'], anyCase: true },
  { abbr: 'doe', expansions: ['dyspnea on exertion', 'exertional dyspnea'] },
  { abbr: 'cp', expansions: ['chest pain'], anyCase: true },
  { abbr: 'ha', expansions: ['headache'] },
  { abbr: 'n/v', expansions: ['nausea and vomiting', 'nausea'] },
  { abbr: 'abd pain', expansions: ['abdominal pain'] },
  { abbr: 'loc', expansions: ['loss of consciousness'] },
  { abbr: 'brbpr', expansions: ['bright red blood per rectum', 'rectal bleeding'] },
  { abbr: 'pnd', expansions: ['paroxysmal nocturnal dyspnea'] },
  { abbr: 'ble', expansions: ['bilateral leg edema', 'leg swelling'] },
  // conditions
  { abbr: 'htn', expansions: ['hypertension', 'essential hypertension'] },
  { abbr: 'dm', expansions: ['diabetes mellitus', 'diabetes'] },
  { abbr: 't2dm', expansions: ['type 2 diabetes mellitus', 'type 2 diabetes'] },
  { abbr: 'dm2', expansions: ['type 2 diabetes mellitus', 'type 2 diabetes'] },
  { abbr: 'chf', expansions: ['congestive heart failure', 'heart failure'] },
  { abbr: 'hf', expansions: ['heart failure'] },
  { abbr: 'cad', expansions: ['coronary artery disease'] },
  { abbr: 'copd', expansions: ['chronic obstructive pulmonary disease'] },
  {
    abbr: 'gerd',
    expansions: ['gastroesophageal reflux disease', 'gastro-oesophageal reflux disease'],
  },
  { abbr: 'uti', expansions: ['urinary tract infection'] },
  { abbr: 'uri', expansions: ['upper respiratory infection', 'upper respiratory tract infection'] },
  { abbr: 'afib', expansions: ['atrial fibrillation'] },
  { abbr: 'af', expansions: ['atrial fibrillation'] },
  { abbr: 'mi', expansions: ['myocardial infarction'] },
  { abbr: 'pe', expansions: ['pulmonary embolism'] },
  { abbr: 'dvt', expansions: ['deep vein thrombosis', 'deep venous thrombosis'] },
  { abbr: 'ckd', expansions: ['chronic kidney disease'] },
  { abbr: 'aki', expansions: ['acute kidney injury'] },
  { abbr: 'oa', expansions: ['osteoarthritis'] },
  { abbr: 'cap', expansions: ['community-acquired pneumonia', 'community acquired pneumonia'] },
  { abbr: 'tia', expansions: ['transient ischemic attack'] },
  { abbr: 'cva', expansions: ['stroke', 'cerebrovascular accident'] },
  { abbr: 'bph', expansions: ['benign prostatic hyperplasia'] },
  { abbr: 'ibs', expansions: ['irritable bowel syndrome'] },
  { abbr: 'mdd', expansions: ['major depressive disorder', 'depression'] },
  { abbr: 'gad', expansions: ['generalized anxiety disorder'] },
  { abbr: 'osa', expansions: ['obstructive sleep apnea'] },
  { abbr: 'hld', expansions: ['hyperlipidemia'] },
  // tests
  { abbr: 'cbc', expansions: ['complete blood count'] },
  { abbr: 'bmp', expansions: ['basic metabolic panel'] },
  { abbr: 'cmp', expansions: ['comprehensive metabolic panel'] },
  { abbr: 'cxr', expansions: ['chest x-ray', 'chest radiograph'] },
  { abbr: 'ecg', expansions: ['electrocardiogram', 'ecg'] },
  { abbr: 'ekg', expansions: ['electrocardiogram', 'ecg'] },
  { abbr: 'ua', expansions: ['urinalysis'] },
  { abbr: 'a1c', expansions: ['hemoglobin a1c', 'hba1c'] },
  { abbr: 'hba1c', expansions: ['hemoglobin a1c'] },
  { abbr: 'tsh', expansions: ['thyroid stimulating hormone', 'thyroid-stimulating hormone'] },
  {
    abbr: 'lfts',
    expansions: ['liver function tests', 'liver function panel', 'hepatic function panel'],
  },
  { abbr: 'crp', expansions: ['c-reactive protein'] },
  { abbr: 'esr', expansions: ['erythrocyte sedimentation rate'] },
  { abbr: 'pfts', expansions: ['pulmonary function tests', 'spirometry'] },
  { abbr: 'bnp', expansions: ['b-type natriuretic peptide', 'brain natriuretic peptide'] },
  { abbr: 'inr', expansions: ['international normalized ratio', 'prothrombin time'] },
  { abbr: 'us', expansions: ['ultrasound'] },
  { abbr: 'ct', expansions: ['computed tomography', 'ct scan'] },
  { abbr: 'mri', expansions: ['magnetic resonance imaging'] },
  { abbr: 'strep test', expansions: ['rapid strep test', 'rapid antigen detection test'] },
];

/**
 * Abbreviations that are also everyday English words: as a term they match only in capitals
 * (`DOE`, not "does"; `PE`, not "PE teacher"; `AIDS`, not "hearing aids"), whatever the KB lists.
 */
export const CAPITALS_ONLY: ReadonlySet<string> = new Set([
  'doe',
  'pe',
  'ha',
  'cap',
  'cad',
  'gad',
  'us',
  'mi',
  'ms',
  'ed',
  'er',
  'or',
  'ot',
  'pt',
  'ra',
  'ad',
  'am',
  'as',
  'it',
  'in',
  'be',
  'bm',
  'ca',
  'no',
  'on',
  'pa',
  'pm',
  'so',
  'st',
  'to',
  'up',
  'aid',
  'aids',
  'all',
  'arm',
  'bed',
  'dip',
  'fat',
  'lap',
  'mod',
  'pad',
  'sad',
  'tan',
]);
