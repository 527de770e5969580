/**
 * The synthetic world's scalar parameters: how the "true world" of a primary-care practice differs
 * from the knowledge base's textbook estimates, how visits are documented, and how often people come.
 * Every number here is documented, with its reason, in the README's "Synthetic data" section; change
 * them together. Tables live beside it: seasonality.ts, recurrence.ts, exposure-clusters.ts,
 * comorbidity.ts, age-presentation.ts, finding-constraints.ts.
 *
 * Sources for the shapes (not the exact values, which are rounded and calibrated to a US panel):
 * - spectrum bias: Ransohoff & Feinstein, NEJM 1978; Usher-Smith, Sharp & Griffin, BMJ 2016
 *   (accuracy estimates from hospital populations overstate sensitivity and specificity in primary
 *   care); the KB's data-mined links come from discharge summaries (Wang et al., AMIA 2008) and
 *   literature co-occurrence (Zhou et al., Nat Commun 2014);
 * - case mix: McCormick, Fleming & Charlton, MSGP4 (1995) and CDC NAMCS 2019 consultation rates,
 *   which the KB's priors mix; Green et al., NEJM 2001 (who consults for what);
 * - documentation: Salisbury et al., BJGP 2013 (content of consultations: several problems
 *   per visit, brief records); Rosendal et al., BMC Fam Pract 2017 (many primary-care presentations
 *   stay non-specific or medically unexplained);
 * - visits: CDC NAMCS 2019 (visit rates by age); smoking: CDC NHIS 2021, US Surgeon General 2014.
 */

export const WORLD_PARAMS = {
  /**
   * Spectrum bias: per condition, the KB log-odds are compressed toward `pivotLikelihood` with a slope
   * β ~ N(slopeMean, slopeSd) in [slopeMin, slopeMax] and shifted by α ~ N(shiftMean, shiftSd):
   * classic findings are seen less often, rare ones a little more (less specific).
   */
  spectrum: {
    pivotLikelihood: 0.3,
    slopeMean: 0.65,
    slopeSd: 0.12,
    slopeMin: 0.45,
    slopeMax: 1,
    shiftMean: -0.6,
    shiftSd: 0.35,
  },
  /** SD of the per (condition, finding) log-odds deviation from the KB likelihood. */
  likelihoodNoiseSd: 0.8,
  /**
   * Associations whose only sources are data-mined co-occurrence (Columbia KB, HSDN) get extra noise
   * and are shrunk (hospital co-mentions overstate weak links): extra SD and mean shift in log-odds.
   */
  dataMinedNoiseSd: 1,
  dataMinedShift: -1,
  dataMinedSources: ['columbia-dskb', 'hsdn'] as readonly string[],
  /** SD of each acute condition's log case-mix deviation from the KB prior (mean-one overall). */
  caseMixSd: 0.75,
  /** Loading of the per-visit severity latent (N(0,1)) on each finding kind's log-odds. */
  severityLoading: { symptom: 0.7, sign: 1.0, vital: 1.1, lab: 0.8, history: 0 },
  /** Unrelated findings (other complaints raised at the same visit) at this fraction of their base rate. */
  backgroundScale: 0.35,
  /**
   * What gets written: the chief complaint, then about `extraPresentMean` (Poisson) more of the
   * findings present, at most `maxPresent` in all, chosen at random among the knowable ones.
   */
  documentation: { extraPresentMean: 1.6, maxPresent: 6 },
  /** Probability an unrelated patient attribute (smoking, family history…) is written at a symptom visit. */
  unrelatedAttributeDocumented: 0.05,
  /** Explicit negatives asked about per acute visit (typical findings of plausible alternatives). */
  negatives: { min: 1, max: 4, alternatives: 3, typicalLikelihood: 0.3 },
  /** Probability that a lab finding associated with the condition gets its test done at the visit. */
  labOrderedAtAcuteVisit: 0.3,
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
  recurrencePropensitySd: 1.5,
  /** Recurrence: rate multiplier 1 + boost·exp(−days/decayDays) after an episode. */
  recurrenceDecayDays: 150,
  /** SD of the log deviation of the true chronic → acute odds ratios from the KB's. */
  riskFactorNoiseSd: 0.4,
  /** Chronic follow-up visits per year: base + perCondition·(n − 1), at most max. */
  followUp: { base: 0.6, perCondition: 0.2, max: 3 },
  /** Wellness visits per year by age band, scaled by the patient's adherence. */
  wellnessPerYear: { '0-4': 1.1, '5-17': 0.35, '18-39': 0.18, '40-64': 0.25, '65+': 0.4 },
  /** Logit-normal adherence: mean uptake of a due preventive service at a wellness visit. */
  preventiveUptake: { immunization: 0.62, screening: 0.7, adherenceSd: 1.0 },
  /** Probability that each part of the social history is asked and written at a wellness visit. */
  socialHistoryAsked: { menopause: 0.7, sexual: 0.45, hepatitisB: 0.5, quitDate: 0.8 },
  /** Chronic conditions treated with a drug when treatments.json lists one. */
  chronicTreatedShare: 0.8,
  acuteTreatedShare: 0.75,
  /** Add a second-line drug for a treated chronic condition. */
  secondLineShare: 0.25,
} as const;

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
