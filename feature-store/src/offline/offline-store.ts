/**
 * The offline store: every feature snapshot ever written, per view, as Parquet in the lake. Batch
 * jobs and nearline workers append; training reads point-in-time-correct sets; materialization reads
 * the latest value per patient. Implementations: `DuckDbOfflineStore` and `MemoryOfflineStore`.
 */
import type { PatientId } from '@mediassist/shared/ids';
import type { RecordBatch } from 'apache-arrow';
import type { AnyFeatureView, FeatureValueOf } from '../definitions/feature-view.js';
import type { EncodedFeatureBatch } from '../online/online-store.js';

/** One feature value of one patient, valid as of `eventTimestamp` (the producer's data cut-off). */
export interface FeatureRow<TValue> {
  readonly patientId: PatientId;
  readonly eventTimestamp: Date;
  readonly value: TValue;
}

export interface WriteSnapshotOptions<TView extends AnyFeatureView> {
  readonly view: TView;
  readonly rows: readonly FeatureRow<FeatureValueOf<TView>>[];
  /** When the rows were written (`created_at`); defaults to now. Later rows win ties on event time. */
  readonly createdAt?: Date;
}

export interface WriteSnapshotResult {
  readonly rows: number;
  readonly createdAt: Date;
}

export interface ReadLatestOptions {
  readonly views: readonly AnyFeatureView[];
  /** Only rows with `event_timestamp <= asOf` count (default: all). */
  readonly asOf?: Date;
  /** Incremental reads, per view name: only patients whose latest row was created after this time. */
  readonly createdAfter?: ReadonlyMap<string, Date>;
  /** Patients per batch (default 8192; `readLatestEncoded` from DuckDB: 2048). */
  readonly batchSize?: number;
}

/**
 * The latest value per patient and view, as Arrow record batches with the schema of
 * `latestFeaturesSchema(views)`: `patient_id` (Utf8), then per view `<view>` (Binary: the encoded
 * value) and `<view>__as_of` (Timestamp[ms, UTC]); both null where the patient has no row.
 */
export interface LatestFeatures {
  /** Per view name: the highest `created_at` among the rows this read covers (null: no rows). */
  readonly createdAtHigh: ReadonlyMap<string, Date | null>;
  readonly batches: AsyncIterable<RecordBatch>;
}

/** `readLatest` for materialization: the same rows as the online store's pre-encoded batches. */
export interface LatestEncodedFeatures {
  readonly createdAtHigh: ReadonlyMap<string, Date | null>;
  readonly batches: AsyncIterable<EncodedFeatureBatch>;
}

export interface TrainingLabel {
  readonly patientId: PatientId;
  readonly labelTimestamp: Date;
  readonly label: string;
}

/** A feature as a training row sees it: the same states (and staleness rule) as an online read. */
export type TrainingFeature<TValue> =
  | {
      readonly status: 'fresh' | 'stale';
      readonly value: TValue;
      readonly asOf: Date;
      readonly ageMs: number;
    }
  | { readonly status: 'missing' };

export interface TrainingRow<TView extends AnyFeatureView> {
  readonly patientId: PatientId;
  readonly labelTimestamp: Date;
  readonly label: string;
  readonly features: { readonly [V in TView as V['name']]: TrainingFeature<FeatureValueOf<V>> };
}

export interface TrainingSetOptions<TView extends AnyFeatureView> {
  readonly labels: readonly TrainingLabel[];
  readonly views: readonly TView[];
  /** Rows per yielded batch (default 4096). */
  readonly batchSize?: number;
}

export interface OfflineStore {
  /** Appends one snapshot of a view (validated and encoded; atomic: all rows or none). */
  writeSnapshot<TView extends AnyFeatureView>(
    options: WriteSnapshotOptions<TView>,
  ): Promise<WriteSnapshotResult>;
  /** The latest value per patient for some views, streamed as Arrow record batches. */
  readLatest(options: ReadLatestOptions): Promise<LatestFeatures>;
  /** The same rows as `readLatest`, as batches for `OnlineStore.writeEncoded` (materialization). */
  readLatestEncoded(options: ReadLatestOptions): Promise<LatestEncodedFeatures>;
  /**
   * A point-in-time-correct training set: for each label, each view's latest row with
   * `event_timestamp` strictly before `labelTimestamp`. Ordered by patient, then label time.
   */
  trainingSet<TView extends AnyFeatureView>(
    options: TrainingSetOptions<TView>,
  ): AsyncIterable<readonly TrainingRow<TView>[]>;
  /** Releases the engine; call once every stream from this store has finished. */
  close(): Promise<void>;
}
