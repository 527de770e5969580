export { LastDoneSchema, addMonths, isoDay, parseDay, type LastDone } from './care-dates.js';
export {
  recommendTests,
  type RecommendTestsInput,
  type RecommendTestsPatient,
  type RecommendTestsResult,
  type RuleReason,
  type TestRecommendation,
} from './recommend-tests.js';
export {
  CareGapsPatientSchema,
  careGaps,
  isEligible,
  type CareGap,
  type CareGapStatus,
  type CareGapsInput,
  type CareGapsPatient,
  type CareGapsResult,
} from './care-gaps.js';
