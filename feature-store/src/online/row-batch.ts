/**
 * Batches read row by row (materialization: one DuckDB BLOB per patient) and either form of any
 * batch on demand. A row batch builds its columns only when something asks for them (the write
 * script, the in-memory store); the RESTORE encoder reads the rows as they came.
 */
import type { AnyFeatureView } from '../definitions/feature-view.js';
import type {
  EncodedColumn,
  EncodedFeatureBatch,
  EncodedFeatureRows,
  EncodedViewColumn,
} from './online-store.js';

/** A batch over `rows`; `patientIds` and `views` are built from them on first use. */
export function rowBatch(rows: EncodedFeatureRows): EncodedFeatureBatch {
  return new RowBatch(rows);
}

/** The views of a batch, without building a row batch's columns. */
export function batchViews(batch: EncodedFeatureBatch): readonly AnyFeatureView[] {
  return batch.byRow?.views ?? batch.views.map((column) => column.view);
}

/** The batch row by row: its own rows when it has them, else copied from its columns. */
export function batchRows(batch: EncodedFeatureBatch): EncodedFeatureRows {
  if (batch.byRow) {
    return batch.byRow;
  }
  const { rows, patientIds, views: columns } = batch;
  const width = columns.length;
  const payloads: Uint8Array[] = [];
  const idLengths = new Int32Array(rows);
  const lengths = new Int32Array(rows * width).fill(-1);
  const asOfMs = new Float64Array(rows * width).fill(Number.NaN);
  for (let r = 0; r < rows; r++) {
    const id = slot(patientIds, r);
    let size = id.byteLength;
    columns.forEach((column, k) => {
      const asOf = column.asOfMs[r] ?? Number.NaN;
      if (!Number.isNaN(asOf)) {
        const length = slotLength(column.values, r);
        lengths[r * width + k] = length;
        asOfMs[r * width + k] = asOf;
        size += length;
      }
    });
    const payload = new Uint8Array(size);
    payload.set(id);
    let at = id.byteLength;
    columns.forEach((column, k) => {
      if ((lengths[r * width + k] ?? -1) >= 0) {
        const value = slot(column.values, r);
        payload.set(value, at);
        at += value.byteLength;
      }
    });
    payloads.push(payload);
    idLengths[r] = id.byteLength;
  }
  return { rows, views: columns.map((c) => c.view), payloads, idLengths, lengths, asOfMs };
}

class RowBatch implements EncodedFeatureBatch {
  readonly byRow: EncodedFeatureRows;
  #columns: { patientIds: EncodedColumn; views: EncodedViewColumn[] } | undefined;

  constructor(rows: EncodedFeatureRows) {
    this.byRow = rows;
  }

  get rows(): number {
    return this.byRow.rows;
  }

  get patientIds(): EncodedColumn {
    return this.#build().patientIds;
  }

  get views(): readonly EncodedViewColumn[] {
    return this.#build().views;
  }

  #build(): { patientIds: EncodedColumn; views: EncodedViewColumn[] } {
    this.#columns ??= columnsOf(this.byRow);
    return this.#columns;
  }
}

/** Splits rows into columns (Arrow's variable-binary layout). */
function columnsOf(rows: EncodedFeatureRows): {
  patientIds: EncodedColumn;
  views: EncodedViewColumn[];
} {
  const { rows: count, views, payloads, idLengths, lengths, asOfMs } = rows;
  const width = views.length;
  const sizes = new Array<number>(width).fill(0);
  let idBytes = 0;
  for (let r = 0; r < count; r++) {
    idBytes += idLengths[r] ?? 0;
    for (let k = 0; k < width; k++) {
      sizes[k] = (sizes[k] ?? 0) + Math.max(0, lengths[r * width + k] ?? -1);
    }
  }
  const ids = { bytes: new Uint8Array(idBytes), offsets: new Int32Array(count + 1) };
  const columns = views.map((view, k) => ({
    view,
    values: { bytes: new Uint8Array(sizes[k] ?? 0), offsets: new Int32Array(count + 1) },
    asOfMs: new Float64Array(count).fill(Number.NaN),
  }));
  const used = new Array<number>(width).fill(0);
  let idUsed = 0;
  for (let r = 0; r < count; r++) {
    const payload = payloads[r] ?? new Uint8Array(0);
    const idLength = idLengths[r] ?? 0;
    ids.bytes.set(payload.subarray(0, idLength), idUsed);
    idUsed += idLength;
    ids.offsets[r + 1] = idUsed;
    let at = idLength;
    columns.forEach((column, k) => {
      const length = lengths[r * width + k] ?? -1;
      let end = used[k] ?? 0;
      if (length >= 0) {
        column.values.bytes.set(payload.subarray(at, at + length), end);
        at += length;
        end += length;
        used[k] = end;
        column.asOfMs[r] = asOfMs[r * width + k] ?? Number.NaN;
      }
      column.values.offsets[r + 1] = end;
    });
  }
  return { patientIds: ids, views: columns };
}

function slot(column: EncodedColumn, row: number): Uint8Array {
  return column.bytes.subarray(column.offsets[row], column.offsets[row + 1]);
}

function slotLength(column: EncodedColumn, row: number): number {
  return (column.offsets[row + 1] ?? 0) - (column.offsets[row] ?? 0);
}
