/** The attribute findings true for a patient on a day, and how they scale each condition's rate. */
import { quitWithin15Years, smokingAt } from './patient-attributes.js';
import { ageAt, hasChronic, type PatientProfile } from './patient-profile.js';
import type { WorldCondition, WorldModel } from './world-model.js';

const CANCER_EXCLUDED = new Set(['basal-cell-carcinoma']);

export interface AttributeContext {
  world: WorldModel;
  profile: PatientProfile;
  ms: number;
  /** Time of the last episode of each condition (−Infinity when none). */
  lastEpisode: Float64Array;
}

/** Whether a woman is past menopause at this age. */
export function isPostmenopausal(profile: PatientProfile, age: number): boolean {
  const at = profile.traits.menopauseAge;
  return profile.sex === 'female' && at !== undefined && age >= at;
}

export function attributeStates({
  world,
  profile,
  ms,
  lastEpisode,
}: AttributeContext): Set<number> {
  const age = ageAt(profile, ms);
  const has = (id: string): boolean => {
    const ci = world.conditionIndex.get(id);
    return ci !== undefined && hasChronic(profile, ci, ms);
  };
  const episodeBefore = (id: string): boolean => {
    const ci = world.conditionIndex.get(id);
    return (
      ci !== undefined &&
      (lastEpisode[ci] ?? Number.NEGATIVE_INFINITY) < ms &&
      Number.isFinite(lastEpisode[ci] ?? Number.NEGATIVE_INFINITY)
    );
  };
  const t = profile.traits;
  const smoking = smokingAt(t, age);
  const states: Record<string, boolean> = {
    'current-smoker': smoking === 'current' && age >= 12,
    'former-smoker': smoking === 'former',
    'recent-former-smoker': quitWithin15Years(t, age),
    'heavy-alcohol-use':
      age >= 14 &&
      (t.heavyDrinker || has('alcohol-use-disorder') || has('alcoholic-liver-disease')),
    'active-cancer': profile.chronic.some((p) => {
      const c = world.conditions[p.condition]?.condition;
      return c?.bodySystem === 'oncological' && !CANCER_EXCLUDED.has(c.id) && p.onsetMs <= ms;
    }),
    'atopic-history': t.atopic || has('asthma') || has('atopic-eczema') || has('allergic-rhinitis'),
    'sedentary-obesity': t.sedentary && age >= 18,
    'family-history-crc': t.familyHistoryCrc,
    'family-history-breast-cancer': t.familyHistoryBreastCancer,
    'family-history-premature-cvd': t.familyHistoryCvd,
    'family-history-glaucoma': t.familyHistoryGlaucoma,
    'previous-vte': episodeBefore('deep-vein-thrombosis') || episodeBefore('pulmonary-embolism'),
    immunosuppression: t.immunosuppressed || has('hiv-infection'),
    'oestrogen-use': t.oestrogen && age >= 16 && age < 62,
    'raised-bmi': age >= 18 && profile.bmi >= 30,
    'low-bmi': age >= 18 && profile.bmi < 18.5,
    postmenopausal: isPostmenopausal(profile, age),
    'high-risk-sexual-behaviour':
      t.sexualRisk !== undefined && age >= t.sexualRisk.from && age < t.sexualRisk.until,
    'hepatitis-b-risk': t.hepatitisBRisk,
  };
  const result = new Set<number>();
  for (const [id, on] of Object.entries(states)) {
    const fi = world.findingIndex.get(id);
    if (on && fi !== undefined) {
      result.add(fi);
    }
  }
  return result;
}

/**
 * Π over the condition's KB attribute findings of L/q (present) or (1 − L)/(1 − q) (absent), times
 * the true world's odds ratio of each attribute it links to the condition beyond the KB.
 */
export function attributeMultiplier(
  condition: WorldCondition,
  states: ReadonlySet<number>,
): number {
  let m = 1;
  for (const e of condition.attributeEffects) {
    const q = e.share;
    m *= states.has(e.index)
      ? Math.min(30, Math.max(0.05, e.likelihood / q))
      : Math.max(0.05, (1 - e.likelihood) / (1 - q));
  }
  for (const rf of condition.attributeRiskFactors) {
    if (states.has(rf.index)) {
      m *= rf.oddsRatio;
    }
  }
  return m;
}
