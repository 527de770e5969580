/**
 * The service's differential: the guideline engine's scores (computed once), listed to a depth,
 * blended with the model, and listed deeper only while a condition the engine did not list could
 * still reach the answer (the rule and its bound: blend-differential.ts). The same blend as
 * `blendCore` over the engine's listing, computed by condition position over typed arrays: the
 * model's probabilities are placed by position once per request, each depth costs one listing by
 * index and a few passes over the conditions, and items (with the engine's evidence) are built
 * once, for the conditions finally listed. Tested equal to ranking, describing and blending.
 */
import {
  CANT_MISS_FLOOR,
  round4,
  type DiagnosisEngine,
  type FiredRedFlag,
  type GuidelineScores,
} from '@mediassist/shared/diagnosis';
import type { Condition } from '@mediassist/shared/kb';
import {
  finishDifferential,
  itemFrom,
  MODEL_WEIGHT,
  type BlendedDifferential,
  type BlendRanking,
  type ModelOutput,
} from './blend-core.js';
import type { RuledOutPatient } from './blend-differential.js';
import { createBlendTables } from './blend-tables.js';
import { createRuledOutTable } from './ruled-out-table.js';

/**
 * With a model, the engine lists this many conditions beyond the requested list, so the blend
 * rarely needs a deeper listing.
 */
export const GUIDELINE_MARGIN = 10;

export interface GuidelineBlendOptions {
  scores: GuidelineScores;
  redFlags: readonly FiredRedFlag[];
  model: ModelOutput | null;
  limit: number;
  /** The patient createRuledOut's rule reads, applied from per-KB tables (ruled-out-table.ts). */
  patient: RuledOutPatient;
}

export type GuidelineBlend = (options: GuidelineBlendOptions) => BlendedDifferential;

const RULED_OUT = 1;

export function createGuidelineBlend(deps: {
  /** The knowledge base's conditions, in the engine's order. */
  conditions: readonly Condition[];
  engine: Pick<DiagnosisEngine, 'listConditions' | 'describeEvidence'>;
}): GuidelineBlend {
  const { conditions, engine } = deps;
  const tables = createBlendTables(conditions);
  const { idRank, cantMiss } = tables;
  const n = conditions.length;
  // Working arrays by condition position, filled afresh by every call (the blend is synchronous and
  // nothing it returns refers to them), instead of allocated per request.
  const mOf = new Float64Array(n);
  const flagged = new Uint8Array(n);
  const verdict = new Uint8Array(n);
  const listed = new Uint8Array(n);
  const g = new Float64Array(n);
  const score = new Float64Array(n);
  const inTop = new Uint8Array(n);

  const ruledOutTable = createRuledOutTable(conditions);

  return ({ scores, redFlags, model, limit, patient }) => {
    const other = round4(scores.otherProbability);
    const known = other < 1 ? 1 - other : 0;
    const w = model ? MODEL_WEIGHT : 0;
    const modelAt = model ? tables.positionsOf(model.classes) : undefined;
    // The model's probability by condition position; NaN where it has no such class.
    mOf.fill(Number.NaN);
    if (model && modelAt) {
      for (let i = 0; i < modelAt.length; i++) {
        const ci = modelAt[i] ?? -1;
        if (ci >= 0) {
          mOf[ci] = model.probabilities[i] ?? 0;
        }
      }
    }
    flagged.fill(0);
    for (const rule of redFlags) {
      for (const id of rule.consider) {
        const ci = tables.position.get(id);
        if (ci !== undefined) {
          flagged[ci] = 1;
        }
      }
    }
    // By condition position, 1 = ruled out for this patient.
    ruledOutTable({ patient, into: verdict });
    const isRuledOut = (ci: number): boolean => verdict[ci] === RULED_OUT;
    // Per depth, reset: listed (described) flags, rounded guideline shares, pooled scores, top
    // flags. So only the last ranking's `result()` may be called (as below).
    const { probability } = scores;
    const before = (a: number, b: number): boolean => {
      const sa = score[a] ?? 0;
      const sb = score[b] ?? 0;
      return sa > sb || (sa === sb && (idRank[a] ?? 0) < (idRank[b] ?? 0));
    };

    // The first `limit` scored conditions in `before` order: topIndexes' insertion with the
    // comparisons written out (a call per comparison cost more than the rest of the selection).
    const keep = Math.max(0, Math.trunc(limit));
    const topByScore = (): number[] => {
      const top: number[] = [];
      if (keep === 0) {
        return top;
      }
      for (let ci = 0; ci < n; ci++) {
        const s = score[ci] ?? 0;
        if (!(s > 0)) {
          continue;
        }
        if (top.length === keep) {
          const last = top[keep - 1] ?? ci;
          const sl = score[last] ?? 0;
          if (!(s > sl || (s === sl && (idRank[ci] ?? 0) < (idRank[last] ?? 0)))) {
            continue;
          }
          top.pop();
        }
        let j = top.length;
        top.push(ci);
        while (j > 0) {
          const prev = top[j - 1] ?? ci;
          const sp = score[prev] ?? 0;
          if (!(s > sp || (s === sp && (idRank[ci] ?? 0) < (idRank[prev] ?? 0)))) {
            break;
          }
          top[j] = prev;
          j -= 1;
        }
        top[j] = ci;
      }
      return top;
    };

    const rank = (depth: number): BlendRanking => {
      const { indexes, ranked } = engine.listConditions({ scores, redFlags, limit: depth });
      listed.fill(0);
      g.fill(0);
      score.fill(0);
      inTop.fill(0);
      // The listed (described) conditions with their rounded guideline share; the others have 0
      // and share the guideline mass the listing leaves (blend-core.ts, guidelineTail).
      let describedMass = 0;
      let lowestRanked = Number.POSITIVE_INFINITY;
      for (let k = 0; k < indexes.length; k++) {
        const ci = indexes[k] ?? 0;
        const gk = round4(probability[ci] ?? 0);
        listed[ci] = 1;
        g[ci] = gk;
        describedMass += gk;
        if (k < ranked && gk < lowestRanked) {
          lowestRanked = gk;
        }
      }
      const tailMass = ranked < depth ? 0 : Math.max(0, known - describedMass);
      const tailCap = Math.min(tailMass, lowestRanked);

      // Scores summed in blendCore's candidate order: the listing, then the model's other classes;
      // s = w·m + (1 − w)·g/known, with the same operations as blendCore.
      let total = known > 0 ? ((1 - w) * tailMass) / known : 0;
      for (let k = 0; k < indexes.length; k++) {
        const ci = indexes[k] ?? 0;
        if (!isRuledOut(ci)) {
          const mk = mOf[ci] ?? Number.NaN;
          const s =
            w * (Number.isNaN(mk) ? 0 : mk) + (known > 0 ? ((1 - w) * (g[ci] ?? 0)) / known : 0);
          if (s > 0) {
            score[ci] = s;
            total += s;
          }
        }
      }
      if (modelAt) {
        for (let i = 0; i < modelAt.length; i++) {
          const ci = modelAt[i] ?? -1;
          if (ci >= 0 && listed[ci] === 0 && !isRuledOut(ci)) {
            const mk = mOf[ci] ?? Number.NaN;
            const s = w * (Number.isNaN(mk) ? 0 : mk) + (known > 0 ? ((1 - w) * 0) / known : 0);
            if (s > 0) {
              score[ci] = s;
              total += s;
            }
          }
        }
      }
      const pOf = (s: number): number => (total > 0 ? (known * s) / total : 0);
      const top = topByScore();
      for (const ci of top) {
        inTop[ci] = 1;
      }
      const last = top[limit - 1];
      const threshold = top.length >= limit && last !== undefined ? pOf(score[last] ?? 0) : 0;
      const tailBonus = known > 0 ? ((1 - w) * tailCap) / known : 0;
      let exact = true;
      for (let ci = 0; ci < n && exact; ci++) {
        const s = score[ci] ?? 0;
        if (s > 0 && listed[ci] === 0) {
          // Its guideline share is unknown but at most tailCap: could it be listed?
          const upper = pOf(s + tailBonus);
          exact = !(
            inTop[ci] === 1 ||
            upper >= threshold ||
            (cantMiss[ci] === 1 && upper >= CANT_MISS_FLOOR)
          );
        }
      }

      const result = (): BlendedDifferential => {
        const extras: number[] = [];
        for (let ci = 0; ci < n; ci++) {
          const s = score[ci] ?? 0;
          if (s <= 0 || inTop[ci] === 1) {
            continue;
          }
          if (flagged[ci] === 1) {
            extras.push(ci);
          } else if (cantMiss[ci] === 1 && Math.max(pOf(s), g[ci] ?? 0) >= CANT_MISS_FLOOR) {
            extras.push(ci);
          }
        }
        extras.sort((a, b) => (before(a, b) ? -1 : 1));
        const items = [...top, ...extras].map((ci) => {
          const condition = conditions[ci];
          if (!condition) {
            throw new Error(`no condition at ${String(ci)}`);
          }
          const mk = mOf[ci] ?? Number.NaN;
          return itemFrom({
            condition,
            engine:
              listed[ci] === 1
                ? engine.describeEvidence({ scores, condition: condition.id })
                : undefined,
            p: pOf(score[ci] ?? 0),
            m: model !== null && !Number.isNaN(mk) ? mk : null,
            g: g[ci] ?? 0,
            because: inTop[ci] === 1 ? 'rank' : flagged[ci] === 1 ? 'red-flag' : 'cant-miss',
          });
        });
        return finishDifferential({
          items,
          hasModel: model !== null,
          other,
          redFlags,
          findings: scores.findings,
          exact,
        });
      };
      return { exact, result };
    };

    let ranking = rank(model ? limit + GUIDELINE_MARGIN : limit);
    for (const depth of [limit * 4 + GUIDELINE_MARGIN, Number.MAX_SAFE_INTEGER]) {
      if (ranking.exact) {
        break;
      }
      ranking = rank(depth);
    }
    return ranking.result();
  };
}
