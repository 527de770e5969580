/**
 * How age changes a presentation, as log-odds shifts on the true likelihoods (the KB has one
 * likelihood for every age):
 * - 65 and over: fever blunted, classic findings less often, confusion, falls, weakness, drowsiness
 *   and poor appetite more often (Norman DC, Clin Infect Dis 2000; Jarrett PG et al., Arch Intern Med
 *   1995);
 * - under 4: symptoms a child cannot report (dysuria, headache, sore throat, nausea…) are rarely
 *   recorded, and illness shows as fever, irritability, vomiting, poor feeding and drowsiness
 *   (NICE NG224 urinary tract infection in under-16s; NICE NG143 fever in under-5s).
 */

export const ELDERLY = {
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
} as const;

export const YOUNG_CHILD = {
  maxAge: 4,
  /** Symptoms that need words: much less often recorded. */
  verbalShift: -1.6,
  verbalFindings: [
    'dysuria',
    'urinary-frequency',
    'urinary-urgency',
    'suprapubic-pain',
    'headache',
    'sore-throat',
    'nausea',
    'myalgia',
    'malaise',
    'fatigue',
    'abdominal-pain',
    'ear-pain',
    'photophobia',
    'chest-pain',
    'dizziness',
    'joint-pain',
    'flank-pain',
  ] as readonly string[],
  /** Non-specific signs of illness in a young child: more often. */
  nonSpecificShift: 0.9,
  nonSpecificFindings: [
    'irritability',
    'vomiting',
    'loss-of-appetite',
    'drowsiness',
  ] as readonly string[],
  feverShift: 0.5,
} as const;

/** Log-odds shift of a finding (KB id and kind) for the patient's age. */
export function ageShift(
  finding: { id: string; kind: string },
  kbLikelihood: number,
  age: number,
): number {
  const { id, kind } = finding;
  if (age >= ELDERLY.minAge) {
    if (ELDERLY.feverFindings.includes(id)) {
      return ELDERLY.feverShift;
    }
    if (ELDERLY.atypicalFindings.includes(id)) {
      return ELDERLY.atypicalShift;
    }
    return kbLikelihood >= ELDERLY.classicMinLikelihood && kind !== 'history'
      ? ELDERLY.classicShift
      : 0;
  }
  if (age < YOUNG_CHILD.maxAge) {
    if (id === 'fever') {
      return YOUNG_CHILD.feverShift;
    }
    if (YOUNG_CHILD.verbalFindings.includes(id)) {
      return YOUNG_CHILD.verbalShift;
    }
    return YOUNG_CHILD.nonSpecificFindings.includes(id) ? YOUNG_CHILD.nonSpecificShift : 0;
  }
  return 0;
}
