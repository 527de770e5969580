/** The Arrow schema of `readLatest` batches, and building them from raw bytes without per-value objects. */
import {
  Binary,
  Field,
  makeData,
  RecordBatch,
  Schema,
  Struct,
  TimestampMillisecond,
  Utf8,
  type Data,
} from 'apache-arrow';
import { AppError } from '@mediassist/shared/errors';
import type { AnyFeatureView } from '../definitions/feature-view.js';
import type { EncodedFeatureBatch } from '../online/online-store.js';

export const PATIENT_ID_COLUMN = 'patient_id';

export function latestColumns(viewName: string): { value: string; asOf: string } {
  return { value: viewName, asOf: `${viewName}__as_of` };
}

export function latestFeaturesSchema(views: readonly AnyFeatureView[]): Schema {
  return new Schema([
    new Field(PATIENT_ID_COLUMN, new Utf8(), false),
    ...views.flatMap((view) => {
      const columns = latestColumns(view.name);
      return [
        new Field(columns.value, new Binary(), true),
        new Field(columns.asOf, new TimestampMillisecond('UTC'), true),
      ];
    }),
  ]);
}

/** One view's column of a batch under construction: bytes appended row by row. */
export class LatestViewColumnBuilder {
  readonly #offsets: Int32Array;
  readonly #validity: Uint8Array;
  readonly #asOf: BigInt64Array;
  /** The same memory as `#asOf`, as 32-bit halves: int64s written without creating BigInts. */
  readonly #asOfHalves: Int32Array;
  #bytes: Uint8Array;
  #used = 0;
  #nulls = 0;

  constructor(rows: number, expectedBytes = rows * 64) {
    this.#offsets = new Int32Array(rows + 1);
    this.#validity = new Uint8Array(Math.ceil(rows / 8));
    this.#asOf = new BigInt64Array(rows);
    this.#asOfHalves = new Int32Array(this.#asOf.buffer);
    this.#bytes = new Uint8Array(Math.max(expectedBytes, 16));
  }

  /** Sets row `row` (rows in order) to `source[start .. end)`, or to null when `asOfMs` is NaN. */
  set(options: {
    row: number;
    source: Uint8Array;
    start: number;
    end: number;
    asOfMs: number;
  }): void {
    const { row, source, start, end, asOfMs } = options;
    if (Number.isNaN(asOfMs)) {
      this.#nulls += 1;
    } else {
      this.#reserve(end - start);
      const bytes = this.#bytes;
      let used = this.#used;
      if (end - start < 48) {
        for (let i = start; i < end; i++) {
          bytes[used++] = source[i] ?? 0;
        }
      } else {
        bytes.set(source.subarray(start, end), used);
        used += end - start;
      }
      this.#used = used;
      this.#validity[row >> 3] = (this.#validity[row >> 3] ?? 0) | (1 << (row & 7));
      writeInt64({ halves: this.#asOfHalves, index: row, value: asOfMs });
    }
    this.#offsets[row + 1] = this.#used;
  }

  build(rows: number): { value: Data<Binary>; asOf: Data<TimestampMillisecond> } {
    const nullBitmap = this.#nulls > 0 ? this.#validity : new Uint8Array(0);
    return {
      value: makeData({
        type: new Binary(),
        length: rows,
        nullCount: this.#nulls,
        nullBitmap,
        valueOffsets: this.#offsets.subarray(0, rows + 1),
        data: this.#bytes.subarray(0, this.#used),
      }),
      asOf: makeData({
        type: new TimestampMillisecond('UTC'),
        length: rows,
        nullCount: this.#nulls,
        nullBitmap,
        data: this.#asOf.subarray(0, rows),
      }),
    };
  }

  #reserve(extra: number): void {
    if (this.#used + extra <= this.#bytes.length) {
      return;
    }
    const grown = new Uint8Array(Math.max(this.#bytes.length * 2, this.#used + extra));
    grown.set(this.#bytes.subarray(0, this.#used));
    this.#bytes = grown;
  }
}

const TWO_32 = 2 ** 32;
const littleEndianHost = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Writes a non-negative safe integer into an int64 slot given as two 32-bit halves. */
function writeInt64(options: { halves: Int32Array; index: number; value: number }): void {
  const { halves, index, value } = options;
  const high = Math.floor(value / TWO_32);
  const low = value - high * TWO_32;
  halves[2 * index + (littleEndianHost ? 0 : 1)] = low | 0;
  halves[2 * index + (littleEndianHost ? 1 : 0)] = high;
}

/** Reads a non-negative int64 given as two 32-bit halves. */
function readInt64(halves: Int32Array, index: number): number {
  const low = (halves[2 * index + (littleEndianHost ? 0 : 1)] ?? 0) >>> 0;
  const high = halves[2 * index + (littleEndianHost ? 1 : 0)] ?? 0;
  return high * TWO_32 + low;
}

/** Assembles a batch from patient ids (UTF-8, in row order) and one built column pair per view. */
export function assembleLatestBatch(options: {
  views: readonly AnyFeatureView[];
  patientIds: { bytes: Uint8Array; offsets: Int32Array };
  columns: readonly { value: Data<Binary>; asOf: Data<TimestampMillisecond> }[];
  rows: number;
}): RecordBatch {
  const { views, patientIds, columns, rows } = options;
  const schema = latestFeaturesSchema(views);
  const children: Data[] = [
    makeData({
      type: new Utf8(),
      length: rows,
      valueOffsets: patientIds.offsets,
      data: patientIds.bytes,
    }),
    ...columns.flatMap((c) => [c.value, c.asOf]),
  ];
  return new RecordBatch(
    schema,
    makeData({ type: new Struct(schema.fields), length: rows, children }),
  );
}

/** The raw columns of one view in a latest batch, without copying (offsets index into `bytes`). */
export function latestViewColumns(
  batch: RecordBatch,
  viewName: string,
): { bytes: Uint8Array; offsets: Int32Array; asOfMs: Float64Array } {
  const names = latestColumns(viewName);
  const value = batch.getChild(names.value)?.data[0];
  const asOf = batch.getChild(names.asOf)?.data[0];
  if (!value || !asOf) {
    throw new AppError('INTERNAL', `Batch has no columns for view ${viewName}`);
  }
  const rows = batch.numRows;
  const asOfMs = new Float64Array(rows);
  const times = asOf.values as BigInt64Array;
  const halves = new Int32Array(times.buffer, times.byteOffset, times.length * 2);
  for (let i = 0; i < rows; i++) {
    asOfMs[i] = asOf.getValid(i) ? readInt64(halves, asOf.offset + i) : Number.NaN;
  }
  return {
    bytes: value.values as Uint8Array,
    offsets: (value.valueOffsets as Int32Array).subarray(value.offset, value.offset + rows + 1),
    asOfMs,
  };
}

/** The UTF-8 patient ids of a latest batch, without copying. */
export function latestPatientIds(batch: RecordBatch): { bytes: Uint8Array; offsets: Int32Array } {
  const ids = batch.getChild(PATIENT_ID_COLUMN)?.data[0];
  if (!ids) {
    throw new AppError('INTERNAL', 'Batch has no patient_id column');
  }
  return {
    bytes: ids.values as Uint8Array,
    offsets: (ids.valueOffsets as Int32Array).subarray(ids.offset, ids.offset + batch.numRows + 1),
  };
}

/** An Arrow batch of `readLatest` as the online store's columnar input, without copying any bytes. */
export function encodedBatch(
  batch: RecordBatch,
  views: readonly AnyFeatureView[],
): EncodedFeatureBatch {
  return {
    rows: batch.numRows,
    patientIds: latestPatientIds(batch),
    views: views.map((view) => {
      const { bytes, offsets, asOfMs } = latestViewColumns(batch, view.name);
      return { view, values: { bytes, offsets }, asOfMs };
    }),
  };
}
