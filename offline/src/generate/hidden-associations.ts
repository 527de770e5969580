/**
 * Findings the KB does not list for a condition but which come with it in practice: the general
 * symptoms of being unwell ("sickness behaviour": fatigue, malaise, poor appetite, aches, poor sleep,
 * headache; Dantzer R, Immunol Allergy Clin North Am 2009;29:247-64) and the common symptoms of the
 * body system involved. Textbook and data-mined association lists keep the characteristic findings
 * and leave these out (Wang et al., AMIA 2008 kept each disease's top-ranked symptoms only). Each
 * condition gets a few of them, at modest likelihoods, chosen per world seed: a guideline engine that
 * trusts its lists reads them as evidence for other conditions; a model trained on records learns them.
 */
import type { Condition } from '@mediassist/shared/kb';
import type { Random } from './random.js';

/** General symptoms of illness, any body system. */
export const GENERAL_SYMPTOMS: readonly string[] = [
  'fatigue',
  'malaise',
  'headache',
  'loss-of-appetite',
  'myalgia',
  'insomnia-symptom',
  'dizziness',
  'nausea',
];

/** Common symptoms of each body system. */
export const SYSTEM_SYMPTOMS: Readonly<Record<string, readonly string[]>> = {
  respiratory: ['cough', 'sore-throat', 'rhinorrhoea', 'chest-tightness', 'dyspnoea'],
  ent: ['sore-throat', 'rhinorrhoea', 'cough', 'ear-pain', 'nasal-congestion'],
  infectious: ['cough', 'sore-throat', 'diarrhoea', 'chills', 'rash'],
  cardiovascular: ['chest-pain', 'palpitations', 'dyspnoea', 'dizziness'],
  gastrointestinal: ['abdominal-pain', 'bloating', 'diarrhoea', 'vomiting', 'heartburn'],
  genitourinary: ['abdominal-pain', 'low-back-pain', 'urinary-frequency', 'pelvic-pain'],
  renal: ['abdominal-pain', 'low-back-pain', 'vomiting'],
  reproductive: ['pelvic-pain', 'abdominal-pain', 'low-back-pain'],
  musculoskeletal: ['joint-pain', 'myalgia', 'low-back-pain', 'neck-pain'],
  neurological: ['dizziness', 'neck-pain', 'poor-concentration', 'paraesthesia'],
  dermatological: ['pruritus', 'rash', 'dry-skin'],
  ophthalmological: ['headache', 'watery-eyes', 'blurred-vision'],
  psychiatric: ['insomnia-symptom', 'poor-concentration', 'palpitations'],
  endocrine: ['polyuria', 'weight-gain', 'palpitations'],
  hematological: ['dyspnoea-on-exertion', 'pallor'],
  immunological: ['rash', 'pruritus'],
  general: ['chills', 'diarrhoea'],
  oncological: ['unintentional-weight-loss', 'night-sweats', 'bone-pain'],
};

export interface HiddenAssociation {
  finding: string;
  likelihood: number;
}

/** How many hidden findings a condition gets, and their likelihood range. */
export const HIDDEN = { count: 5, minLikelihood: 0.05, maxLikelihood: 0.4 } as const;

export function drawHiddenAssociations(
  condition: Condition,
  listed: ReadonlySet<string>,
  random: Random,
): HiddenAssociation[] {
  const candidates = [...GENERAL_SYMPTOMS, ...(SYSTEM_SYMPTOMS[condition.bodySystem] ?? [])].filter(
    (id, i, all) => !listed.has(id) && all.indexOf(id) === i,
  );
  const hidden: HiddenAssociation[] = [];
  for (let k = 0; k < HIDDEN.count && candidates.length > 0; k++) {
    const [finding] = candidates.splice(random.int(candidates.length), 1);
    if (finding !== undefined) {
      const { minLikelihood, maxLikelihood } = HIDDEN;
      hidden.push({
        finding,
        likelihood: minLikelihood + random.next() * (maxLikelihood - minLikelihood),
      });
    }
  }
  return hidden;
}
