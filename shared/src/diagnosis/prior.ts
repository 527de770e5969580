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
import { ageBand } from './age-band.js';
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

function ratePer1000(condition: Condition, stratum: PriorStratum): number {
  const sexes: Sex[] = stratum.sex ? [stratum.sex] : ['female', 'male'];
  const bands: [AgeBand, number][] =
    stratum.band === undefined
      ? (Object.entries(AGE_BAND_WEIGHTS) as [AgeBand, number][])
      : [[stratum.band, 1]];
  let total = 0;
  for (const sex of sexes) {
    for (const [band, weight] of bands) {
      total += condition.prior[sex][band] * weight;
    }
  }
  return total / sexes.length;
}

/** What the prior depends on besides the history: sex and age band (undefined: unknown). */
export interface PriorStratum {
  sex?: Sex | undefined;
  band?: AgeBand | undefined;
}

/** Prior probability, or 0 when the condition cannot be a new presentation for this patient. */
export function priorFor(
  condition: Condition,
  patient: PatientInput,
  history: ReadonlySet<string> = new Set(patient.conditions ?? []),
): number {
  const band = patient.age === undefined ? undefined : ageBand(patient.age);
  return priorInStratum(condition, { sex: patient.sex, band }, history);
}

/** `priorFor` by stratum: the same prior for every patient of that sex and age band. */
export function priorInStratum(
  condition: Condition,
  stratum: PriorStratum,
  history: ReadonlySet<string>,
): number {
  return adjustForHistory(condition, baseRate(condition, stratum), history);
}

/** The presentation probability of a stratum before the history (new diagnoses for chronic ones). */
export function baseRate(condition: Condition, stratum: PriorStratum): number {
  const p = Math.min(0.5, ratePer1000(condition, stratum) / 1000);
  return condition.course === 'chronic' ? p * CHRONIC_ONSET_FRACTION : p;
}

/** The prior from a stratum's `baseRate` and the patient's history (see the module comment). */
export function adjustForHistory(
  condition: Condition,
  base: number,
  history: ReadonlySet<string>,
): number {
  const inHistory = history.has(condition.id);
  if (inHistory && condition.course === 'chronic') {
    return 0;
  }
  if (base <= 0) {
    return 0;
  }
  let odds = base / (1 - base);
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
