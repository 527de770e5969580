export { DrugRefSchema, isRxcui, type DrugRef } from './drug-ref.js';
export { createDrugResolver, type DrugResolution, type DrugResolver } from './drug-resolver.js';
export {
  SEVERITY_RANK,
  createInteractionChecker,
  type DrugRole,
  type InteractionCheckInput,
  type InteractionCheckResult,
  type InteractionChecker,
  type InteractionWarning,
  type MatchedDrug,
  type UnresolvedDrug,
} from './interaction-checker.js';
