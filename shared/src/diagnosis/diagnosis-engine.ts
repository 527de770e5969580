/** The guideline-only diagnosis engine for one knowledge base: indexes built once, pure functions after. */
import type { KnowledgeBase } from '../kb/knowledge-base.js';
import { describeCondition } from './describe-condition.js';
import { buildDiagnosisIndex } from './diagnosis-index.js';
import { nextQuestionsWithIndex, type NextQuestionsOptions } from './next-questions.js';
import {
  listWithIndex,
  rankedOrder,
  rankWithIndex,
  type ListDifferentialOptions,
  type ListedCondition,
  type RankDifferentialOptions,
} from './rank-differential.js';
import { evaluateRedFlags } from './red-flags.js';
import { round4 } from './round4.js';
import {
  scoreWithIndex,
  type GuidelineScores,
  type ScoreDifferentialOptions,
} from './score-differential.js';
import type { DifferentialItem, DifferentialResult, FiredRedFlag, NextQuestion } from './types.js';

export interface DescribeConditionOptions {
  scores: GuidelineScores;
  condition: string;
  listedBecause: DifferentialItem['listedBecause'];
}

export interface DiagnosisEngine {
  readonly kbVersion: string;
  rankDifferential(options: RankDifferentialOptions): DifferentialResult;
  /**
   * Every condition's posterior without describing any (what `rankDifferential` ranks): for callers
   * that choose the listed conditions themselves and describe only those.
   */
  scoreDifferential(options: ScoreDifferentialOptions): GuidelineScores;
  /** The conditions `rankDifferential` would list for these scores, without their evidence. */
  listDifferential(options: ListDifferentialOptions): ListedCondition[];
  /** One scored condition as a differential item with its evidence; undefined for an unknown id. */
  describeCondition(options: DescribeConditionOptions): DifferentialItem | undefined;
  nextQuestions(options: NextQuestionsOptions): NextQuestion[];
  evaluateRedFlags(options: {
    findings: { present: readonly string[] };
    age?: number;
  }): FiredRedFlag[];
}

export function createDiagnosisEngine({ kb }: { kb: KnowledgeBase }): DiagnosisEngine {
  const index = buildDiagnosisIndex(kb);
  // The first listing of some scores selects its top partially (most requests list once: ~10 µs
  // against ~45 µs for sorting every condition); listing the same scores again, deeper, sorts them
  // once for every further depth.
  const orders = new WeakMap<GuidelineScores, Int32Array | null>();
  const orderOf = (scores: GuidelineScores): Int32Array | undefined => {
    const known = orders.get(scores);
    if (known === undefined) {
      orders.set(scores, null);
      return undefined;
    }
    if (known === null) {
      const order = rankedOrder(scores.probability);
      orders.set(scores, order);
      return order;
    }
    return known;
  };
  return {
    kbVersion: kb.version,
    rankDifferential: (options) => rankWithIndex(index, options),
    scoreDifferential: (options) => scoreWithIndex(index, options),
    listDifferential: (options) =>
      listWithIndex(index, options, orderOf(options.scores)).map(({ i, because }) => ({
        condition: index.conditionIds[i] ?? '',
        probability: round4(options.scores.probability[i] ?? 0),
        listedBecause: because,
      })),
    describeCondition({ scores, condition, listedBecause }) {
      const i = index.conditionIndex.get(condition);
      if (i === undefined || scores.conditionIds !== index.conditionIds) {
        return undefined;
      }
      const { present, absent } = scores.findings;
      const p = scores.probability[i] ?? 0;
      return describeCondition(index, { i, because: listedBecause, present, absent, p });
    },
    nextQuestions: (options) => nextQuestionsWithIndex(index, options),
    evaluateRedFlags: ({ findings, age }) => evaluateRedFlags({ kb, findings, age }),
  };
}

/** One-off ranking; builds the indexes on every call, so prefer `createDiagnosisEngine` for reuse. */
export function rankDifferential({
  kb,
  ...options
}: RankDifferentialOptions & { kb: KnowledgeBase }): DifferentialResult {
  return rankWithIndex(buildDiagnosisIndex(kb), options);
}

/** One-off next-question search; builds the indexes on every call. */
export function nextQuestions({
  kb,
  ...options
}: NextQuestionsOptions & { kb: KnowledgeBase }): NextQuestion[] {
  return nextQuestionsWithIndex(buildDiagnosisIndex(kb), options);
}
