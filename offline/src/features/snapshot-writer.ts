/**
 * Streams a view query (`patient_id, event_ms, current, value` JSON) from DuckDB into the offline
 * store in batches; every value passes the view's schema there (the store's edge). Current values
 * can be handed to a callback, for views derived from them in TypeScript (care gaps, alerts).
 *
 * Rows cross from DuckDB as one JSON array per few thousand rows (`buildRowBundlesSql`): one string
 * read and one `JSON.parse` per bundle instead of two string reads and a parse per row.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { AnyFeatureView, FeatureValueOf } from '@mediassist/feature-store/definitions';
import type { FeatureRow, OfflineStore } from '@mediassist/feature-store/offline';
import type { PatientId } from '@mediassist/shared/ids';
import type { Progress } from '../io/progress.js';
import { buildRowBundlesSql } from './views-sql.js';

export const SNAPSHOT_BATCH_ROWS = 50_000;

export interface SnapshotWriteOptions<TView extends AnyFeatureView> {
  connection: DuckDBConnection;
  store: Pick<OfflineStore, 'writeSnapshot'>;
  view: TView;
  sql: string;
  /** Rows the query returns (about), to size the bundles. */
  expectedRows: number;
  createdAt: Date;
  progress: Progress;
  /** Checked between batches: a cancelled run stops writing. */
  signal?: AbortSignal;
  /** Called with each current snapshot's value. */
  onCurrent?: (patientId: PatientId, value: FeatureValueOf<TView>) => void;
  batchRows?: number;
}

/** Writes prepared rows of a view in batches (one snapshot file per batch). */
export async function writeRows<TView extends AnyFeatureView>(options: {
  store: Pick<OfflineStore, 'writeSnapshot'>;
  view: TView;
  rows: readonly FeatureRow<FeatureValueOf<TView>>[];
  createdAt: Date;
  batchRows?: number;
}): Promise<number> {
  const { store, view, rows, createdAt, batchRows = SNAPSHOT_BATCH_ROWS } = options;
  for (let start = 0; start < rows.length; start += batchRows) {
    await store.writeSnapshot({ view, rows: rows.slice(start, start + batchRows), createdAt });
  }
  return rows.length;
}

export async function writeViewSnapshots<TView extends AnyFeatureView>(
  options: SnapshotWriteOptions<TView>,
): Promise<number> {
  const { connection, store, view, createdAt, progress, onCurrent } = options;
  const batchRows = options.batchRows ?? SNAPSHOT_BATCH_ROWS;
  let batch: FeatureRow<FeatureValueOf<TView>>[] = [];
  let written = 0;
  const flush = async (): Promise<void> => {
    if (batch.length > 0) {
      await store.writeSnapshot({ view, rows: batch, createdAt });
      written += batch.length;
      progress.increment(batch.length);
      batch = [];
    }
  };
  const sql = buildRowBundlesSql({ sql: options.sql, expectedRows: options.expectedRows });
  for await (const chunk of await connection.stream(sql)) {
    for (const bundle of chunk.getColumnValues(0)) {
      const rows = JSON.parse(String(bundle)) as [string, number, 0 | 1, FeatureValueOf<TView>][];
      for (const [id, eventMs, current, value] of rows) {
        const patientId = id as PatientId;
        batch.push({ patientId, eventTimestamp: new Date(eventMs), value });
        if (current === 1) {
          onCurrent?.(patientId, value);
        }
      }
    }
    if (batch.length >= batchRows) {
      options.signal?.throwIfAborted();
      await flush();
    }
  }
  await flush();
  return written;
}
