/**
 * The social and reproductive history a clinician takes at a wellness visit, as the KB's history
 * findings (recorded as `social-history` Observations): smoking status every time (former smokers as
 * SNOMED 8517006 Ex-smoker through the tobacco-status Observation), the quit date — written as
 * `recent-former-smoker` when it was within 15 years — menopause for women from 40, high-risk sexual
 * behaviour and hepatitis B risk when asked and present. Positives only: clinicians record what they
 * find. What is recorded is what the practice knows (and what preventive care can act on).
 */
import { isPostmenopausal } from './attribute-states.js';
import { quitWithin15Years } from './patient-attributes.js';
import type { PatientProfile } from './patient-profile.js';
import type { Random } from './random.js';
import type { WorldModel } from './world-model.js';
import { WORLD_PARAMS } from './world-params.js';

/** History findings a service may rely on only once they are on record. */
export const RECORDED_HISTORY_FINDINGS = [
  'recent-former-smoker',
  'postmenopausal',
  'high-risk-sexual-behaviour',
  'hepatitis-b-risk',
] as const;

export interface SocialHistoryRecord {
  finding: number;
  present: boolean;
}

export function socialHistoryAt(options: {
  world: WorldModel;
  profile: PatientProfile;
  age: number;
  /** Attribute findings true for the patient today. */
  attributes: ReadonlySet<number>;
  random: Random;
}): SocialHistoryRecord[] {
  const { world, profile, age, attributes, random } = options;
  const asked = WORLD_PARAMS.socialHistoryAsked;
  const records: SocialHistoryRecord[] = [];
  const add = (id: string, chance: number): void => {
    const fi = world.findingIndex.get(id);
    if (fi !== undefined && attributes.has(fi) && random.chance(chance)) {
      records.push({ finding: fi, present: true });
    }
  };
  if (quitWithin15Years(profile.traits, age)) {
    add('recent-former-smoker', asked.quitDate);
  }
  if (age >= 40 && isPostmenopausal(profile, age)) {
    add('postmenopausal', asked.menopause);
  }
  if (age >= 15) {
    add('high-risk-sexual-behaviour', asked.sexual);
  }
  if (age >= 18) {
    add('hepatitis-b-risk', asked.hepatitisB);
  }
  return records;
}
