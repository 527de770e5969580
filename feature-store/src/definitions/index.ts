export { defineEntity, patient, type Entity } from './entity.js';
export { days, hours, minutes } from './duration.js';
export {
  defineFeatureView,
  type AnyFeatureView,
  type FeatureValueOf,
  type FeatureView,
  type FeatureViewDefinition,
} from './feature-view.js';
export { float32Vector, jsonValue, type ValueEncoding, type ValueType } from './value-type.js';
export { decodeFeatureValue, encodeFeatureValue, type DecodeResult } from './value-codec.js';
export { featureAge, type FeatureAge } from './staleness.js';
export {
  createFeatureRegistry,
  featureRegistry,
  patientFeatureViews,
  type FeatureRegistry,
  type PatientFeatureValues,
  type PatientFeatureView,
  type PatientFeatureViewName,
} from './registry.js';
export { careGaps } from './views/care-gaps.js';
export { conditionHistory } from './views/condition-history.js';
export { demographics } from './views/demographics.js';
export { medicationAlerts } from './views/medication-alerts.js';
export { medicationList } from './views/medication-list.js';
export { PATIENT_EMBEDDING_DIMENSION, patientEmbedding } from './views/patient-embedding.js';
export { recentFindings } from './views/recent-findings.js';
export { recentTests } from './views/recent-tests.js';
export { vitalsLabs } from './views/vitals-labs.js';
