export type {
  EncodedColumn,
  EncodedFeatureBatch,
  EncodedViewColumn,
  FeatureState,
  FeatureStatus,
  FeatureWrite,
  FeatureWrites,
  InvalidFeatureProblem,
  OnlineStore,
  PatientFeatures,
  PatientFeatureWrite,
  ReadOptions,
  ViewRef,
  WatermarkStore,
  WriteOutcome,
  WriteSummary,
} from './online-store.js';
export {
  MemoryOnlineStore,
  type MemoryOnlineData,
  type MemoryOnlineStoreOptions,
} from './memory-online-store.js';
export {
  RedisOnlineStore,
  type RedisOnlineStoreClient,
  type RedisOnlineStoreOptions,
} from './redis-online-store.js';
export {
  DEFAULT_KEY_PREFIX,
  createOnlineStoreKeys,
  viewFields,
  watermarkField,
  type OnlineStoreKeys,
} from './redis-keys.js';
export { buildEncodedColumn, columnValue } from './encoded-column.js';
export { MAX_FUTURE_SKEW_MS } from './encode-writes.js';
