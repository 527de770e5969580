/**
 * The synthetic world's parameters: how the "true world" differs from the knowledge base's textbook
 * estimates, and how often people come to the practice. Every number here is documented in the
 * README's "Synthetic data" section; change them together.
 *
 * Sources for the shapes (not the exact values, which are rounded and tuned to a US panel):
 * - visits: CDC NAMCS 2019 (visit rates by age, ~0.6 of presentations reach primary care);
 * - smoking: CDC NHIS 2021 (current/former smokers by age and sex), US Surgeon General 2014
 *   (relative risks of smoking-related disease);
 * - age effects: Norman DC, Clin Infect Dis 2000 (fever blunted in older adults); Jarrett PG et al,
 *   Arch Intern Med 1995 (atypical presentation: confusion, falls, weakness);
 * - seasonality: CDC FluView and NREVSS (influenza, RSV, norovirus), AAAAI pollen calendars;
 * - recurrence: NICE CKS (recurrent UTI, gout flares, migraine, asthma/COPD exacerbations).
 */

export const WORLD_PARAMS = {
  /** SD of the per (condition, finding) log-odds perturbation of the KB likelihood. */
  likelihoodNoiseSd: 0.5,
  /**
   * Associations whose only sources are data-mined co-occurrence (Columbia KB, HSDN) get extra noise
   * and are shrunk (they overstate weak links): extra SD and mean shift in log-odds.
   */
  dataMinedNoiseSd: 0.7,
  dataMinedShift: -0.6,
  dataMinedSources: ['columbia-dskb', 'hsdn'] as readonly string[],
  /** Loading of the per-visit severity latent (N(0,1)) on each finding kind's log-odds. */
  severityLoading: { symptom: 0.7, sign: 1.0, vital: 1.1, lab: 0.8, history: 0 },
  /** Log-odds shifts for patients aged 65+: blunted fever, fewer classic findings, more atypical ones. */
  elderly: {
    minAge: 65,
    feverShift: -1.1,
    classicShift: -0.4,
    classicMinLikelihood: 0.5,
    atypicalShift: 1.2,
    atypicalFindings: [
      'confusion',
      'falls',
      'generalised-weakness',
      'drowsiness',
      'loss-of-appetite',
    ] as readonly string[],
    feverFindings: ['fever', 'chills', 'rigors'] as readonly string[],
  },
  /** Young children: fever more often part of the picture. */
  youngChildFeverShift: 0.5,
  /** Unrelated findings occur at this fraction of their KB base rate. */
  backgroundScale: 0.15,
  /** Probability a present finding is written down, by kind (the chief complaint always is). */
  documentPresent: { symptom: 0.85, sign: 0.8, vital: 0.7, lab: 1, history: 0.55 },
  /** Explicit negatives asked about per acute visit (typical findings of plausible alternatives). */
  negatives: { min: 2, max: 5, alternatives: 3, typicalLikelihood: 0.3 },
  /** Probability that a lab finding associated with the condition gets its test done at the visit. */
  labOrderedAtAcuteVisit: 0.45,
  /** Share of routine acute visits held by video (no exam, no vitals). */
  virtualVisitShare: 0.12,
  /** Share of emergency-urgency presentations seen in the emergency department (class EMER). */
  emergencyDepartmentShare: 0.5,
  /** Fraction of the KB's annual presentations that reach this practice. */
  acuteVisitScale: 0.4,
  /** Extra acute visit rate per active chronic condition (multiplicative, 1 + x·n). */
  acuteBurdenPerChronic: 0.08,
  /** SD of the per-patient log visit propensity (some people consult far more than others). */
  visitPropensitySd: 0.6,
  /** SD of the per-patient log propensity for each recurrent condition. */
  recurrencePropensitySd: 1.0,
  /** Recurrence: rate multiplier 1 + boost·exp(−days/decayDays) after an episode. */
  recurrenceDecayDays: 150,
  /** Chronic follow-up visits per year: base + perCondition·(n − 1), at most max. */
  followUp: { base: 0.6, perCondition: 0.2, max: 3 },
  /** Wellness visits per year by age band, scaled by the patient's adherence. */
  wellnessPerYear: { '0-4': 1.1, '5-17': 0.35, '18-39': 0.18, '40-64': 0.25, '65+': 0.4 },
  /** Logit-normal adherence: mean uptake of a due preventive service at a wellness visit. */
  preventiveUptake: { immunization: 0.62, screening: 0.7, adherenceSd: 1.0 },
  /** Chronic conditions treated with a drug when treatments.json lists one. */
  chronicTreatedShare: 0.8,
  acuteTreatedShare: 0.75,
  /** Add a second-line drug for a treated chronic condition. */
  secondLineShare: 0.25,
} as const;

/** Seasonal conditions: rate × exp(amplitude·cos(2π(month − peak)/12)), normalised to mean 1. */
export const SEASONALITY: Readonly<Record<string, { peakMonth: number; amplitude: number }>> = {
  influenza: { peakMonth: 1, amplitude: 1.8 },
  bronchiolitis: { peakMonth: 0, amplitude: 1.5 },
  'covid-19': { peakMonth: 0, amplitude: 0.7 },
  'upper-respiratory-tract-infection': { peakMonth: 0, amplitude: 0.6 },
  'acute-bronchitis': { peakMonth: 0, amplitude: 0.7 },
  'community-acquired-pneumonia': { peakMonth: 0, amplitude: 0.6 },
  'acute-otitis-media': { peakMonth: 1, amplitude: 0.6 },
  'acute-sinusitis': { peakMonth: 1, amplitude: 0.5 },
  croup: { peakMonth: 10, amplitude: 0.8 },
  'streptococcal-pharyngitis': { peakMonth: 2, amplitude: 0.6 },
  'asthma-exacerbation': { peakMonth: 9, amplitude: 0.4 },
  'copd-exacerbation': { peakMonth: 0, amplitude: 0.6 },
  'acute-gastroenteritis': { peakMonth: 1, amplitude: 0.6 },
  'allergic-conjunctivitis': { peakMonth: 4, amplitude: 1.2 },
  'lyme-disease': { peakMonth: 6, amplitude: 1.8 },
  'otitis-externa': { peakMonth: 7, amplitude: 0.9 },
  'hand-foot-mouth-disease': { peakMonth: 7, amplitude: 1.0 },
  'scarlet-fever': { peakMonth: 2, amplitude: 0.8 },
  'herpes-zoster': { peakMonth: 6, amplitude: 0.2 },
};

/** Onset of these chronic conditions clusters in a season (month of first presentation). */
export const ONSET_SEASONALITY: Readonly<Record<string, { peakMonth: number; amplitude: number }>> =
  {
    'allergic-rhinitis': { peakMonth: 4, amplitude: 1.5 },
  };

/** Recurrent conditions: a latent per-patient propensity and a boost after each episode. */
export const RECURRENCE_BOOST: Readonly<Record<string, number>> = {
  'urinary-tract-infection': 4,
  migraine: 6,
  gout: 6,
  'asthma-exacerbation': 4,
  'copd-exacerbation': 4,
  'tension-type-headache': 3,
  'non-specific-low-back-pain': 2,
  'acute-otitis-media': 3,
  cellulitis: 2,
  'vulvovaginal-candidiasis': 3,
  'bacterial-vaginosis': 3,
  'kidney-stones': 2,
  hypoglycaemia: 3,
  urticaria: 2,
  'contact-dermatitis': 2,
  'biliary-colic': 3,
  diverticulitis: 2,
  'genital-herpes': 3,
  'hordeolum-blepharitis': 2,
  'skin-abscess': 2,
  'acute-sinusitis': 1,
};

/** Conditions that do not recur (organ removed, lifelong immunity). */
export const NO_RECURRENCE: readonly string[] = [
  'acute-appendicitis',
  'chickenpox',
  'testicular-torsion',
  'acute-cholecystitis',
  'infectious-mononucleosis',
];

/** Smoking: odds ratios for current smokers (ex-smokers get the square root). */
export const SMOKING_ODDS: Readonly<Record<string, number>> = {
  copd: 6,
  'lung-cancer': 12,
  'peripheral-arterial-disease': 3,
  'stable-angina': 2,
  'acute-coronary-syndrome': 2.5,
  'ischaemic-stroke': 2,
  'abdominal-aortic-aneurysm': 4,
  'bladder-cancer': 3,
  'oesophagogastric-cancer': 2,
  'pancreatic-cancer': 2,
  'community-acquired-pneumonia': 2,
  'acute-bronchitis': 1.6,
  'copd-exacerbation': 1.8,
  'peptic-ulcer-disease': 1.6,
  'rheumatoid-arthritis': 1.5,
  osteoporosis: 1.5,
};

/** Chronic conditions seen at regular follow-up visits. */
export const FOLLOWED_CONDITIONS: readonly string[] = [
  'hypertension',
  'type-2-diabetes',
  'type-1-diabetes',
  'hyperlipidaemia',
  'chronic-kidney-disease',
  'heart-failure',
  'copd',
  'asthma',
  'hypothyroidism',
  'hyperthyroidism',
  'atrial-fibrillation',
  'stable-angina',
  'depression',
  'generalised-anxiety-disorder',
  'bipolar-disorder',
  'epilepsy',
  'parkinsons-disease',
  'dementia',
  'rheumatoid-arthritis',
  'osteoporosis',
  'hiv-infection',
  'prediabetes',
  'inflammatory-bowel-disease',
  'peripheral-arterial-disease',
];

/** Findings only possible in one sex, and findings with an age range (years). */
export const FINDING_SEX: Readonly<Record<string, 'female' | 'male'>> = {
  'vaginal-discharge': 'female',
  'thick-white-discharge': 'female',
  'fishy-odour-discharge': 'female',
  'frothy-green-discharge': 'female',
  'vulvovaginal-itch': 'female',
  'abnormal-vaginal-bleeding': 'female',
  'postmenopausal-bleeding': 'female',
  'heavy-menstrual-bleeding': 'female',
  dysmenorrhoea: 'female',
  'cervical-motion-tenderness': 'female',
  'missed-period': 'female',
  'irregular-periods': 'female',
  'vaginal-dryness': 'female',
  'vaginal-bleeding-in-pregnancy': 'female',
  'currently-pregnant': 'female',
  'positive-pregnancy-test': 'female',
  'oestrogen-use': 'female',
  'urethral-discharge': 'male',
  'testicular-pain': 'male',
  'scrotal-swelling': 'male',
  'enlarged-smooth-prostate': 'male',
  'hard-irregular-prostate': 'male',
  'erectile-dysfunction': 'male',
  'raised-psa': 'male',
};

export const FINDING_AGES: Readonly<Record<string, { min: number; max?: number }>> = {
  'currently-pregnant': { min: 14, max: 50 },
  'positive-pregnancy-test': { min: 14, max: 50 },
  'vaginal-bleeding-in-pregnancy': { min: 14, max: 50 },
  'missed-period': { min: 12, max: 55 },
  'irregular-periods': { min: 10, max: 55 },
  'heavy-menstrual-bleeding': { min: 10, max: 55 },
  dysmenorrhoea: { min: 10, max: 55 },
  'postmenopausal-bleeding': { min: 45 },
  'erectile-dysfunction': { min: 18 },
  'current-smoker': { min: 12 },
  'heavy-alcohol-use': { min: 14 },
  'new-sexual-partner': { min: 15 },
  'injection-drug-use': { min: 15 },
  'oestrogen-use': { min: 14 },
  'hot-flushes': { min: 35 },
  'vaginal-dryness': { min: 35 },
  'raised-psa': { min: 40 },
};
