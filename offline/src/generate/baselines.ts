/**
 * A patient's usual value of each measurement on a given day, from age, sex, BMI and the chronic
 * conditions active then (diabetics' HbA1c, CKD's eGFR, heart failure's NT-proBNP…), with the
 * visit-to-visit SD. Values outside what the patient's problems explain stay inside the normal range.
 */
import type { Sex } from '@mediassist/shared/kb';

export interface BaselineContext {
  age: number;
  sex: Sex;
  bmi: number;
  /** Ids of chronic conditions active on the day. */
  active: ReadonlySet<string>;
  /** A per-patient number in [0, 1) that keeps a patient's values similar from visit to visit. */
  rank: number;
}

export interface Baseline {
  mean: number;
  sd: number;
}

const within = (lo: number, hi: number, rank: number): number => lo + (hi - lo) * rank;

function paediatricHeartRate(age: number): number {
  return age < 1 ? 130 : age < 2 ? 120 : age < 5 ? 105 : age < 12 ? 90 : 80;
}

function paediatricRespiratoryRate(age: number): number {
  return age < 1 ? 38 : age < 2 ? 30 : age < 5 ? 25 : age < 12 ? 20 : 16;
}

export function baselineFor(loinc: string, ctx: BaselineContext): Baseline {
  const { age, sex, bmi, active, rank } = ctx;
  const has = (id: string): boolean => active.has(id);
  const diabetic = has('type-2-diabetes') || has('type-1-diabetes');
  switch (loinc) {
    case '8310-5':
      return { mean: age >= 65 ? 36.6 : 36.8, sd: 0.25 };
    case '8867-4':
      if (age < 12) {
        return { mean: paediatricHeartRate(age), sd: 10 };
      }
      return {
        mean: has('hyperthyroidism') ? 92 : has('atrial-fibrillation') ? 84 : 66 + 16 * rank,
        sd: 7,
      };
    case '9279-1':
      return { mean: age < 12 ? paediatricRespiratoryRate(age) : has('copd') ? 18 : 15, sd: 1.5 };
    case '2708-6':
      return { mean: has('copd') || has('heart-failure') ? 95 : 97.5, sd: 1 };
    case '8480-6': {
      if (age < 18) {
        return { mean: 95 + age * 1.3, sd: 7 };
      }
      const base = 108 + 0.3 * age + 0.4 * (bmi - 25);
      return { mean: has('hypertension') ? 136 + 14 * rank : Math.min(132, base), sd: 9 };
    }
    case '8462-4':
      return { mean: age < 18 ? 60 : has('hypertension') ? 86 : 76, sd: 6 };
    case '39156-5':
      return { mean: bmi, sd: 0.3 };
    case '4548-4':
      if (has('type-1-diabetes')) {
        return { mean: 7.2 + 1.6 * rank, sd: 0.5 };
      }
      if (has('type-2-diabetes')) {
        return { mean: 6.2 + 2.2 * rank, sd: 0.5 };
      }
      return has('prediabetes')
        ? { mean: 5.8 + 0.5 * rank, sd: 0.15 }
        : { mean: within(4.9, 5.5, rank), sd: 0.1 };
    case '2345-7':
      return diabetic ? { mean: 120 + 90 * rank, sd: 35 } : { mean: 85 + 20 * rank, sd: 10 };
    case '13457-7':
      return has('hyperlipidaemia')
        ? { mean: 100 + 80 * rank, sd: 15 }
        : { mean: within(75, 140, rank), sd: 10 };
    case '2093-3':
      return has('hyperlipidaemia')
        ? { mean: 180 + 80 * rank, sd: 18 }
        : { mean: within(150, 215, rank), sd: 12 };
    case '2085-9':
      return { mean: (sex === 'female' ? 58 : 47) - (bmi > 30 ? 6 : 0), sd: 5 };
    case '2571-8':
      return { mean: diabetic || bmi >= 30 ? 150 + 80 * rank : within(70, 150, rank), sd: 25 };
    case '62238-1': {
      if (has('chronic-kidney-disease')) {
        return { mean: 28 + 28 * rank, sd: 4 };
      }
      return { mean: Math.max(66, 118 - 0.7 * Math.max(0, age - 20) - 8 * rank), sd: 5 };
    }
    case '2160-0': {
      const scale = sex === 'female' ? 0.75 : 0.95;
      return has('chronic-kidney-disease')
        ? { mean: scale * (1.5 + 1 * rank), sd: 0.1 }
        : { mean: Math.min(1.15, scale * (0.85 + 0.25 * rank) + (age > 65 ? 0.1 : 0)), sd: 0.06 };
    }
    case '2823-3':
      return { mean: has('chronic-kidney-disease') ? 4.9 : 4.2, sd: 0.25 };
    case '2951-2':
      return { mean: 140, sd: 1.8 };
    case '718-7':
      if (has('iron-deficiency-anaemia')) {
        return { mean: 10.2 + rank, sd: 0.4 };
      }
      return { mean: sex === 'female' ? 13.1 + rank : 14.4 + 1.3 * rank, sd: 0.4 };
    case '787-2':
      return {
        mean: has('iron-deficiency-anaemia') ? 74 : has('vitamin-b12-deficiency') ? 103 : 89,
        sd: 2.5,
      };
    case '777-3':
      return { mean: within(190, 330, rank), sd: 20 };
    case '6690-2':
      return { mean: within(5, 8.5, rank), sd: 0.8 };
    case '3016-3':
      if (has('hypothyroidism')) {
        return { mean: 2.5 + 3 * rank, sd: 1 };
      }
      return has('hyperthyroidism')
        ? { mean: 0.12, sd: 0.05 }
        : { mean: within(0.9, 3, rank), sd: 0.3 };
    case '1742-6':
      if (has('alcoholic-liver-disease')) {
        return { mean: 55 + 30 * rank, sd: 10 };
      }
      return has('non-alcoholic-fatty-liver-disease')
        ? { mean: 32 + 25 * rank, sd: 8 }
        : { mean: within(14, 30, rank), sd: 4 };
    case '1975-2':
      return { mean: has('alcoholic-liver-disease') ? 1.4 : 0.6, sd: 0.15 };
    case '9318-7':
      if (has('chronic-kidney-disease')) {
        return { mean: 20 + 200 * rank, sd: 25 };
      }
      return diabetic ? { mean: 8 + 40 * rank, sd: 8 } : { mean: within(3, 15, rank), sd: 3 };
    case '2276-4':
      return has('iron-deficiency-anaemia')
        ? { mean: 12, sd: 4 }
        : { mean: within(50, 220, rank), sd: 20 };
    case '1988-5':
      return {
        mean: has('rheumatoid-arthritis') || has('inflammatory-bowel-disease') ? 9 : 2,
        sd: 1.2,
      };
    case '17861-6':
      return { mean: 9.4, sd: 0.25 };
    case '3040-3':
      return { mean: within(25, 60, rank), sd: 8 };
    case '10839-9':
      return { mean: 0.008, sd: 0.004 };
    case '48065-7':
      return { mean: age > 60 ? 380 : 230, sd: 50 };
    case '33762-6':
      return has('heart-failure')
        ? { mean: 900 + 1500 * rank, sd: 250 }
        : { mean: age > 65 ? 180 : 60, sd: 30 };
    case '2857-1':
      if (has('prostate-cancer')) {
        return { mean: 6 + 10 * rank, sd: 1.5 };
      }
      return {
        mean: has('benign-prostatic-hyperplasia') ? 2.8 + rank : 0.5 + 0.03 * Math.max(0, age - 40),
        sd: 0.3,
      };
    case '3084-1':
      return { mean: sex === 'male' ? 5.6 + rank : 4.5 + rank, sd: 0.4 };
    default:
      return { mean: Number.NaN, sd: 0 };
  }
}
