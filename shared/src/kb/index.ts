export {
  buildKnowledgeBase,
  loadKnowledgeBase,
  type KbContent,
  type KnowledgeBase,
} from './knowledge-base.js';
export { shippedKbFiles, type KbFiles } from './kb-files.js';
export { checkIntegrity } from './integrity.js';
export { meetsThreshold, thresholdCutOff, type FindingThreshold } from './threshold-cut-off.js';
export {
  AGE_BANDS,
  BODY_SYSTEMS,
  CODE_SYSTEMS,
  DRUG_SYNONYM_KINDS,
  SEVERITIES,
  URGENCIES,
  type AgeBand,
  type Association,
  type Coding,
  type Condition,
  type Drug,
  type DrugSynonym,
  type DrugClass,
  type DrugSelector,
  type Finding,
  type GuidelineRule,
  type Interaction,
  type KbManifest,
  type PreventiveService,
  type RedFlagRule,
  type Severity,
  type Sex,
  type Source,
  type Test,
  type Treatment,
  type Urgency,
} from './schema.js';
