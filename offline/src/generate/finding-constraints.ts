/**
 * Findings only possible in one sex, findings with an age range (years), and findings of the
 * menstrual cycle and pregnancy, which end at menopause (with the acute conditions that need them).
 */

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
  postmenopausal: 'female',
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
  'former-smoker': { min: 14 },
  'recent-former-smoker': { min: 14 },
  'heavy-alcohol-use': { min: 14 },
  'new-sexual-partner': { min: 15 },
  'high-risk-sexual-behaviour': { min: 15 },
  'injection-drug-use': { min: 15 },
  'oestrogen-use': { min: 14 },
  'hot-flushes': { min: 35 },
  'vaginal-dryness': { min: 35 },
  'raised-psa': { min: 40 },
  postmenopausal: { min: 40 },
};

/** Findings of the menstrual cycle and pregnancy: impossible after menopause. */
export const PREMENOPAUSAL_FINDINGS: readonly string[] = [
  'missed-period',
  'irregular-periods',
  'heavy-menstrual-bleeding',
  'dysmenorrhoea',
  'currently-pregnant',
  'positive-pregnancy-test',
  'vaginal-bleeding-in-pregnancy',
];

/** Acute conditions of the menstrual cycle and pregnancy: no new episodes after menopause. */
export const PREMENOPAUSAL_CONDITIONS: readonly string[] = [
  'pregnancy',
  'hyperemesis-gravidarum',
  'ectopic-pregnancy',
  'miscarriage',
  'pre-eclampsia',
  'dysmenorrhoea',
  'lactational-mastitis',
];
