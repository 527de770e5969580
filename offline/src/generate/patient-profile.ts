/**
 * One patient's lasting state: age and sex like a US primary-care panel (US Census 2020 shape, more
 * women at older ages), traits, chronic conditions with onset dates (comorbidity through the KB's risk
 * factors and smoking), usual drug treatment, drug allergies, and baseline vitals and labs.
 */
import type { AgeBand, Drug, Sex } from '@mediassist/shared/kb';
import { stratumOf } from './chronic-calibration.js';
import { drawTraits, type PatientTraits } from './patient-attributes.js';
import { SMOKING_ODDS } from './comorbidity.js';
import { sigmoid, type Random } from './random.js';
import type { WorldModel } from './world-model.js';
import { WORLD_PARAMS } from './world-params.js';

export const DAY_MS = 86_400_000;
export const YEAR_MS = 365.25 * DAY_MS;

export interface ChronicProblem {
  condition: number;
  onsetMs: number;
  /** Usual drugs (first line, maybe a second-line addition), already free of the patient's allergies. */
  drugs: readonly Drug[];
}

export interface DrugAllergy {
  drug: Drug;
  /** Drug classes never prescribed to this patient. */
  avoidClasses: readonly string[];
  reaction: { code: string; display: string; text: string };
}

export interface PatientProfile {
  index: number;
  id: string;
  sex: Sex;
  birthMs: number;
  ageAtEnd: number;
  traits: PatientTraits;
  heightCm: number;
  bmi: number;
  chronic: readonly ChronicProblem[];
  allergies: readonly DrugAllergy[];
  /** Logit-normal adherence to preventive care, in (0, 1). */
  adherence: number;
  /** Multiplier on all visit rates (mean about 1). */
  visitPropensity: number;
  /** Per exposure cluster (world.clusters order): the patient's log-normal intensity, mean 1. */
  exposure: Float64Array;
}

const AGE_GROUPS: readonly { from: number; to: number; weight: number }[] = [
  { from: 0, to: 5, weight: 0.055 },
  { from: 5, to: 18, weight: 0.15 },
  { from: 18, to: 40, weight: 0.27 },
  { from: 40, to: 65, weight: 0.33 },
  { from: 65, to: 80, weight: 0.145 },
  { from: 80, to: 100, weight: 0.05 },
];

export function ageBandOf(age: number): AgeBand {
  if (age < 5) {
    return '0-4';
  }
  if (age < 18) {
    return '5-17';
  }
  if (age < 40) {
    return '18-39';
  }
  return age < 65 ? '40-64' : '65+';
}

export const BAND_START: Record<AgeBand, number> = {
  '0-4': 0,
  '5-17': 5,
  '18-39': 18,
  '40-64': 40,
  '65+': 65,
};

export const ageAt = (profile: Pick<PatientProfile, 'birthMs'>, ms: number): number =>
  (ms - profile.birthMs) / YEAR_MS;

const ALLERGIES: readonly {
  name: string;
  share: number;
  avoidClasses: readonly string[];
  reaction: DrugAllergy['reaction'];
}[] = [
  {
    name: 'penicillin v',
    share: 0.08,
    avoidClasses: ['penicillin'],
    reaction: { code: '271807003', display: 'Eruption of skin', text: 'rash' },
  },
  {
    name: 'sulfamethoxazole',
    share: 0.03,
    avoidClasses: ['sulfonamide-antibiotic'],
    reaction: { code: '126485001', display: 'Urticaria', text: 'hives' },
  },
  {
    name: 'codeine',
    share: 0.015,
    avoidClasses: [],
    reaction: { code: '422587007', display: 'Nausea', text: 'nausea' },
  },
  {
    name: 'ibuprofen',
    share: 0.012,
    avoidClasses: ['nsaid'],
    reaction: { code: '41291007', display: 'Angioedema', text: 'swelling of the lips' },
  },
  {
    name: 'lisinopril',
    share: 0.01,
    avoidClasses: ['ace-inhibitor'],
    reaction: { code: '49727002', display: 'Cough', text: 'cough' },
  },
];

function drawAge(random: Random): number {
  let u = random.next();
  for (const g of AGE_GROUPS) {
    if (u < g.weight) {
      return g.from + random.next() * (g.to - g.from);
    }
    u -= g.weight;
  }
  return 40 + random.next() * 25;
}

function drawHeight(sex: Sex, random: Random): number {
  return sex === 'male' ? 176 + random.normal() * 7 : 162 + random.normal() * 6.5;
}

/** Height at an age, from the adult height (a coarse growth curve). */
export function heightAt(adultCm: number, age: number): number {
  if (age >= 18) {
    return adultCm;
  }
  if (age < 1) {
    return 50 + 25 * age;
  }
  if (age < 12) {
    return 75 + 6 * (age - 1);
  }
  return 141 + ((adultCm - 141) * (age - 12)) / 6;
}

export interface DrawProfileOptions {
  world: WorldModel;
  index: number;
  endMs: number;
  random: Random;
}

export function drawProfile({ world, index, endMs, random }: DrawProfileOptions): PatientProfile {
  const ageAtEnd = drawAge(random);
  const femaleShare = ageAtEnd < 65 ? 0.51 : ageAtEnd < 80 ? 0.56 : 0.62;
  const sex: Sex = random.chance(femaleShare) ? 'female' : 'male';
  const birthMs = Math.floor((endMs - ageAtEnd * YEAR_MS) / DAY_MS) * DAY_MS;
  const band = ageBandOf(ageAtEnd);
  const stratum = stratumOf(sex, band);
  const present = new Map<number, number>(); // condition index → onset age
  const obeseIndex = world.conditionIndex.get('obesity');
  const preliminaryTraits = drawTraits({ age: ageAtEnd, sex, obese: false, random });
  for (const ci of world.chronicOrder) {
    const base = world.chronicBase.get(ci)?.[stratum] ?? Number.NEGATIVE_INFINITY;
    if (!Number.isFinite(base)) {
      continue;
    }
    const wc = world.conditions[ci];
    if (!wc) {
      continue;
    }
    let x = base;
    let earliest = 0;
    for (const rf of wc.condition.riskFactors) {
      const rfi = world.conditionIndex.get(rf.condition);
      const onset = rfi === undefined ? undefined : present.get(rfi);
      if (onset !== undefined) {
        x += Math.log(rf.oddsRatio);
        earliest = Math.max(earliest, onset);
      }
    }
    const smokingOr = SMOKING_ODDS[wc.condition.id];
    if (smokingOr !== undefined && preliminaryTraits.smoking !== 'never') {
      x += (preliminaryTraits.smoking === 'current' ? 1 : 0.5) * Math.log(smokingOr);
    }
    if (!random.chance(sigmoid(x))) {
      continue;
    }
    const firstBand = (['0-4', '5-17', '18-39', '40-64', '65+'] as const).find(
      (b) => wc.condition.prior[sex][b] > 0,
    );
    const from = Math.min(ageAtEnd, Math.max(BAND_START[firstBand ?? '0-4'], earliest));
    present.set(ci, from + random.next() * (ageAtEnd - from));
  }
  const obese = obeseIndex !== undefined && present.has(obeseIndex);
  const traits = {
    ...preliminaryTraits,
    sedentary: ageAtEnd >= 18 && random.chance(obese ? 0.55 : 0.22),
  };
  const allergies: DrugAllergy[] = [];
  for (const a of ALLERGIES) {
    const drug = world.kb.drugByName(a.name);
    if (drug && random.chance(a.share)) {
      allergies.push({ drug, avoidClasses: a.avoidClasses, reaction: a.reaction });
    }
  }
  const allowed = (d: Drug): boolean =>
    !allergies.some(
      (a) => a.drug.rxcui === d.rxcui || d.classes.some((c) => a.avoidClasses.includes(c)),
    );
  const chronic: ChronicProblem[] = [...present.entries()]
    .sort((a, b) => a[1] - b[1] || a[0] - b[0])
    .map(([ci, onsetAge]) => {
      const t = world.conditions[ci]?.treatments;
      const drugs: Drug[] = [];
      const first = t?.first.filter(allowed) ?? [];
      if (first.length > 0 && random.chance(WORLD_PARAMS.chronicTreatedShare)) {
        drugs.push(random.chance(0.6) ? (first[0] ?? random.pick(first)) : random.pick(first));
        const second = (t?.second ?? []).filter(allowed);
        if (second.length > 0 && random.chance(WORLD_PARAMS.secondLineShare)) {
          drugs.push(random.pick(second));
        }
      }
      return { condition: ci, onsetMs: birthMs + onsetAge * YEAR_MS, drugs };
    });
  const adultHeight = drawHeight(sex, random);
  let bmi: number;
  if (ageAtEnd < 18) {
    bmi = obese ? 25 + random.next() * 5 : (ageAtEnd < 5 ? 16.3 : 18.5) + random.normal() * 1.6;
  } else if (obese) {
    bmi = 30 + Math.min(28, Math.abs(random.normal()) * 5.5);
  } else {
    bmi = random.chance(0.02)
      ? 16.5 + random.next() * 1.9
      : Math.min(29.8, Math.max(18.6, 25.3 + random.normal() * 3));
  }
  return {
    index,
    id: random.uuid(),
    sex,
    birthMs,
    ageAtEnd,
    traits,
    heightCm: adultHeight,
    bmi,
    chronic,
    allergies,
    adherence: sigmoid(0.4 + random.normal() * WORLD_PARAMS.preventiveUptake.adherenceSd),
    visitPropensity: Math.exp(
      random.normal() * WORLD_PARAMS.visitPropensitySd - WORLD_PARAMS.visitPropensitySd ** 2 / 2,
    ),
    exposure: Float64Array.from(world.clusters, (c) =>
      Math.exp(random.normal() * c.sd - (c.sd * c.sd) / 2),
    ),
  };
}

/** Whether the patient has this chronic condition by the given time. */
export function hasChronic(profile: PatientProfile, conditionIndex: number, ms: number): boolean {
  return profile.chronic.some((p) => p.condition === conditionIndex && p.onsetMs <= ms);
}
