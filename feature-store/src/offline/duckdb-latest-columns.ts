/**
 * Streams the result of `buildLatestValuesSql` as the online store's columnar batches (Arrow's
 * variable-binary layout: one byte buffer and offsets per view). One native call per row (the
 * payload); lengths and as_of are read column by column. The next DuckDB chunk is fetched while
 * this one is split, so the query's work overlaps the JavaScript side.
 */
import type { DuckDBConnection, DuckDBDataChunk } from '@duckdb/node-api';
import type { AnyFeatureView } from '../definitions/feature-view.js';
import type { EncodedFeatureBatch } from '../online/online-store.js';
import { blobColumn, doubleColumn, integerColumn } from './duckdb-vectors.js';

const PATIENT_ID_BYTES = 35;
/** Below this size a JS loop copies a value faster than a view plus `TypedArray.set`. */
const SHORT_VALUE = 128;

/** `views` in the order the SQL was built with. */
export async function* streamLatestColumns(options: {
  connection: DuckDBConnection;
  sql: string;
  views: readonly AnyFeatureView[];
  batchSize: number;
}): AsyncIterable<EncodedFeatureBatch> {
  const { connection, sql, views, batchSize } = options;
  const result = await connection.stream(sql);
  let builder = new ColumnsBuilder({ views, capacity: batchSize });
  let next: Promise<DuckDBDataChunk | null> = result.fetchChunk();
  for (;;) {
    const chunk = await next;
    if (!chunk || chunk.rowCount === 0) {
      break;
    }
    next = result.fetchChunk();
    // Never an unhandled rejection while this chunk is split; the error surfaces at the await.
    next.catch(() => undefined);
    const rows = chunk.rowCount;
    const idLengths = integerColumn(chunk, 0);
    const payloads = blobColumn(chunk, 1);
    const lengths = new Int32Array(rows * views.length);
    const asOfs = new Float64Array(rows * views.length);
    for (let k = 0; k < views.length; k++) {
      const lengthColumn = integerColumn(chunk, 2 + 2 * k);
      const asOfColumn = doubleColumn(chunk, 3 + 2 * k);
      for (let i = 0; i < rows; i++) {
        const length = lengthColumn.getItem(i) ?? -1;
        lengths[i * views.length + k] = length;
        asOfs[i * views.length + k] = length < 0 ? Number.NaN : (asOfColumn.getItem(i) ?? 0);
      }
    }
    for (let i = 0; i < rows; i++) {
      builder.add({
        payload: payloads.getItemBytes(i) ?? new Uint8Array(0),
        idLength: idLengths.getItem(i) ?? 0,
        lengths,
        asOfs,
        at: i * views.length,
      });
      if (builder.rows === batchSize) {
        yield builder.build();
        builder = new ColumnsBuilder({ views, capacity: batchSize });
      }
    }
  }
  if (builder.rows > 0) {
    yield builder.build();
  }
}

/** Per view a growing byte buffer with offsets and as_of; patient ids in one more such column. */
class ColumnsBuilder {
  readonly #views: readonly AnyFeatureView[];
  #ids: Uint8Array;
  readonly #idOffsets: Int32Array;
  readonly #bytes: Uint8Array[];
  readonly #used: Int32Array;
  readonly #offsets: Int32Array[];
  readonly #asOfs: Float64Array[];
  #idBytes = 0;
  rows = 0;

  constructor(options: { views: readonly AnyFeatureView[]; capacity: number }) {
    const { views, capacity } = options;
    this.#views = views;
    this.#ids = new Uint8Array(capacity * PATIENT_ID_BYTES);
    this.#idOffsets = new Int32Array(capacity + 1);
    this.#bytes = views.map((view) => new Uint8Array(capacity * expectedValueBytes(view)));
    this.#used = new Int32Array(views.length);
    this.#offsets = views.map(() => new Int32Array(capacity + 1));
    this.#asOfs = views.map(() => new Float64Array(capacity));
  }

  /** One result row: `lengths[at + k]` and `asOfs[at + k]` belong to view k. */
  add(row: {
    payload: Uint8Array;
    idLength: number;
    lengths: Int32Array;
    asOfs: Float64Array;
    at: number;
  }): void {
    const { payload, idLength, lengths, asOfs, at } = row;
    const r = this.rows;
    let idBytes = this.#idBytes;
    if (idBytes + idLength > this.#ids.byteLength) {
      // Ids are 35 bytes when valid; an odd one is kept whole and rejected by the writer's check.
      const grown = new Uint8Array(Math.max(this.#ids.byteLength * 2, idBytes + idLength));
      grown.set(this.#ids.subarray(0, idBytes));
      this.#ids = grown;
    }
    const ids = this.#ids;
    for (let i = 0; i < idLength; i++) {
      ids[idBytes++] = payload[i] as number;
    }
    this.#idBytes = idBytes;
    this.#idOffsets[r + 1] = idBytes;
    let offset = idLength;
    for (let k = 0; k < this.#views.length; k++) {
      const length = lengths[at + k] as number;
      const offsets = this.#offsets[k] as Int32Array;
      let used = this.#used[k] as number;
      if (length > 0) {
        let bytes = this.#bytes[k] as Uint8Array;
        if (used + length > bytes.byteLength) {
          const grown = new Uint8Array(Math.max(bytes.byteLength * 2, used + length));
          grown.set(bytes.subarray(0, used));
          this.#bytes[k] = grown;
          bytes = grown;
        }
        if (length < SHORT_VALUE) {
          for (let i = 0; i < length; i++) {
            bytes[used + i] = payload[offset + i] as number;
          }
        } else {
          bytes.set(payload.subarray(offset, offset + length), used);
        }
        used += length;
        offset += length;
        this.#used[k] = used;
      }
      offsets[r + 1] = used;
      (this.#asOfs[k] as Float64Array)[r] = asOfs[at + k] as number;
    }
    this.rows = r + 1;
  }

  build(): EncodedFeatureBatch {
    const rows = this.rows;
    return {
      rows,
      patientIds: {
        bytes: this.#ids.subarray(0, this.#idBytes),
        offsets: this.#idOffsets.subarray(0, rows + 1),
      },
      views: this.#views.map((view, k) => ({
        view,
        values: {
          bytes: (this.#bytes[k] as Uint8Array).subarray(0, this.#used[k]),
          offsets: (this.#offsets[k] as Int32Array).subarray(0, rows + 1),
        },
        asOfMs: (this.#asOfs[k] as Float64Array).subarray(0, rows),
      })),
    };
  }
}

function expectedValueBytes(view: AnyFeatureView): number {
  return view.value.encoding.kind === 'float32' ? view.value.encoding.dimension * 4 : 160;
}
