/**
 * The assist differential: the model's probabilities blended with the guideline engine's posterior.
 *
 * With o the guideline's "none of the KB conditions" probability, g(c) its posterior and m(c) the
 * model's probability (0 for conditions it lacks), each condition scores
 *   s(c) = w·m(c) + (1 − w)·g(c)/(1 − o)        (w = MODEL_WEIGHT; w = 0 without a model)
 * i.e. a linear pool of the two distributions over "which KB condition", and then
 *   p(c) = (1 − o) · s(c) / Σ s
 * so the share left unexplained stays the guideline engine's (the model has no "none" class).
 * Safety rules the model cannot override: conditions the guidelines rule out for the patient (on the
 * chronic problem list, or with a zero prior for the patient's sex and age band) get 0; conditions
 * named by a fired red flag are always listed; a can't-miss condition is listed whenever either
 * source gives it at least CANT_MISS_FLOOR; urgency comes from items over 5% and fired red flags.
 * Evidence for and against always comes from the knowledge base (the guideline engine).
 *
 * The engine lists only its top conditions (guideline-blend.ts asks for limit + 10 with a model).
 * The conditions it did not list share a known guideline mass T = (1 − o) − Σ g, which keeps the
 * normalisation exact; `exact` is false when one of them could still reach the list (its score
 * bounded by its model share plus the engine's lowest listed posterior), and the caller then asks
 * for more. Evidence is described only for the conditions finally listed.
 */
import type {
  DifferentialItem,
  DifferentialResult,
  FiredRedFlag,
} from '@mediassist/shared/diagnosis';
import type { AgeBand, Condition, KnowledgeBase } from '@mediassist/shared/kb';
import { ageBand } from '@mediassist/shared/model';
import {
  blendCore,
  guidelineTail,
  MODEL_WEIGHT,
  type BlendedDifferential,
  type BlendRanking,
  type Evidence,
  type ModelOutput,
} from './blend-core.js';

export {
  MODEL_WEIGHT,
  URGENCY_MIN_PROBABILITY,
  type BlendedDifferential,
  type ModelOutput,
} from './blend-core.js';

/** The engine's ranking as the blend reads it; a `DifferentialResult` is one. */
export interface GuidelineRanking {
  items: readonly (Pick<DifferentialItem, 'condition' | 'probability' | 'listedBecause'> &
    Partial<Pick<DifferentialItem, 'supporting' | 'against' | 'sources'>>)[];
  otherProbability: number;
  redFlags: readonly FiredRedFlag[];
  findings: DifferentialResult['findings'];
}

export interface BlendOptions {
  kb: Pick<KnowledgeBase, 'condition'>;
  /** The engine's result for its top `depth` conditions (plus its can't-miss and red-flag extras). */
  guideline: GuidelineRanking;
  /** The `limit` the engine was asked for. */
  depth: number;
  model: ModelOutput | null;
  modelWeight?: number;
  limit: number;
  ruledOut: (condition: Condition) => boolean;
  /** Evidence of a listed condition; by default the guideline item's own (a `DifferentialResult`'s). */
  describe?: (conditionId: string) => Evidence | undefined;
}

type BandRates = Condition['prior']['female'];

/**
 * A band's rate read with a constant key: the ruled-out check runs for every condition of every
 * answer, and a lookup by a variable key (`rates[band]`) costs several times more.
 */
export function rateIn(rates: BandRates, band: AgeBand): number {
  switch (band) {
    case '0-4':
      return rates['0-4'];
    case '5-17':
      return rates['5-17'];
    case '18-39':
      return rates['18-39'];
    case '40-64':
      return rates['40-64'];
    case '65+':
      return rates['65+'];
    default:
      return band satisfies never;
  }
}

/** What the ruled-out rule reads of the patient. */
export interface RuledOutPatient {
  age: number | null;
  sex: string | null;
  chronic: readonly string[];
}

/** Conditions the guidelines exclude for this patient whatever the evidence. */
export function createRuledOut(patient: RuledOutPatient): (condition: Condition) => boolean {
  const chronic = new Set(patient.chronic);
  if (patient.age === null) {
    return (condition) => condition.course === 'chronic' && chronic.has(condition.id);
  }
  const band = ageBand(patient.age);
  const sex = patient.sex === 'female' || patient.sex === 'male' ? patient.sex : undefined;
  const zeroPrior = (condition: Condition): boolean =>
    sex === undefined
      ? rateIn(condition.prior.female, band) === 0 && rateIn(condition.prior.male, band) === 0
      : rateIn(sex === 'female' ? condition.prior.female : condition.prior.male, band) === 0;
  return (condition) =>
    (condition.course === 'chronic' && chronic.has(condition.id)) || zeroPrior(condition);
}

export function blendDifferential(options: BlendOptions): BlendedDifferential {
  return rankBlend(options).result();
}

/** The blend's ranking without describing its items yet (see BlendRanking). */
export function rankBlend(options: BlendOptions): BlendRanking {
  const { kb, guideline, depth, model, limit, ruledOut } = options;
  const w = model ? (options.modelWeight ?? MODEL_WEIGHT) : 0;
  const { tailMass, tailCap } = guidelineTail({
    items: guideline.items,
    depth,
    other: guideline.otherProbability,
  });
  // Candidates: the engine's items, then the model's other classes.
  const ids = guideline.items.map((item) => item.condition);
  const engineItems = new Map(guideline.items.map((item) => [item.condition, item]));
  const modelP = new Map<string, number>();
  model?.classes.forEach((c, i) => modelP.set(c, model.probabilities[i] ?? 0));
  for (const id of modelP.keys()) {
    if (!engineItems.has(id)) {
      ids.push(id);
    }
  }
  const described = guideline.items.length;
  const candidates = ids.map((id) => kb.condition(id));
  return blendCore({
    candidates,
    g: ids.map((id) => engineItems.get(id)?.probability ?? 0),
    m: ids.map((id) => modelP.get(id) ?? Number.NaN),
    described: (k) => k < described,
    other: guideline.otherProbability,
    tailMass,
    tailCap,
    hasModel: model !== null,
    w,
    limit,
    ruledOut: (k) => {
      const condition = candidates[k];
      return condition !== undefined && ruledOut(condition);
    },
    redFlags: guideline.redFlags,
    findings: guideline.findings,
    evidence: (k) => {
      const id = ids[k] ?? '';
      if (options.describe) {
        return k < described ? options.describe(id) : undefined;
      }
      const item = engineItems.get(id);
      return item?.supporting && item.against && item.sources
        ? {
            supporting: item.supporting.map((e) => ({
              findingId: e.finding,
              display: e.display,
              likelihoodRatio: e.likelihoodRatio,
            })),
            against: item.against.map((e) => ({
              findingId: e.finding,
              display: e.display,
              likelihoodRatio: e.likelihoodRatio,
              reason: e.reason,
            })),
            sources: item.sources,
          }
        : undefined;
    },
  });
}
