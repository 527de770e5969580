/**
 * How Columbia ranks become likelihoods. Columbia lists each disease's symptoms in order of
 * association strength (no per-symptom counts in the public file), so rank r maps to
 * P(finding | condition) = max(FLOOR, TOP × DECAY^(r − 1)): rank 1 → 0.60, 5 → 0.31, 10 → 0.14,
 * never below 0.10. Used only for pairs the curated tables lack; curated values always win.
 */
export const COLUMBIA_TOP = 0.6;
export const COLUMBIA_DECAY = 0.85;
export const COLUMBIA_FLOOR = 0.1;

export function columbiaLikelihood(rank: number): number {
  const value = COLUMBIA_TOP * COLUMBIA_DECAY ** Math.max(0, rank - 1);
  return Math.round(Math.max(COLUMBIA_FLOOR, value) * 100) / 100;
}
