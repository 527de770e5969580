export type {
  FeatureRow,
  LatestFeatures,
  OfflineStore,
  ReadLatestOptions,
  TrainingFeature,
  TrainingLabel,
  TrainingRow,
  TrainingSetOptions,
  WriteSnapshotOptions,
  WriteSnapshotResult,
} from './offline-store.js';
export { DuckDbOfflineStore, type DuckDbOfflineStoreOptions } from './duckdb-offline-store.js';
export { MemoryOfflineStore } from './memory-offline-store.js';
export {
  PATIENT_ID_COLUMN,
  latestColumns,
  latestFeaturesSchema,
  latestPatientIds,
  latestViewColumns,
} from './latest-batch.js';
export { snapshotFiles, viewDirectory } from './lake-layout.js';
