/** Streams the result of `buildLatestSql` as Arrow record batches (see latest-batch.ts for the schema). */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { RecordBatch } from 'apache-arrow';
import type { AnyFeatureView } from '../definitions/feature-view.js';
import { blobColumn, doubleColumn, integerColumn } from './duckdb-vectors.js';
import { assembleLatestBatch, LatestViewColumnBuilder } from './latest-batch.js';

const PATIENT_ID_BYTES = 35;

export async function* streamLatestBatches(options: {
  connection: DuckDBConnection;
  sql: string;
  views: readonly AnyFeatureView[];
  batchSize: number;
}): AsyncIterable<RecordBatch> {
  const { connection, sql, views, batchSize } = options;
  const result = await connection.stream(sql);
  let builder = new LatestBatchBuilder({ views, capacity: batchSize });
  const viewCount = views.length;
  for await (const chunk of result) {
    const rows = chunk.rowCount;
    const idLengths = integerColumn(chunk, 0);
    const payloads = blobColumn(chunk, 1);
    // Column-wise first (typed arrays, no per-row objects), then row by row.
    const lengths = new Int32Array(rows * viewCount);
    const asOfs = new Float64Array(rows * viewCount);
    for (let k = 0; k < viewCount; k++) {
      const lengthColumn = integerColumn(chunk, 2 + 2 * k);
      const asOfColumn = doubleColumn(chunk, 3 + 2 * k);
      for (let i = 0; i < rows; i++) {
        lengths[i * viewCount + k] = lengthColumn.getItem(i) ?? -1;
        asOfs[i * viewCount + k] = asOfColumn.getItem(i) ?? 0;
      }
    }
    for (let i = 0; i < rows; i++) {
      builder.add({
        payload: payloads.getItemBytes(i) ?? new Uint8Array(0),
        idLength: idLengths.getItem(i) ?? 0,
        lengths: lengths.subarray(i * viewCount, (i + 1) * viewCount),
        asOfMs: asOfs.subarray(i * viewCount, (i + 1) * viewCount),
      });
      if (builder.rows === batchSize) {
        yield builder.build();
        builder = new LatestBatchBuilder({ views, capacity: batchSize });
      }
    }
  }
  if (builder.rows > 0) {
    yield builder.build();
  }
}

/** Splits each result row's payload (patient id, then every view's bytes) into Arrow columns. */
class LatestBatchBuilder {
  readonly #views: readonly AnyFeatureView[];
  readonly #ids: Uint8Array;
  readonly #idOffsets: Int32Array;
  readonly #columns: LatestViewColumnBuilder[];
  #idBytes = 0;
  rows = 0;

  constructor(options: { views: readonly AnyFeatureView[]; capacity: number }) {
    const { views, capacity } = options;
    this.#views = views;
    this.#ids = new Uint8Array(capacity * PATIENT_ID_BYTES);
    this.#idOffsets = new Int32Array(capacity + 1);
    this.#columns = views.map(
      (view) => new LatestViewColumnBuilder(capacity, capacity * expectedValueBytes(view)),
    );
  }

  add(row: {
    payload: Uint8Array;
    idLength: number;
    lengths: Int32Array;
    asOfMs: Float64Array;
  }): void {
    const { payload, idLength, lengths, asOfMs } = row;
    const ids = this.#ids;
    let idBytes = this.#idBytes;
    for (let i = 0; i < idLength; i++) {
      ids[idBytes++] = payload[i] ?? 0;
    }
    this.#idBytes = idBytes;
    this.#idOffsets[this.rows + 1] = idBytes;
    let offset = idLength;
    for (let k = 0; k < this.#columns.length; k++) {
      const length = lengths[k] ?? -1;
      const column = this.#columns[k] as LatestViewColumnBuilder;
      if (length < 0) {
        column.set({ row: this.rows, source: payload, start: 0, end: 0, asOfMs: Number.NaN });
      } else {
        const end = offset + length;
        column.set({ row: this.rows, source: payload, start: offset, end, asOfMs: asOfMs[k] ?? 0 });
        offset = end;
      }
    }
    this.rows += 1;
  }

  build(): RecordBatch {
    return assembleLatestBatch({
      views: this.#views,
      rows: this.rows,
      patientIds: {
        bytes: this.#ids.subarray(0, this.#idBytes),
        offsets: this.#idOffsets.subarray(0, this.rows + 1),
      },
      columns: this.#columns.map((c) => c.build(this.rows)),
    });
  }
}

function expectedValueBytes(view: AnyFeatureView): number {
  return view.value.encoding.kind === 'float32' ? view.value.encoding.dimension * 4 : 160;
}
