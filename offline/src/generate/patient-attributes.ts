/**
 * History findings that are facts about the patient rather than about one visit (smoking, alcohol,
 * family history, previous clot…): their state comes from the patient, and their KB likelihoods act
 * on how often each condition occurs in that patient (a Bayes-consistent multiplier L/q when present,
 * (1 − L)/(1 − q) when absent, q the attribute's population share).
 */
import type { Sex } from '@mediassist/shared/kb';
import type { Random } from './random.js';

export const SMOKING_STATUSES = ['never', 'former', 'current'] as const;
export type SmokingStatus = (typeof SMOKING_STATUSES)[number];

/** Population share q of each attribute among adults, used for the multipliers. */
export const ATTRIBUTE_SHARE: Readonly<Record<string, number>> = {
  'current-smoker': 0.13,
  'heavy-alcohol-use': 0.06,
  'active-cancer': 0.02,
  'atopic-history': 0.2,
  'sedentary-obesity': 0.3,
  'family-history-crc': 0.05,
  'family-history-breast-cancer': 0.07,
  'family-history-premature-cvd': 0.1,
  'previous-vte': 0.01,
  immunosuppression: 0.02,
  'oestrogen-use': 0.12,
  'raised-bmi': 0.35,
  'low-bmi': 0.02,
};

export const ATTRIBUTE_FINDINGS: readonly string[] = Object.keys(ATTRIBUTE_SHARE);

/** Lifelong traits drawn once per patient (conditions and episodes add the rest at visit time). */
export interface PatientTraits {
  smoking: SmokingStatus;
  heavyDrinker: boolean;
  atopic: boolean;
  sedentary: boolean;
  familyHistoryCrc: boolean;
  familyHistoryBreastCancer: boolean;
  familyHistoryCvd: boolean;
  immunosuppressed: boolean;
  /** Combined pill (young women) or HRT (around menopause), at the end date. */
  oestrogen: boolean;
}

/** CDC NHIS 2021 shapes: current and former smoking by age band; men a little more often. */
export function smokingShares(age: number, sex: Sex): { current: number; former: number } {
  const male = sex === 'male' ? 1.15 : 0.87;
  if (age < 12) {
    return { current: 0, former: 0 };
  }
  if (age < 18) {
    return { current: 0.02, former: 0.01 };
  }
  if (age < 40) {
    return { current: 0.12 * male, former: 0.08 };
  }
  if (age < 65) {
    return { current: 0.15 * male, former: 0.22 };
  }
  return { current: 0.09 * male, former: 0.38 };
}

export function drawTraits(options: {
  age: number;
  sex: Sex;
  obese: boolean;
  random: Random;
}): PatientTraits {
  const { age, sex, obese, random } = options;
  const shares = smokingShares(age, sex);
  const u = random.next();
  const smoking: SmokingStatus =
    u < shares.current ? 'current' : u < shares.current + shares.former ? 'former' : 'never';
  const adult = age >= 18;
  const female = sex === 'female';
  return {
    smoking,
    heavyDrinker: adult && random.chance(sex === 'male' ? 0.05 : 0.025),
    atopic: random.chance(0.08),
    sedentary: adult && random.chance(obese ? 0.55 : 0.22),
    familyHistoryCrc: random.chance(0.05),
    familyHistoryBreastCancer: random.chance(0.07),
    familyHistoryCvd: random.chance(0.1),
    immunosuppressed: random.chance(0.012),
    oestrogen:
      female &&
      ((age >= 16 && age < 45 && random.chance(0.22)) ||
        (age >= 45 && age < 62 && random.chance(0.08))),
  };
}
