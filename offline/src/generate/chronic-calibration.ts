/**
 * Chronic conditions are drawn per patient with odds = base × Π risk-factor odds ratios (KB risk
 * factors among chronic conditions, and smoking). Multiplying the KB prevalence by odds ratios would
 * inflate it, so the base log-odds of each (condition, sex, age band) is solved so that the expected
 * prevalence over the risk factors' own prevalences equals the KB prior (factors taken as independent).
 */
import { AGE_BANDS, type AgeBand, type Condition, type Sex } from '@mediassist/shared/kb';
import { smokingShares } from './patient-attributes.js';
import { logit, sigmoid } from './random.js';

export const SEXES: readonly Sex[] = ['female', 'male'];
export const STRATA = SEXES.length * AGE_BANDS.length;

/** Representative age of each band, for smoking shares. */
const BAND_AGE: Record<AgeBand, number> = {
  '0-4': 2,
  '5-17': 12,
  '18-39': 30,
  '40-64': 52,
  '65+': 74,
};

export const stratumOf = (sex: Sex, band: AgeBand): number =>
  (sex === 'female' ? 0 : AGE_BANDS.length) + AGE_BANDS.indexOf(band);

/** A binary or three-level factor: levels with their probabilities and log odds ratios. */
interface Factor {
  levels: readonly { p: number; logOr: number }[];
}

const MAX_PREVALENCE = 0.9;

function expectedPrevalence(base: number, factors: readonly Factor[]): number {
  let total = 0;
  const walk = (i: number, p: number, shift: number): void => {
    const factor = factors[i];
    if (!factor) {
      total += p * sigmoid(base + shift);
      return;
    }
    for (const level of factor.levels) {
      if (level.p > 0) {
        walk(i + 1, p * level.p, shift + level.logOr);
      }
    }
  };
  walk(0, 1, 0);
  return total;
}

export interface CalibrationInput {
  /** Chronic conditions in assignment order (risk factors before the conditions they affect). */
  ordered: readonly Condition[];
  smokingOdds: Readonly<Record<string, number>>;
}

/** Base log-odds per condition id and stratum (−Infinity where the prior is zero). */
export function calibrateChronicPriors({
  ordered,
  smokingOdds,
}: CalibrationInput): Map<string, Float64Array> {
  const result = new Map<string, Float64Array>();
  const position = new Map(ordered.map((c, i) => [c.id, i]));
  ordered.forEach((condition, ci) => {
    const bases = new Float64Array(STRATA);
    for (const sex of SEXES) {
      for (const band of AGE_BANDS) {
        const target = Math.min(MAX_PREVALENCE, condition.prior[sex][band] / 1000);
        const s = stratumOf(sex, band);
        if (target <= 0) {
          bases[s] = Number.NEGATIVE_INFINITY;
          continue;
        }
        const factors: Factor[] = condition.riskFactors
          .filter((rf) => (position.get(rf.condition) ?? Infinity) < ci)
          .map((rf) => {
            const rfCondition = ordered[position.get(rf.condition) ?? -1];
            const q = rfCondition
              ? Math.min(MAX_PREVALENCE, rfCondition.prior[sex][band] / 1000)
              : 0;
            return {
              levels: [
                { p: q, logOr: Math.log(rf.oddsRatio) },
                { p: 1 - q, logOr: 0 },
              ],
            };
          });
        const smokingOr = smokingOdds[condition.id];
        if (smokingOr !== undefined) {
          const shares = smokingShares(BAND_AGE[band], sex);
          factors.push({
            levels: [
              { p: shares.current, logOr: Math.log(smokingOr) },
              { p: shares.former, logOr: 0.5 * Math.log(smokingOr) },
              { p: 1 - shares.current - shares.former, logOr: 0 },
            ],
          });
        }
        let lo = logit(target) - 12;
        let hi = logit(target) + 1;
        for (let iter = 0; iter < 50; iter++) {
          const mid = (lo + hi) / 2;
          if (expectedPrevalence(mid, factors) < target) {
            lo = mid;
          } else {
            hi = mid;
          }
        }
        bases[s] = (lo + hi) / 2;
      }
    }
    result.set(condition.id, bases);
  });
  return result;
}

/** Chronic conditions ordered so that risk factors come first (cycles broken in KB order). */
export function orderByRiskFactors(chronic: readonly Condition[]): Condition[] {
  const byId = new Map(chronic.map((c) => [c.id, c]));
  const state = new Map<string, 'visiting' | 'done'>();
  const ordered: Condition[] = [];
  const visit = (c: Condition): void => {
    if (state.has(c.id)) {
      return;
    }
    state.set(c.id, 'visiting');
    for (const rf of c.riskFactors) {
      const dep = byId.get(rf.condition);
      if (dep) {
        visit(dep);
      }
    }
    state.set(c.id, 'done');
    ordered.push(c);
  };
  chronic.forEach(visit);
  return ordered;
}
