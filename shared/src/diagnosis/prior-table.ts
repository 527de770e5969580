/**
 * Priors computed once per knowledge base for each sex × age band (unknown sex and unknown age
 * included): a patient without history gets a stratum's vector as it is; a history changes only the
 * conditions it names and those it is a risk factor of, which are adjusted from the stratum's base
 * rate with `adjustForHistory` (the same arithmetic as `priorFor`).
 */
import type { AgeBand, Condition, Sex } from '../kb/schema.js';
import { adjustForHistory, AGE_BAND_WEIGHTS, baseRate, type PriorStratum } from './prior.js';

export interface StratumPriors {
  /** `baseRate(condition, stratum)` by condition index: the prior before any history. */
  readonly base: Float64Array;
  /** `priorInStratum(condition, stratum, no history)` by condition index. */
  readonly prior: Float64Array;
  /** log of `prior` (−∞ for 0). */
  readonly logPrior: Float64Array;
  /** Sum of `prior` in condition order. */
  readonly total: number;
}

export interface PriorTable {
  stratum(stratum: PriorStratum): StratumPriors;
  /** Conditions whose prior changes when `conditionId` is in the history (it, and those it raises). */
  affectedBy(conditionId: string): readonly number[];
}

const SEXES: readonly (Sex | undefined)[] = ['female', 'male', undefined];
const BANDS: readonly (AgeBand | undefined)[] = [
  ...(Object.keys(AGE_BAND_WEIGHTS) as AgeBand[]),
  undefined,
];
const NO_HISTORY: ReadonlySet<string> = new Set();
const slot = (stratum: PriorStratum): number =>
  SEXES.indexOf(stratum.sex) * BANDS.length + BANDS.indexOf(stratum.band);

export function createPriorTable(conditions: readonly Condition[]): PriorTable {
  const strata: StratumPriors[] = [];
  for (const sex of SEXES) {
    for (const band of BANDS) {
      const base = Float64Array.from(conditions, (c) => baseRate(c, { sex, band }));
      const prior = Float64Array.from(conditions, (c, i) =>
        adjustForHistory(c, base[i] ?? 0, NO_HISTORY),
      );
      let total = 0;
      for (const p of prior) {
        total += p;
      }
      const logPrior = prior.map((p) => (p > 0 ? Math.log(p) : Number.NEGATIVE_INFINITY));
      strata[slot({ sex, band })] = { base, prior, logPrior, total };
    }
  }
  const affected = new Map<string, number[]>();
  const add = (id: string, ci: number): void => {
    const list = affected.get(id) ?? [];
    if (!list.includes(ci)) {
      list.push(ci);
    }
    affected.set(id, list);
  };
  conditions.forEach((c, ci) => {
    add(c.id, ci);
    for (const rf of c.riskFactors) {
      add(rf.condition, ci);
    }
  });
  return {
    stratum(stratum) {
      const found = strata[slot(stratum)];
      if (!found) {
        throw new Error('unknown sex or age band');
      }
      return found;
    },
    affectedBy: (conditionId) => affected.get(conditionId) ?? [],
  };
}
