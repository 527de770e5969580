/**
 * History findings that are facts about the patient rather than about one visit (smoking, alcohol,
 * family history, previous clot, menopause, sexual and hepatitis B risk…): their state comes from the
 * patient, and their KB likelihoods act on how often each condition occurs in that patient (a
 * Bayes-consistent multiplier L/q when present, (1 − L)/(1 − q) when absent, q the attribute's
 * population share). Smoking changes over time: a former smoker was a current smoker until they quit.
 */
import type { Sex } from '@mediassist/shared/kb';
import type { Random } from './random.js';

export const SMOKING_STATUSES = ['never', 'former', 'current'] as const;
export type SmokingStatus = (typeof SMOKING_STATUSES)[number];

/** Population share q of each attribute among adults, used for the multipliers. */
export const ATTRIBUTE_SHARE: Readonly<Record<string, number>> = {
  'current-smoker': 0.13,
  'former-smoker': 0.2,
  'recent-former-smoker': 0.08,
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
  postmenopausal: 0.2,
  'high-risk-sexual-behaviour': 0.03,
  'hepatitis-b-risk': 0.015,
  'family-history-glaucoma': 0.03,
};

export const ATTRIBUTE_FINDINGS: readonly string[] = Object.keys(ATTRIBUTE_SHARE);

/** Lifelong traits drawn once per patient (conditions and episodes add the rest at visit time). */
export interface PatientTraits {
  /** Status at the export's end date. */
  smoking: SmokingStatus;
  /** Ever-smokers: age at starting, and (former smokers) age at quitting. */
  smokingStartAge: number;
  smokingQuitAge: number | undefined;
  heavyDrinker: boolean;
  atopic: boolean;
  sedentary: boolean;
  familyHistoryCrc: boolean;
  familyHistoryBreastCancer: boolean;
  familyHistoryCvd: boolean;
  immunosuppressed: boolean;
  /** Combined pill (young women) or HRT (around menopause), at the end date. */
  oestrogen: boolean;
  familyHistoryGlaucoma: boolean;
  /** Women: age at natural menopause (SWAN: median about 51; Gold EB, Am J Epidemiol 2013). */
  menopauseAge: number | undefined;
  /**
   * Ages with high-risk sexual behaviour (partners with STIs, sex work, men who have sex with men;
   * CDC STI guidelines 2021), if any.
   */
  sexualRisk: { from: number; until: number } | undefined;
  /** Household or sexual contact of hepatitis B, or birth where it is common (USPSTF 2020). */
  hepatitisBRisk: boolean;
}

/** Smoking status at an age, from the patient's smoking history. */
export function smokingAt(traits: PatientTraits, age: number): SmokingStatus {
  if (traits.smoking === 'never' || age < traits.smokingStartAge) {
    return 'never';
  }
  return traits.smokingQuitAge !== undefined && age >= traits.smokingQuitAge ? 'former' : 'current';
}

/** Smokers who quit within the past 15 years (USPSTF lung cancer screening 2021). */
export function quitWithin15Years(traits: PatientTraits, age: number): boolean {
  return (
    smokingAt(traits, age) === 'former' &&
    traits.smokingQuitAge !== undefined &&
    age - traits.smokingQuitAge < 15
  );
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
  const smokingStartAge = Math.min(
    age - 0.5,
    13 + random.next() * Math.max(0, Math.min(age, 25) - 14),
  );
  const smokingQuitAge =
    smoking === 'former'
      ? Math.min(age, smokingStartAge + 1 + random.next() * Math.max(0, age - smokingStartAge - 1))
      : undefined;
  const sexualRiskFrom = 15 + random.next() * 20;
  return {
    smoking,
    smokingStartAge,
    smokingQuitAge,
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
    familyHistoryGlaucoma: random.chance(0.03),
    menopauseAge: female ? Math.min(58, Math.max(40, 51 + random.normal() * 3.5)) : undefined,
    sexualRisk: random.chance(sex === 'male' ? 0.08 : 0.05)
      ? { from: sexualRiskFrom, until: sexualRiskFrom + 5 + random.next() * 30 }
      : undefined,
    hepatitisBRisk: random.chance(0.015),
  };
}
