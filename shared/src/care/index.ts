export { LastDoneSchema, addMonths, isoDay, parseDay, type LastDone } from './care-dates.js';
export {
  createTestRecommender,
  recommendTests,
  type RecommendTestsInput,
  type RecommendTestsPatient,
  type RecommendTestsResult,
  type RuleReason,
  type TestRecommendation,
  type TestRecommender,
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
