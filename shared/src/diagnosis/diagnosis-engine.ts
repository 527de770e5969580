/** The guideline-only diagnosis engine for one knowledge base: indexes built once, pure functions after. */
import type { KnowledgeBase } from '../kb/knowledge-base.js';
import {
  describeCondition,
  describeEvidence,
  type ConditionEvidence,
} from './describe-condition.js';
import { buildDiagnosisIndex } from './diagnosis-index.js';
import {
  createNextQuestions,
  nextQuestionsWithIndex,
  type NextQuestionsOptions,
} from './next-questions.js';
import {
  listWithIndex,
  rankWithIndex,
  type ConditionListing,
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
  /** `listDifferential` by condition index (`scores.conditionIds` order), without objects per item. */
  listConditions(options: ListDifferentialOptions): ConditionListing;
  /** One scored condition as a differential item with its evidence; undefined for an unknown id. */
  describeCondition(options: DescribeConditionOptions): DifferentialItem | undefined;
  /** A scored condition's evidence as answers show it; undefined for an unknown id. */
  describeEvidence(
    options: Omit<DescribeConditionOptions, 'listedBecause'>,
  ): ConditionEvidence | undefined;
  nextQuestions(options: NextQuestionsOptions): NextQuestion[];
  evaluateRedFlags(options: {
    findings: { present: readonly string[] };
    age?: number;
  }): FiredRedFlag[];
}

export function createDiagnosisEngine({ kb }: { kb: KnowledgeBase }): DiagnosisEngine {
  const index = buildDiagnosisIndex(kb);
  const nextQuestions = createNextQuestions(index);
  return {
    kbVersion: kb.version,
    rankDifferential: (options) => rankWithIndex(index, options),
    scoreDifferential: (options) => scoreWithIndex(index, options),
    listDifferential(options) {
      const { indexes, because } = listWithIndex(index, options);
      return Array.from(indexes, (i, k) => ({
        condition: index.conditionIds[i] ?? '',
        probability: round4(options.scores.probability[i] ?? 0),
        listedBecause: because[k] ?? 'rank',
      }));
    },
    listConditions: (options) => listWithIndex(index, options),
    describeCondition({ scores, condition, listedBecause }) {
      const i = index.conditionIndex.get(condition);
      if (i === undefined || scores.conditionIds !== index.conditionIds) {
        return undefined;
      }
      const { present, absent } = scores.findings;
      const p = scores.probability[i] ?? 0;
      return describeCondition(index, { i, because: listedBecause, present, absent, p });
    },
    describeEvidence({ scores, condition }) {
      const i = index.conditionIndex.get(condition);
      if (i === undefined || scores.conditionIds !== index.conditionIds) {
        return undefined;
      }
      const { present, absent } = scores.findings;
      return describeEvidence(index, { i, present, absent });
    },
    nextQuestions,
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
