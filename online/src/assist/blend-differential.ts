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
 * The engine describes only its top conditions (describing all ~200 costs more than the rest of the
 * answer). The conditions it did not describe share a known guideline mass T = (1 − o) − Σ g, which
 * keeps the normalisation exact; `exact` is false when one of them could still reach the list (its
 * score bounded by its model share plus the engine's lowest listed posterior), and the caller then
 * asks the engine for every condition.
 */
import type { AssistDifferentialItem } from '@mediassist/shared/api';
import {
  CANT_MISS_FLOOR,
  type DifferentialItem,
  type DifferentialResult,
} from '@mediassist/shared/diagnosis';
import { URGENCIES, type Condition, type KnowledgeBase, type Urgency } from '@mediassist/shared/kb';
import { ageBand } from '@mediassist/shared/model';

/** The model's weight in the linear pool (the guideline engine has 1 − w). */
export const MODEL_WEIGHT = 0.6;
/** Items at or above this probability set the differential's urgency (as in the guideline engine). */
export const URGENCY_MIN_PROBABILITY = 0.05;

export interface ModelOutput {
  classes: readonly string[];
  probabilities: Float32Array;
}

export interface BlendOptions {
  kb: Pick<KnowledgeBase, 'condition'>;
  /** The engine's result for its top `depth` conditions (plus its can't-miss and red-flag extras). */
  guideline: DifferentialResult;
  /** The `limit` the engine was asked for. */
  depth: number;
  model: ModelOutput | null;
  modelWeight?: number;
  limit: number;
  ruledOut: (condition: Condition) => boolean;
}

export interface BlendedDifferential {
  method: 'model+guidelines' | 'guidelines';
  items: AssistDifferentialItem[];
  otherProbability: number;
  urgency: Urgency;
  /** The same list in the engine's own shape, for `nextQuestions`. */
  engineView: DifferentialResult;
  /** False when a condition the engine did not describe might belong on the list (see above). */
  exact: boolean;
}

const round = (x: number): number => Number(x.toFixed(4));

/** Conditions the guidelines exclude for this patient whatever the evidence. */
export function createRuledOut(patient: {
  age: number | null;
  sex: string | null;
  chronic: readonly string[];
}): (condition: Condition) => boolean {
  const chronic = new Set(patient.chronic);
  const band = patient.age === null ? undefined : ageBand(patient.age);
  const sexes =
    patient.sex === 'female' || patient.sex === 'male'
      ? ([patient.sex] as const)
      : (['female', 'male'] as const);
  return (condition) =>
    (condition.course === 'chronic' && chronic.has(condition.id)) ||
    (band !== undefined && sexes.every((sex) => condition.prior[sex][band] === 0));
}

function itemFrom(options: {
  condition: Condition;
  engine: DifferentialItem | undefined;
  p: number;
  m: number | null;
  g: number;
  because: AssistDifferentialItem['listedBecause'];
}): AssistDifferentialItem {
  const { condition, engine, p, m, g, because } = options;
  return {
    conditionId: condition.id,
    display: condition.display,
    icd10: condition.icd10[0] ?? '',
    label: `Consider ${condition.display}`,
    probability: round(p),
    modelProbability: m === null ? null : round(m),
    guidelineProbability: round(g),
    urgency: condition.urgency,
    cantMiss: condition.cantMiss,
    listedBecause: because,
    supporting: (engine?.supporting ?? []).map((e) => ({
      findingId: e.finding,
      display: e.display,
      likelihoodRatio: e.likelihoodRatio,
    })),
    against: (engine?.against ?? []).map((e) => ({
      findingId: e.finding,
      display: e.display,
      likelihoodRatio: e.likelihoodRatio,
      reason: e.reason,
    })),
    sources: engine?.sources ?? [...condition.sources].sort(),
  };
}

export function blendDifferential(options: BlendOptions): BlendedDifferential {
  const { kb, guideline, depth, model, limit, ruledOut } = options;
  const w = model ? (options.modelWeight ?? MODEL_WEIGHT) : 0;
  const other = guideline.otherProbability;
  const known = other < 1 ? 1 - other : 0;
  const engineItems = new Map(guideline.items.map((item) => [item.condition, item]));
  const modelP = new Map<string, number>();
  model?.classes.forEach((c, i) => modelP.set(c, model.probabilities[i] ?? 0));

  let describedMass = 0;
  let lowestRanked = Number.POSITIVE_INFINITY;
  let ranks = 0;
  for (const item of guideline.items) {
    describedMass += item.probability;
    if (item.listedBecause === 'rank') {
      ranks += 1;
      lowestRanked = Math.min(lowestRanked, item.probability);
    }
  }
  // Fewer ranked items than asked for: the engine described every plausible condition.
  const tailMass = ranks < depth ? 0 : Math.max(0, known - describedMass);
  const tailCap = Math.min(tailMass, lowestRanked);

  interface Scored {
    condition: Condition;
    score: number;
    g: number;
    m: number | null;
    described: boolean;
  }
  const scored: Scored[] = [];
  let total = known > 0 ? ((1 - w) * tailMass) / known : 0;
  const consider = (id: string, described: boolean): void => {
    const condition = kb.condition(id);
    if (!condition || ruledOut(condition)) {
      return;
    }
    const g = engineItems.get(id)?.probability ?? 0;
    const m = modelP.get(id);
    const score = w * (m ?? 0) + (known > 0 ? ((1 - w) * g) / known : 0);
    if (score > 0) {
      scored.push({ condition, score, g, m: model && m !== undefined ? m : null, described });
      total += score;
    }
  };
  for (const id of engineItems.keys()) {
    consider(id, true);
  }
  for (const id of modelP.keys()) {
    if (!engineItems.has(id)) {
      consider(id, false);
    }
  }
  const pOf = (score: number): number => (total > 0 ? (known * score) / total : 0);
  const ranked = scored.sort(
    (a, b) => b.score - a.score || (a.condition.id < b.condition.id ? -1 : 1),
  );

  const flagged = new Set(guideline.redFlags.flatMap((r) => r.consider));
  const listed: AssistDifferentialItem[] = [];
  let exact = true;
  const threshold = ranked.length >= limit ? pOf(ranked[limit - 1]?.score ?? 0) : 0;
  const tailBonus = known > 0 ? ((1 - w) * tailCap) / known : 0;
  ranked.forEach((r, i) => {
    const p = pOf(r.score);
    if (!r.described) {
      // Its guideline share is unknown but at most tailCap: could it be listed?
      const upper = pOf(r.score + tailBonus);
      if (i < limit || upper >= threshold || (r.condition.cantMiss && upper >= CANT_MISS_FLOOR)) {
        exact = false;
      }
    }
    const because =
      i < limit
        ? 'rank'
        : flagged.has(r.condition.id)
          ? 'red-flag'
          : r.condition.cantMiss && Math.max(p, r.g) >= CANT_MISS_FLOOR
            ? 'cant-miss'
            : undefined;
    if (because) {
      const engine = engineItems.get(r.condition.id);
      listed.push(itemFrom({ condition: r.condition, engine, p, m: r.m, g: r.g, because }));
    }
  });
  const urgencies: Urgency[] = [
    ...listed.filter((it) => it.probability >= URGENCY_MIN_PROBABILITY).map((it) => it.urgency),
    ...guideline.redFlags.map((r) => r.escalateTo),
  ];
  return {
    method: model ? 'model+guidelines' : 'guidelines',
    items: listed,
    otherProbability: round(other),
    urgency: URGENCIES.find((u) => urgencies.includes(u)) ?? 'routine',
    engineView: {
      ...guideline,
      items: listed
        .filter((it) => it.listedBecause !== 'cant-miss')
        .map((it) => ({
          condition: it.conditionId,
          display: it.display,
          label: it.label,
          probability: it.probability,
          urgency: it.urgency,
          cantMiss: it.cantMiss,
          listedBecause: it.listedBecause,
          supporting: [],
          against: [],
          sources: it.sources,
        })),
    },
    exact,
  };
}
