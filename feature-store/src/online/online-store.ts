/**
 * The online store: the latest value of every feature view per patient, read in one round trip by
 * the online service and written by nearline workers and materialization. Implementations:
 * `RedisOnlineStore` (production) and `MemoryOnlineStore` (tests, local runs).
 */
import type { PatientId } from '@mediassist/shared/ids';
import type { AnyFeatureView, FeatureValueOf } from '../definitions/feature-view.js';
import type { FeatureRegistry, PatientFeatureView } from '../definitions/registry.js';

/** One view's value for one patient, as of the time the producer had seen data up to. */
export interface FeatureWrite<TValue> {
  readonly value: TValue;
  readonly asOf: Date;
}

export type FeatureWrites<TView extends AnyFeatureView> = {
  readonly [V in TView as V['name']]?: FeatureWrite<FeatureValueOf<V>>;
};

export interface PatientFeatureWrite<TView extends AnyFeatureView> {
  readonly patientId: PatientId;
  readonly features: FeatureWrites<TView>;
}

/** Per view: written, or skipped because the store already holds a newer value (or a newer version). */
export interface WriteOutcome<TName extends string> {
  readonly written: TName[];
  readonly skipped: TName[];
}

export interface WriteSummary {
  readonly patients: number;
  /** View values stored. */
  readonly written: number;
  /** View values not stored because a newer one (or a newer version) was already there. */
  readonly skipped: number;
}

/** Bytes of many variable-length values: value `i` is `bytes[offsets[i] .. offsets[i + 1])` (Arrow's layout). */
export interface EncodedColumn {
  readonly bytes: Uint8Array;
  readonly offsets: Int32Array;
}

export interface EncodedViewColumn {
  readonly view: AnyFeatureView;
  /** Values already encoded with `encodeFeatureValue` (not re-validated by the store). */
  readonly values: EncodedColumn;
  /** `as_of` per row in epoch ms; NaN where the row has no value for this view. */
  readonly asOfMs: Float64Array;
}

/** A columnar batch of pre-encoded values (what materialization streams): `rows` patients. */
export interface EncodedFeatureBatch {
  readonly rows: number;
  /** UTF-8 patient ids (`pt_` + 32 hex); checked by the store before any key is built. */
  readonly patientIds: EncodedColumn;
  readonly views: readonly EncodedViewColumn[];
  /**
   * The same values row by row, when the batch was read that way (materialization): writers that
   * build one command per patient use it instead of the columns, which are then never built.
   */
  readonly byRow?: EncodedFeatureRows;
}

/** A batch's values row by row: each patient's id and values in one byte string. */
export interface EncodedFeatureRows {
  readonly rows: number;
  readonly views: readonly AnyFeatureView[];
  /** Per row: the patient id's UTF-8 bytes, then the value of each present view, in `views` order. */
  readonly payloads: readonly Uint8Array[];
  /** Per row: the patient id's length in bytes. */
  readonly idLengths: Int32Array;
  /** `rows × views.length`, view k of row r at `r * views.length + k`: value length, -1 when absent. */
  readonly lengths: Int32Array;
  /** The same layout: as_of in epoch ms (NaN when absent). */
  readonly asOfMs: Float64Array;
}

/** Why a stored value was not served. None of these carry the stored bytes. */
export type InvalidFeatureProblem =
  | 'incomplete'
  | 'version_malformed'
  | 'as_of_malformed'
  | 'value_malformed'
  | 'value_schema_mismatch';

/** One view's state at read time. Only `fresh` and `stale` carry a value; the caller decides on `stale`. */
export type FeatureState<TValue> =
  | {
      readonly status: 'fresh';
      readonly value: TValue;
      readonly asOf: Date;
      readonly ageMs: number;
      readonly version: number;
    }
  | {
      readonly status: 'stale';
      readonly value: TValue;
      readonly asOf: Date;
      readonly ageMs: number;
      readonly version: number;
      readonly maxStalenessMs: number;
    }
  | { readonly status: 'missing' }
  | {
      readonly status: 'incompatible';
      readonly storedVersion: number;
      readonly expectedVersion: number;
      readonly asOf: Date | null;
    }
  | { readonly status: 'invalid'; readonly problem: InvalidFeatureProblem };

export type FeatureStatus = FeatureState<unknown>['status'];

export interface PatientFeatures<TView extends AnyFeatureView> {
  readonly patientId: PatientId;
  /** The `now` the staleness of every view was judged against. */
  readonly readAt: Date;
  readonly features: { readonly [V in TView as V['name']]: FeatureState<FeatureValueOf<V>> };
}

export interface ReadOptions {
  /** Judge staleness against this time (defaults to the current time). */
  readonly now?: Date;
}

/** Materialization watermarks, kept beside the features so an emptied store also forgets them. */
export interface WatermarkStore {
  get(view: ViewRef): Promise<Date | null>;
  set(view: ViewRef, at: Date): Promise<void>;
}

/** Watermarks are per version of a view: a new version starts from nothing. */
export type ViewRef = Pick<AnyFeatureView, 'name' | 'version'>;

/** `OnlineStore` alone means the store of every registered patient view. */
export interface OnlineStore<TView extends AnyFeatureView = PatientFeatureView> {
  /** The views this store reads (names, versions, staleness limits, encodings). */
  readonly registry: FeatureRegistry<TView>;
  readonly watermarks: WatermarkStore;
  /**
   * Writes some views of one patient. Per view the newest value wins: a value with an older
   * `asOf` than the stored one (same version) or an older version is skipped, not stored.
   */
  write(patientId: PatientId, features: FeatureWrites<TView>): Promise<WriteOutcome<TView['name']>>;
  /** `write` for many patients in one pipelined round trip. */
  writeMany(batch: readonly PatientFeatureWrite<TView>[]): Promise<WriteSummary>;
  /** Writes pre-encoded values (materialization); same newest-wins rule, no value re-validation. */
  writeEncoded(batch: EncodedFeatureBatch): Promise<WriteSummary>;
  /** Every requested view of one patient in one round trip, each judged fresh / stale / missing / …. */
  read<TName extends TView['name'] = TView['name']>(
    patientId: PatientId,
    viewNames?: readonly TName[],
    options?: ReadOptions,
  ): Promise<PatientFeatures<Extract<TView, { name: TName }>>>;
  /** Removes everything stored for the patient; true when there was something. */
  delete(patientId: PatientId): Promise<boolean>;
}
