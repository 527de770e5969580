/**
 * Streams the result of `buildLatestValuesSql` as row batches (`rowBatch`): one payload per
 * patient (one native call per row), lengths and as_of read column by column. The payloads are
 * passed on as DuckDB handed them, not split into columns: the RESTORE encoder builds each
 * patient's hash from its payload directly. The next DuckDB chunk is fetched while this one is
 * read, so the query's work overlaps the JavaScript side.
 */
import type { DuckDBConnection, DuckDBDataChunk } from '@duckdb/node-api';
import type { AnyFeatureView } from '../definitions/feature-view.js';
import type { EncodedFeatureBatch } from '../online/online-store.js';
import { rowBatch } from '../online/row-batch.js';
import { blobColumn, doubleColumn, integerColumn } from './duckdb-vectors.js';

const EMPTY = new Uint8Array(0);

/** `views` in the order the SQL was built with. */
export async function* streamLatestRows(options: {
  connection: DuckDBConnection;
  sql: string;
  views: readonly AnyFeatureView[];
  batchSize: number;
}): AsyncIterable<EncodedFeatureBatch> {
  const { connection, sql, views, batchSize } = options;
  const width = views.length;
  const result = await connection.stream(sql);
  let batch = new RowsBuilder({ views, capacity: batchSize });
  let next: Promise<DuckDBDataChunk | null> = result.fetchChunk();
  for (;;) {
    const chunk = await next;
    if (!chunk || chunk.rowCount === 0) {
      break;
    }
    next = result.fetchChunk();
    // Never an unhandled rejection while this chunk is read; the error surfaces at the await.
    next.catch(() => undefined);
    const rows = chunk.rowCount;
    const idLengths = integerColumn(chunk, 0);
    const payloads = blobColumn(chunk, 1);
    const lengthColumns = views.map((_, k) => integerColumn(chunk, 2 + 2 * k));
    const asOfColumns = views.map((_, k) => doubleColumn(chunk, 3 + 2 * k));
    for (let from = 0; from < rows;) {
      const take = Math.min(rows - from, batchSize - batch.rows);
      const at = batch.rows;
      for (let i = 0; i < take; i++) {
        batch.payloads.push(payloads.getItemBytes(from + i) ?? EMPTY);
        batch.idLengths[at + i] = idLengths.getItem(from + i) ?? 0;
      }
      for (let k = 0; k < width; k++) {
        const lengthColumn = lengthColumns[k];
        const asOfColumn = asOfColumns[k];
        if (!lengthColumn || !asOfColumn) {
          continue;
        }
        for (let i = 0; i < take; i++) {
          const slot = (at + i) * width + k;
          const length = lengthColumn.getItem(from + i) ?? -1;
          batch.lengths[slot] = length;
          batch.asOfMs[slot] = length < 0 ? Number.NaN : (asOfColumn.getItem(from + i) ?? 0);
        }
      }
      batch.rows += take;
      from += take;
      if (batch.rows === batchSize) {
        yield batch.build();
        batch = new RowsBuilder({ views, capacity: batchSize });
      }
    }
  }
  if (batch.rows > 0) {
    yield batch.build();
  }
}

class RowsBuilder {
  readonly views: readonly AnyFeatureView[];
  readonly payloads: Uint8Array[] = [];
  readonly idLengths: Int32Array;
  readonly lengths: Int32Array;
  readonly asOfMs: Float64Array;
  rows = 0;

  constructor(options: { views: readonly AnyFeatureView[]; capacity: number }) {
    const { views, capacity } = options;
    this.views = views;
    this.idLengths = new Int32Array(capacity);
    this.lengths = new Int32Array(capacity * views.length);
    this.asOfMs = new Float64Array(capacity * views.length);
  }

  build(): EncodedFeatureBatch {
    const { rows, views, payloads } = this;
    const width = views.length;
    return rowBatch({
      rows,
      views,
      payloads,
      idLengths: this.idLengths.subarray(0, rows),
      lengths: this.lengths.subarray(0, rows * width),
      asOfMs: this.asOfMs.subarray(0, rows * width),
    });
  }
}
