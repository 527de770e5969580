export {
  createDiagnosisEngine,
  nextQuestions,
  rankDifferential,
  type DescribeConditionOptions,
  type DiagnosisEngine,
} from './diagnosis-engine.js';
export type { ConditionEvidence } from './describe-condition.js';
export { type GuidelineScores, type ScoreDifferentialOptions } from './score-differential.js';
export { orderByProbability } from './order-by-probability.js';
export { round4 } from './round4.js';
export { topIndexes, type TopIndexesOptions } from './top-indexes.js';
export { evaluateRedFlags, type EvaluateRedFlagsOptions } from './red-flags.js';
export {
  CANT_MISS_FLOOR,
  DEFAULT_LIMIT,
  OTHER_SHARE,
  type ConditionListing,
  type ListedBecause,
  TYPICAL_LIKELIHOOD,
  type ListDifferentialOptions,
  type ListedCondition,
  type RankDifferentialOptions,
} from './rank-differential.js';
export { CHRONIC_ONSET_FRACTION, RECURRENCE_ODDS } from './prior.js';
export type { NextQuestionsInput, NextQuestionsOptions } from './next-questions.js';
export type {
  ArguingAgainst,
  DifferentialItem,
  DifferentialResult,
  EvidenceItem,
  FindingsInput,
  FiredRedFlag,
  NextQuestion,
  PatientInput,
} from './types.js';
