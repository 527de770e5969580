/**
 * The blend itself, over parallel arrays of candidate conditions (see blend-differential.ts for the
 * rule and the safety rules). The top `limit` are found by partial selection, not a full sort; only
 * the listed conditions are turned into items, with evidence from the guideline engine.
 */
import type { AssistDifferentialItem } from '@mediassist/shared/api';
import {
  CANT_MISS_FLOOR,
  round4,
  topIndexes,
  type ConditionEvidence,
  type DifferentialItem,
  type FiredRedFlag,
  type NextQuestionsInput,
} from '@mediassist/shared/diagnosis';
import { URGENCIES, type Condition, type Urgency } from '@mediassist/shared/kb';

/** The model's weight in the linear pool (the guideline engine has 1 − w). */
export const MODEL_WEIGHT = 0.6;
/** Items at or above this probability set the differential's urgency (as in the guideline engine). */
export const URGENCY_MIN_PROBABILITY = 0.05;

export interface ModelOutput {
  classes: readonly string[];
  probabilities: Float32Array;
}

export interface BlendedDifferential {
  method: 'model+guidelines' | 'guidelines';
  items: AssistDifferentialItem[];
  otherProbability: number;
  urgency: Urgency;
  /** The listed items (can't-miss extras aside) and the findings, for `nextQuestions`. */
  engineView: NextQuestionsInput;
  /** False when a condition the engine did not describe might belong on the list. */
  exact: boolean;
}

/** Candidate k: `candidates[k]` with guideline share `g[k]` and model probability `m[k]`. */
export interface BlendCoreInput {
  candidates: readonly (Condition | undefined)[];
  g: ArrayLike<number>;
  /** NaN when the model has no such class (or there is no model). */
  m: ArrayLike<number>;
  /** False for a candidate whose guideline share is unknown (at most `tailCap`). */
  described: (k: number) => boolean;
  /** The guideline's "none of the KB conditions" probability. */
  other: number;
  /** Guideline mass of the conditions not described (0 when every one was). */
  tailMass: number;
  tailCap: number;
  hasModel: boolean;
  w: number;
  limit: number;
  /** True for a candidate the guidelines rule out for this patient (see createRuledOut). */
  ruledOut: (k: number) => boolean;
  redFlags: readonly FiredRedFlag[];
  findings: NextQuestionsInput['findings'];
  /** The guideline engine's evidence and sources for a listed condition. */
  evidence: (k: number) => Evidence | undefined;
}

/** What the engine says for and against a condition, as answers show it. */
export type Evidence = ConditionEvidence;

/** The guideline mass of the conditions a ranking did not list, and the most any one of them has. */
export function guidelineTail(options: {
  items: readonly { probability: number; listedBecause: DifferentialItem['listedBecause'] }[];
  depth: number;
  other: number;
}): { tailMass: number; tailCap: number } {
  const { items, depth, other } = options;
  const known = other < 1 ? 1 - other : 0;
  let describedMass = 0;
  let lowestRanked = Number.POSITIVE_INFINITY;
  let ranks = 0;
  for (const item of items) {
    describedMass += item.probability;
    if (item.listedBecause === 'rank') {
      ranks += 1;
      lowestRanked = Math.min(lowestRanked, item.probability);
    }
  }
  // Fewer ranked items than asked for: the engine listed every plausible condition.
  const tailMass = ranks < depth ? 0 : Math.max(0, known - describedMass);
  return { tailMass, tailCap: Math.min(tailMass, lowestRanked) };
}

/** The blend's ranking; `result()` describes the listed conditions (call it once, when `exact`). */
export interface BlendRanking {
  exact: boolean;
  result(): BlendedDifferential;
}

/** One listed condition as an answer item (evidence from the engine, else the condition's own sources). */
export function itemFrom(options: {
  condition: Condition;
  engine: Evidence | undefined;
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
    probability: round4(p),
    modelProbability: m === null ? null : round4(m),
    guidelineProbability: round4(g),
    urgency: condition.urgency,
    cantMiss: condition.cantMiss,
    listedBecause: because,
    supporting: engine?.supporting ?? [],
    against: engine?.against ?? [],
    sources: engine?.sources ?? [...condition.sources].sort(),
  };
}

export function blendCore(input: BlendCoreInput): BlendRanking {
  const { candidates, g, m, described, other, tailMass, tailCap, hasModel, w, limit } = input;
  const known = other < 1 ? 1 - other : 0;
  const n = candidates.length;
  const score = new Float64Array(n);
  let total = known > 0 ? ((1 - w) * tailMass) / known : 0;
  for (let k = 0; k < n; k++) {
    const condition = candidates[k];
    if (!condition || input.ruledOut(k)) {
      continue;
    }
    const mk = m[k] ?? Number.NaN;
    const s = w * (Number.isNaN(mk) ? 0 : mk) + (known > 0 ? ((1 - w) * (g[k] ?? 0)) / known : 0);
    if (s > 0) {
      score[k] = s;
      total += s;
    }
  }
  const pOf = (s: number): number => (total > 0 ? (known * s) / total : 0);
  const before = (a: number, b: number): boolean => {
    const sa = score[a] ?? 0;
    const sb = score[b] ?? 0;
    return sa > sb || (sa === sb && (candidates[a]?.id ?? '') < (candidates[b]?.id ?? ''));
  };
  const included = (k: number): boolean => (score[k] ?? 0) > 0;
  const top = topIndexes({ size: n, limit, include: included, before });
  const inTop = new Uint8Array(n);
  for (const k of top) {
    inTop[k] = 1;
  }
  const last = top[limit - 1];
  const threshold = top.length >= limit && last !== undefined ? pOf(score[last] ?? 0) : 0;
  const tailBonus = known > 0 ? ((1 - w) * tailCap) / known : 0;
  const flagged = new Set(input.redFlags.flatMap((r) => r.consider));
  const because = new Map<number, AssistDifferentialItem['listedBecause']>();
  const extras: number[] = [];
  let exact = true;
  for (let k = 0; k < n; k++) {
    const condition = candidates[k];
    if (!condition || !included(k)) {
      continue;
    }
    const p = pOf(score[k] ?? 0);
    if (!described(k)) {
      // Its guideline share is unknown but at most tailCap: could it be listed?
      const upper = pOf((score[k] ?? 0) + tailBonus);
      if (
        inTop[k] === 1 ||
        upper >= threshold ||
        (condition.cantMiss && upper >= CANT_MISS_FLOOR)
      ) {
        exact = false;
      }
    }
    if (inTop[k] === 1) {
      because.set(k, 'rank');
    } else if (flagged.has(condition.id)) {
      because.set(k, 'red-flag');
      extras.push(k);
    } else if (condition.cantMiss && Math.max(p, g[k] ?? 0) >= CANT_MISS_FLOOR) {
      because.set(k, 'cant-miss');
      extras.push(k);
    }
  }
  extras.sort((a, b) => (before(a, b) ? -1 : 1));
  const result = (): BlendedDifferential => {
    const listed: AssistDifferentialItem[] = [];
    for (const k of [...top, ...extras]) {
      const condition = candidates[k];
      const why = because.get(k);
      if (condition && why) {
        const mk = m[k] ?? Number.NaN;
        listed.push(
          itemFrom({
            condition,
            engine: input.evidence(k),
            p: pOf(score[k] ?? 0),
            m: hasModel && !Number.isNaN(mk) ? mk : null,
            g: g[k] ?? 0,
            because: why,
          }),
        );
      }
    }
    return finishDifferential({
      items: listed,
      hasModel,
      other,
      redFlags: input.redFlags,
      findings: input.findings,
      exact,
    });
  };
  return { exact, result };
}

/** The differential around its listed items: urgency, the engine's view for next questions. */
export function finishDifferential(options: {
  items: AssistDifferentialItem[];
  hasModel: boolean;
  other: number;
  redFlags: readonly FiredRedFlag[];
  findings: NextQuestionsInput['findings'];
  exact: boolean;
}): BlendedDifferential {
  const { items, hasModel, other, redFlags, findings, exact } = options;
  const urgencies: Urgency[] = [
    ...items.filter((it) => it.probability >= URGENCY_MIN_PROBABILITY).map((it) => it.urgency),
    ...redFlags.map((r) => r.escalateTo),
  ];
  return {
    method: hasModel ? 'model+guidelines' : 'guidelines',
    items,
    otherProbability: round4(other),
    urgency: URGENCIES.find((u) => urgencies.includes(u)) ?? 'routine',
    engineView: {
      items: items
        .filter((it) => it.listedBecause !== 'cant-miss')
        .map((it) => ({
          condition: it.conditionId,
          display: it.display,
          probability: it.probability,
        })),
      findings,
    },
    exact,
  };
}
