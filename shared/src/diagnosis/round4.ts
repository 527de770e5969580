/**
 * `Number(x.toFixed(4))` without formatting a string for every number: probabilities are shown to 4
 * places, and the blend rounds every condition's guideline share per request. Near a tie (…5 in the
 * 5th place) and for negative or huge values it defers to `toFixed`, so the result is always the same.
 */
export function round4(x: number): number {
  const t = x * 1e4;
  const fraction = t - Math.floor(t);
  if (!(x >= 0 && t < 1e15) || Math.abs(fraction - 0.5) < 1e-6) {
    return Number(x.toFixed(4));
  }
  return Math.round(t) / 1e4;
}
