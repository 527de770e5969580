/** Streams the result of `buildLatestFramedSql` as batches of framed hashes (one native call per row). */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { AnyFeatureView } from '../definitions/feature-view.js';
import { createFramedBatch } from '../online/framed-hashes.js';
import type { EncodedFeatureBatch } from '../online/online-store.js';
import { blobColumn, integerColumn } from './duckdb-vectors.js';

const PATIENT_ID_BYTES = 35;

/** `views` in field order, as the SQL was built with them. */
export async function* streamFramedBatches(options: {
  connection: DuckDBConnection;
  sql: string;
  views: readonly AnyFeatureView[];
  batchSize: number;
}): AsyncIterable<EncodedFeatureBatch> {
  const { connection, sql, views, batchSize } = options;
  const result = await connection.stream(sql);
  let builder = new FramedBatchBuilder(batchSize);
  for await (const chunk of result) {
    const idLengths = integerColumn(chunk, 0);
    const masks = integerColumn(chunk, 1);
    const payloads = blobColumn(chunk, 2);
    for (let i = 0; i < chunk.rowCount; i++) {
      builder.add({
        payload: payloads.getItemBytes(i) ?? new Uint8Array(0),
        idLength: idLengths.getItem(i) ?? 0,
        mask: masks.getItem(i) ?? 0,
      });
      if (builder.rows === batchSize) {
        yield builder.build(views);
        builder = new FramedBatchBuilder(batchSize);
      }
    }
  }
  if (builder.rows > 0) {
    yield builder.build(views);
  }
}

/** Patient ids copied into one column; each framed hash stays the view DuckDB handed over. */
class FramedBatchBuilder {
  readonly #payloads: Uint8Array[] = [];
  readonly #masks: Int32Array;
  readonly #idOffsets: Int32Array;
  #ids: Uint8Array;
  #idBytes = 0;
  rows = 0;

  constructor(capacity: number) {
    this.#masks = new Int32Array(capacity);
    this.#idOffsets = new Int32Array(capacity + 1);
    this.#ids = new Uint8Array(capacity * PATIENT_ID_BYTES);
  }

  add(row: { payload: Uint8Array; idLength: number; mask: number }): void {
    const { payload, idLength, mask } = row;
    if (this.#idBytes + idLength > this.#ids.byteLength) {
      const grown = new Uint8Array(Math.max(this.#ids.byteLength * 2, this.#idBytes + idLength));
      grown.set(this.#ids.subarray(0, this.#idBytes));
      this.#ids = grown;
    }
    const ids = this.#ids;
    let idBytes = this.#idBytes;
    for (let i = 0; i < idLength; i++) {
      ids[idBytes++] = payload[i] ?? 0;
    }
    this.#idBytes = idBytes;
    this.#idOffsets[this.rows + 1] = idBytes;
    this.#payloads.push(payload.subarray(idLength));
    this.#masks[this.rows] = mask;
    this.rows += 1;
  }

  build(views: readonly AnyFeatureView[]): EncodedFeatureBatch {
    return createFramedBatch({
      patientIds: {
        bytes: this.#ids.subarray(0, this.#idBytes),
        offsets: this.#idOffsets.subarray(0, this.rows + 1),
      },
      framed: { views, payloads: this.#payloads, viewMasks: this.#masks.subarray(0, this.rows) },
    });
  }
}
