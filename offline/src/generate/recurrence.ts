/**
 * Recurrent conditions: a latent per-patient propensity (log-normal, WORLD_PARAMS.recurrencePropensitySd)
 * and a boost after each episode, decaying over months (NICE CKS: recurrent UTI, gout flares, migraine,
 * asthma and COPD exacerbations, recurrent otitis media, cellulitis, vulvovaginal candidiasis, bacterial
 * vaginosis, genital herpes, biliary colic, renal colic). Some acute conditions never recur (organ
 * removed, lifelong immunity). The guideline engine instead multiplies the odds of any acute condition
 * seen in the past year by a fixed 2.
 */

export const RECURRENCE_BOOST: Readonly<Record<string, number>> = {
  'urinary-tract-infection': 5,
  migraine: 6,
  gout: 6,
  'asthma-exacerbation': 5,
  'copd-exacerbation': 5,
  'tension-type-headache': 4,
  'non-specific-low-back-pain': 3,
  sciatica: 2,
  'neck-pain': 2,
  'acute-otitis-media': 3,
  cellulitis: 3,
  'vulvovaginal-candidiasis': 4,
  'bacterial-vaginosis': 4,
  'kidney-stones': 2,
  hypoglycaemia: 3,
  urticaria: 2,
  'contact-dermatitis': 3,
  'biliary-colic': 3,
  diverticulitis: 2,
  'genital-herpes': 4,
  'hordeolum-blepharitis': 3,
  'skin-abscess': 3,
  'acute-sinusitis': 1.5,
  'functional-dyspepsia': 2,
  constipation: 2,
  haemorrhoids: 2,
  'benign-paroxysmal-positional-vertigo': 2,
  'oral-candidiasis': 2,
  'aphthous-ulcers': 3,
  'earwax-impaction': 2,
  'shoulder-impingement': 1.5,
  'vasovagal-syncope': 2,
};

/** Conditions that do not recur (organ removed, lifelong immunity). */
export const NO_RECURRENCE: readonly string[] = [
  'acute-appendicitis',
  'chickenpox',
  'testicular-torsion',
  'acute-cholecystitis',
  'infectious-mononucleosis',
];
