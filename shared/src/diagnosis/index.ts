export {
  createDiagnosisEngine,
  nextQuestions,
  rankDifferential,
  type DiagnosisEngine,
} from './diagnosis-engine.js';
export { evaluateRedFlags, type EvaluateRedFlagsOptions } from './red-flags.js';
export {
  CANT_MISS_FLOOR,
  DEFAULT_LIMIT,
  OTHER_SHARE,
  TYPICAL_LIKELIHOOD,
  type RankDifferentialOptions,
} from './rank-differential.js';
export { CHRONIC_ONSET_FRACTION, RECURRENCE_ODDS } from './prior.js';
export type { NextQuestionsOptions } from './next-questions.js';
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
