/**
 * The prior of a condition for one patient, as a probability per presentation-year:
 * - the KB rate per 1,000 for the patient's sex and age band (unknown sex: mean of both; unknown
 *   age: population-weighted mean over bands);
 * - chronic conditions are scaled to new diagnoses (prevalence × CHRONIC_ONSET_FRACTION, about one
 *   over a typical 10-year duration), and are excluded when already on the patient's history;
 * - acute conditions already in the history are more likely to recur (× RECURRENCE_ODDS);
 * - each risk factor in the history multiplies the odds by its odds ratio.
 */
import type { AgeBand, Condition, Sex } from '../kb/schema.js';
import { ageBand } from './diagnosis-index.js';
import type { PatientInput } from './types.js';

export const CHRONIC_ONSET_FRACTION = 0.1;
export const RECURRENCE_ODDS = 2;
/** Approximate population share of each age band (UK/US), for patients of unknown age. */
export const AGE_BAND_WEIGHTS: Record<AgeBand, number> = {
  '0-4': 0.06,
  '5-17': 0.16,
  '18-39': 0.3,
  '40-64': 0.31,
  '65+': 0.17,
};

function ratePer1000(condition: Condition, patient: PatientInput): number {
  const sexes: Sex[] = patient.sex ? [patient.sex] : ['female', 'male'];
  const bands: [AgeBand, number][] =
    patient.age === undefined
      ? (Object.entries(AGE_BAND_WEIGHTS) as [AgeBand, number][])
      : [[ageBand(patient.age), 1]];
  let total = 0;
  for (const sex of sexes) {
    for (const [band, weight] of bands) {
      total += condition.prior[sex][band] * weight;
    }
  }
  return total / sexes.length;
}

/** Prior probability, or 0 when the condition cannot be a new presentation for this patient. */
export function priorFor(
  condition: Condition,
  patient: PatientInput,
  history: ReadonlySet<string> = new Set(patient.conditions ?? []),
): number {
  const inHistory = history.has(condition.id);
  if (inHistory && condition.course === 'chronic') {
    return 0;
  }
  let p = Math.min(0.5, ratePer1000(condition, patient) / 1000);
  if (condition.course === 'chronic') {
    p *= CHRONIC_ONSET_FRACTION;
  }
  if (p <= 0) {
    return 0;
  }
  let odds = p / (1 - p);
  if (inHistory) {
    odds *= RECURRENCE_ODDS;
  }
  for (const rf of condition.riskFactors) {
    if (history.has(rf.condition)) {
      odds *= rf.oddsRatio;
    }
  }
  return odds / (1 + odds);
}
