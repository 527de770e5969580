/**
 * Findings that keep MediAssist's local code (`urn:mediassist:kb:finding`), each with the reason.
 * The derivation fails when a finding has neither a code nor an entry here, so a new finding must
 * either cite a verified code (./finding-codes.ts) or say why it has none.
 *   composite: the finding joins features or qualifiers no single concept expresses;
 *   unverified: a concept probably exists but its code was not confirmed by a public source;
 *   lab-threshold: a measurement (LOINC) with the KB's threshold, no verified abnormality concept;
 *   test-result: a point-of-care test result, recorded by the test's own code in an EHR.
 */

export type LocalCodeReason = 'composite' | 'unverified' | 'lab-threshold' | 'test-result';

export interface LocalFinding {
  reason: LocalCodeReason;
  note?: string;
}

const R = (reason: LocalCodeReason, ids: readonly string[]): [string, LocalFinding][] =>
  ids.map((id) => [id, { reason }]);

const NOTES: Readonly<Record<string, string>> = {
  'prolonged-morning-stiffness':
    '271706000 was proposed and rejected: public sources show it is Waddling gait',
  'hyperactivity-impulsivity':
    '44548000 (Hyperactivity) appears in one code table only; not confirmed',
  'sudden-visual-loss': '15203004 appears only as a binding in an unreviewed file; not confirmed',
  'positive-pregnancy-test': '250423000 seen once with a truncated display; not confirmed',
  'low-vitamin-d': 'Vitamin D deficiency (34713006) is the disorder, kept for the condition',
  'low-b12': 'Vitamin B12 deficiency is the disorder, kept for the condition',
  'borderline-hba1c':
    'Prediabetes (714628002) is the condition; this finding also covers the diabetic range',
  'recent-former-smoker':
    'no concept for a quit date within 15 years; Ex-smoker (8517006) codes former-smoker',
};

const COMPOSITE = [
  'toxic-appearance',
  'mottled-skin',
  'paroxysmal-cough',
  'tender-cervical-lymphadenopathy',
  'double-sickening',
  'bulging-tympanic-membrane',
  'tragal-tenderness',
  'gritty-eyes',
  'chest-pain-radiating-arm-jaw',
  'exertional-chest-pain',
  'tearing-chest-pain',
  'positional-chest-pain',
  'unequal-arm-pulses',
  'migratory-periumbilical-pain',
  'abdominal-pain-radiating-to-back',
  'peritonism',
  'absolute-constipation',
  'anal-lump-itch',
  'pain-relieved-by-defecation',
  'pale-stools-dark-urine',
  'cloudy-smelly-urine',
  'enlarged-smooth-prostate',
  'hard-irregular-prostate',
  'thick-white-discharge',
  'fishy-odour-discharge',
  'frothy-green-discharge',
  'cervical-motion-tenderness',
  'breast-redness-warmth',
  'painful-genital-ulcers',
  'orbital-headache-autonomic',
  'nocturnal-hand-paraesthesia',
  'band-like-headache',
  'electric-facial-pain',
  'jaw-claudication',
  'hyperactivity-impulsivity',
  'inflammatory-back-pain',
  'hot-swollen-joint',
  'first-mtp-pain',
  'symmetric-small-joint-synovitis',
  'shortened-rotated-leg',
  'lateral-elbow-pain',
  'itch-worse-at-night',
  'dermatomal-rash',
  'localised-swelling-tenderness',
  'honey-crusted-lesions',
  'scaly-plaques',
  'facial-redness',
  'annular-scaly-rash',
  'lip-tongue-swelling',
  'changing-mole',
  'pearly-skin-lesion',
  'greasy-scaly-rash',
  'recent-injury',
  'post-injury-amnesia',
  'new-sexual-partner',
  'active-cancer',
  'nsaid-use',
  'atopic-history',
  'allergen-exposure',
  'previous-vte',
  'family-history-premature-cvd',
  'recent-former-smoker',
  'hepatitis-b-risk',
  'optic-disc-cupping',
];

const UNVERIFIED = [
  'dry-mucous-membranes',
  'heat-intolerance',
  'cold-intolerance',
  'non-blanching-rash',
  'bronchial-breathing',
  'accessory-muscle-use',
  'unable-to-complete-sentences',
  'witnessed-apnoeas',
  'tonsillar-exudate',
  'posterior-cervical-lymphadenopathy',
  'palatal-petechiae',
  'purulent-nasal-discharge',
  'white-oral-plaques',
  'sudden-visual-loss',
  'chest-wall-tenderness',
  'exertional-syncope',
  'unilateral-leg-swelling',
  'calf-tenderness',
  'third-heart-sound',
  'varicose-veins-visible',
  'bloody-diarrhoea',
  'urethral-discharge',
  'missed-period',
  'shoulder-tip-pain',
  'painless-genital-ulcer',
  'vaginal-bleeding-in-pregnancy',
  'thunderclap-headache',
  'glove-stocking-sensory-loss',
  'positional-vertigo',
  'saddle-anaesthesia',
  'prolonged-morning-stiffness',
  'bony-tenderness',
  'widespread-pain',
  'vesicular-rash',
  'erythema-migrans',
  'warty-papules',
  'recent-travel',
  'sick-contact',
  'recent-antibiotics',
  'family-history-glaucoma',
];

const LAB_THRESHOLD = [
  'reduced-peak-flow',
  'severely-elevated-blood-pressure',
  'raised-hba1c',
  'borderline-hba1c',
  'microcytosis',
  'macrocytosis',
  'low-ferritin',
  'raised-tsh',
  'suppressed-tsh',
  'reduced-egfr',
  'raised-ldl',
  'raised-d-dimer',
  'raised-nt-probnp',
  'raised-psa',
  'low-vitamin-d',
  'low-b12',
];

const TEST_RESULT = [
  'urine-dipstick-infection',
  'ketonuria',
  'positive-pregnancy-test',
  'positive-strep-test',
  'positive-influenza-test',
  'positive-covid-test',
];

export const LOCAL_FINDINGS: ReadonlyMap<string, LocalFinding> = new Map(
  [
    ...R('composite', COMPOSITE),
    ...R('unverified', UNVERIFIED),
    ...R('lab-threshold', LAB_THRESHOLD),
    ...R('test-result', TEST_RESULT),
  ].map(([id, entry]): [string, LocalFinding] => {
    const note = NOTES[id];
    return [id, note === undefined ? entry : { ...entry, note }];
  }),
);
