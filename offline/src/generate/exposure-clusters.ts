/**
 * Exposures a person carries for years — their work, who they live with, their skin, their sexual
 * life, how their body expresses distress — raise the rate of a whole group of acute conditions at
 * once. Each patient draws one log-normal intensity per cluster (mean one, SD `sd` on the log scale;
 * ×`attributeOdds` more when they have the cluster's patient attribute). A patient's past episodes
 * therefore predict other conditions of the same cluster: structure a model can learn from the
 * history, which the guideline engine (a fixed ×2 for the same condition) cannot.
 */

export interface ExposureCluster {
  id: string;
  /** Acute condition ids whose rate the exposure multiplies. */
  members: readonly string[];
  /** SD of the per-patient log intensity. */
  sd: number;
  /** A patient attribute (finding id) that raises the whole cluster, and by how much. */
  attribute?: { finding: string; odds: number };
  why: string;
  sources: readonly string[];
}

export const EXPOSURE_CLUSTERS: readonly ExposureCluster[] = [
  {
    id: 'manual-work',
    members: [
      'non-specific-low-back-pain',
      'sciatica',
      'neck-pain',
      'shoulder-impingement',
      'lateral-epicondylitis',
      'plantar-fasciitis',
      'contact-dermatitis',
      'corneal-abrasion',
    ],
    sd: 1.17,
    why: 'lifting, repetitive work, irritants and foreign bodies at work',
    sources: [
      'da Costa BR, Vieira ER. Am J Ind Med 2010;53:285-323',
      'Diepgen TL. Int Arch Occup Environ Health 2003;76:331-8',
    ],
  },
  {
    id: 'young-children',
    members: [
      'upper-respiratory-tract-infection',
      'acute-otitis-media',
      'acute-gastroenteritis',
      'infective-conjunctivitis',
      'impetigo',
      'hand-foot-mouth-disease',
      'viral-illness',
      'viral-pharyngitis',
      'streptococcal-pharyngitis',
      'scarlet-fever',
      'chickenpox',
      'scabies',
      'croup',
      'bronchiolitis',
    ],
    sd: 0.78,
    why: 'day care, school, and living or working with young children',
    sources: [
      'Lu N et al. Child Care Health Dev 2004;30:361-8',
      'Byington CL et al. Clin Infect Dis 2015;61:1217-24',
    ],
  },
  {
    id: 'sexual-health',
    members: [
      'chlamydia',
      'gonorrhoea',
      'genital-herpes',
      'syphilis',
      'trichomoniasis',
      'pelvic-inflammatory-disease',
      'bacterial-vaginosis',
      'epididymo-orchitis',
    ],
    sd: 0.91,
    attribute: { finding: 'high-risk-sexual-behaviour', odds: 5 },
    why: 'partners, networks and sexual practices',
    sources: ['Workowski KA et al. MMWR Recomm Rep 2021;70(4):1-187 (CDC STI guidelines)'],
  },
  {
    id: 'atopy',
    members: [
      'urticaria',
      'contact-dermatitis',
      'allergic-conjunctivitis',
      'asthma-exacerbation',
      'acute-sinusitis',
      'anaphylaxis',
    ],
    sd: 0.65,
    attribute: { finding: 'atopic-history', odds: 1.8 },
    why: 'the atopic march: one allergic disease predicts the others',
    sources: ['Spergel JM, Paller AS. J Allergy Clin Immunol 2003;112(6 Suppl):S118-27'],
  },
  {
    id: 'skin-carriage',
    members: ['cellulitis', 'skin-abscess', 'impetigo', 'hordeolum-blepharitis', 'otitis-externa'],
    sd: 0.91,
    why: 'Staphylococcus aureus carriage and a weak skin barrier',
    sources: ['Creech CB, Al-Zubeidi DN, Fritz SA. Infect Dis Clin North Am 2015;29:429-64'],
  },
  {
    id: 'outdoors-and-travel',
    members: ['lyme-disease', 'otitis-externa', 'malaria', 'acute-gastroenteritis'],
    sd: 1.04,
    why: 'outdoor work and recreation (ticks, swimming) and travel',
    sources: ['CDC Lyme disease: ticks and outdoor exposure', 'CDC Yellow Book 2024'],
  },
  {
    id: 'sport-and-injury',
    members: ['ankle-sprain', 'ankle-fracture', 'concussion', 'corneal-abrasion'],
    sd: 0.91,
    why: 'contact and court sports, risk taking',
    sources: ['Fong DT et al. Sports Med 2007;37:73-94'],
  },
  {
    id: 'bodily-distress',
    members: [
      'tension-type-headache',
      'functional-dyspepsia',
      'neck-pain',
      'non-specific-low-back-pain',
      'costochondritis',
      'constipation',
      'benign-paroxysmal-positional-vertigo',
    ],
    sd: 0.78,
    why: 'functional somatic symptoms cluster in the same people',
    sources: ['Fink P, Schröder A. J Psychosom Res 2010;68:415-26'],
  },
];
