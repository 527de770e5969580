/**
 * The cut-off of a measured finding's threshold for a patient's age: the first children's band
 * (`threshold.byAge`) the age falls below, else the adult value; the adult value when the age is
 * unknown. One rule for every tier that reads vital signs (text extractor, generator, evaluation).
 */
import type { Finding } from './schema.js';

export type FindingThreshold = NonNullable<Finding['threshold']>;

export function thresholdCutOff(threshold: FindingThreshold, ageYears?: number): number {
  if (ageYears === undefined) {
    return threshold.value;
  }
  return threshold.byAge?.find((band) => ageYears < band.belowAgeYears)?.value ?? threshold.value;
}

/** True when `value` meets the threshold at this age (`>`, `>=`, `<`, `<=` the cut-off). */
export function meetsThreshold(options: {
  value: number;
  threshold: FindingThreshold;
  ageYears?: number | undefined;
}): boolean {
  const { value, threshold } = options;
  const cutOff = thresholdCutOff(threshold, options.ageYears);
  switch (threshold.comparator) {
    case '>':
      return value > cutOff;
    case '>=':
      return value >= cutOff;
    case '<':
      return value < cutOff;
    case '<=':
      return value <= cutOff;
    default:
      return threshold.comparator satisfies never;
  }
}
