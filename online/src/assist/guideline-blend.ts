/**
 * The service's differential: the guideline engine's scores (computed once), listed to a depth,
 * blended with the model, and listed deeper only while a condition the engine did not list could
 * still reach the answer (the rule and its bound: blend-differential.ts). Candidates are built by
 * condition position (each model's class positions are computed once), listing is cheap, and the
 * engine describes evidence once, for the conditions finally listed.
 */
import {
  round4,
  type DiagnosisEngine,
  type FiredRedFlag,
  type GuidelineScores,
} from '@mediassist/shared/diagnosis';
import type { Condition } from '@mediassist/shared/kb';
import {
  blendCore,
  guidelineTail,
  MODEL_WEIGHT,
  type BlendedDifferential,
  type BlendRanking,
  type ModelOutput,
} from './blend-core.js';

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
  ruledOut: (condition: Condition) => boolean;
}

export type GuidelineBlend = (options: GuidelineBlendOptions) => BlendedDifferential;

const UNKNOWN = 0;
const RULED_OUT = 1;
const ALLOWED = 2;

export function createGuidelineBlend(deps: {
  /** The knowledge base's conditions, in the engine's order. */
  conditions: readonly Condition[];
  engine: Pick<DiagnosisEngine, 'listDifferential' | 'describeCondition'>;
}): GuidelineBlend {
  const { conditions, engine } = deps;
  const position = new Map(conditions.map((c, i) => [c.id, i]));
  const classPositions = new WeakMap<readonly string[], Int32Array>();
  const positionsOf = (classes: readonly string[]): Int32Array => {
    let found = classPositions.get(classes);
    if (!found) {
      found = Int32Array.from(classes, (id) => position.get(id) ?? -1);
      classPositions.set(classes, found);
    }
    return found;
  };

  return ({ scores, redFlags, model, limit, ruledOut }) => {
    const n = conditions.length;
    const other = round4(scores.otherProbability);
    const modelAt = model ? positionsOf(model.classes) : undefined;
    const verdict = new Uint8Array(n);
    const isRuledOut = (ci: number): boolean => {
      if (verdict[ci] === UNKNOWN) {
        const condition = conditions[ci];
        verdict[ci] = condition && ruledOut(condition) ? RULED_OUT : ALLOWED;
      }
      return verdict[ci] === RULED_OUT;
    };

    const rank = (depth: number): BlendRanking => {
      const items = engine.listDifferential({ scores, redFlags, limit: depth });
      // Candidates: the listed conditions, then the model's other classes.
      const at: number[] = [];
      const g: number[] = [];
      const m: number[] = [];
      const candidateOf = new Int32Array(n).fill(-1);
      for (const item of items) {
        const ci = position.get(item.condition) ?? -1;
        candidateOf[ci] = at.length;
        at.push(ci);
        g.push(item.probability);
        m.push(Number.NaN);
      }
      const described = at.length;
      if (model && modelAt) {
        for (let i = 0; i < modelAt.length; i++) {
          const ci = modelAt[i] ?? -1;
          const p = model.probabilities[i] ?? 0;
          const k = ci >= 0 ? (candidateOf[ci] ?? -1) : -1;
          if (k >= 0) {
            m[k] = p;
          } else {
            at.push(ci);
            g.push(0);
            m.push(p);
          }
        }
      }
      const { tailMass, tailCap } = guidelineTail({ items, depth, other });
      return blendCore({
        candidates: at.map((ci) => conditions[ci]),
        g,
        m,
        described: (k) => k < described,
        other,
        tailMass,
        tailCap,
        hasModel: model !== null,
        w: model ? MODEL_WEIGHT : 0,
        limit,
        ruledOut: (k) => isRuledOut(at[k] ?? -1),
        redFlags,
        findings: scores.findings,
        evidence: (k) =>
          k < described
            ? engine.describeCondition({
                scores,
                condition: conditions[at[k] ?? -1]?.id ?? '',
                listedBecause: 'rank',
              })
            : undefined,
      });
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
