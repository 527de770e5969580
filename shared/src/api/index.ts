export { ErrorBodySchema, ErrorDetailSchema, type ErrorBody } from './error-body.js';
export {
  COMPONENT_STATES,
  ComponentStatusSchema,
  LivenessResponseSchema,
  ReadinessResponseSchema,
  type ComponentStatus,
  type LivenessResponse,
  type ReadinessResponse,
} from './health.js';
export {
  KB_ENTRY_TYPES,
  KB_MATCH_FIELDS,
  KbEntryTypeSchema,
  KbSearchHitSchema,
  KbSearchQuerySchema,
  KbSearchResponseSchema,
  KbVersionResponseSchema,
  type KbEntryType,
  type KbSearchHit,
  type KbSearchQuery,
  type KbSearchResponse,
  type KbVersionResponse,
} from './kb-search.js';
export { ROLES, RoleSchema, type Role } from './roles.js';
export {
  PSEUDONYM_IDENTIFIER_SYSTEMS,
  SUMMARIZE_FORMATS,
  SummarizeFhirResponseSchema,
  SummarizeFormatSchema,
  SummarizeRequestSchema,
  SummarizeResponseSchema,
  SummarizeSummaryResponseSchema,
  type SummarizeFhirResponse,
  type SummarizeFormat,
  type SummarizeRequest,
  type SummarizeResponse,
} from './summarize.js';
export {
  ASSIST_MAX_LIMIT,
  AssistRequestSchema,
  AssistVitalSchema,
  type AssistRequest,
  type AssistRequestInput,
  type AssistVital,
} from './assist-request.js';
export {
  ASSIST_FALLBACK_REASONS,
  ASSIST_TIERS,
  ASSIST_VIEW_STATES,
  AssistDifferentialItemSchema,
  AssistResponseSchema,
  type AssistDifferentialItem,
  type AssistFallbackReason,
  type AssistResponse,
  type AssistTier,
  type AssistViewState,
} from './assist-response.js';
export {
  DemoPatientSchema,
  DemoPatientsResponseSchema,
  FeatureFreshnessSchema,
  PatientLookupRequestSchema,
  PatientPathSchema,
  PatientSummaryResponseSchema,
  type DemoPatient,
  type DemoPatientsResponse,
  type FeatureFreshness,
  type PatientLookupRequest,
  type PatientSummaryResponse,
} from './patient-summary.js';
