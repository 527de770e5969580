/**
 * A condition's true finding likelihoods in primary care, from the KB's textbook ones: per condition a
 * spectrum slope β and shift α (earlier, milder presentations: classic findings less often, rare ones
 * a little more), then per (condition, finding) noise — larger, and shrunk, for links only data-mined
 * from hospital records:
 *   trueLogit = logit(pivot) + α + β·(logit(L) − logit(pivot)) + ε,  ε ~ N(0, σ²) (+ data-mined shift).
 */
import { logit, type Random } from './random.js';
import { WORLD_PARAMS } from './world-params.js';

export interface Spectrum {
  slope: number;
  shift: number;
}

const MIN_LOGIT = logit(0.001);
const MAX_LOGIT = logit(0.995);
const { spectrum } = WORLD_PARAMS;
const PIVOT = logit(spectrum.pivotLikelihood);
const DATA_MINED = new Set(WORLD_PARAMS.dataMinedSources);

export function drawSpectrum(random: Random): Spectrum {
  const slope = spectrum.slopeMean + random.normal() * spectrum.slopeSd;
  return {
    slope: Math.min(spectrum.slopeMax, Math.max(spectrum.slopeMin, slope)),
    shift: spectrum.shiftMean + random.normal() * spectrum.shiftSd,
  };
}

/** The true log-odds of one association (clamped to [0.001, 0.995]). */
export function trueLogitOf(
  association: { likelihood: number; sources: readonly string[] },
  s: Spectrum,
  random: Random,
): number {
  let x = PIVOT + s.shift + s.slope * (logit(association.likelihood) - PIVOT);
  x += random.normal() * WORLD_PARAMS.likelihoodNoiseSd;
  if (association.sources.every((source) => DATA_MINED.has(source))) {
    x += WORLD_PARAMS.dataMinedShift + random.normal() * WORLD_PARAMS.dataMinedNoiseSd;
  }
  return Math.min(MAX_LOGIT, Math.max(MIN_LOGIT, x));
}
