/**
 * Streams a view query (`patient_id, event_ms, current, value` JSON) from DuckDB into the offline
 * store in batches; every value passes the view's schema there (the store's edge). Current values
 * can be handed to a callback, for views derived from them in TypeScript (care gaps, alerts).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { AnyFeatureView, FeatureValueOf } from '@mediassist/feature-store/definitions';
import type { FeatureRow, OfflineStore } from '@mediassist/feature-store/offline';
import type { PatientId } from '@mediassist/shared/ids';
import type { Progress } from '../io/progress.js';

export const SNAPSHOT_BATCH_ROWS = 50_000;

export interface SnapshotWriteOptions<TView extends AnyFeatureView> {
  connection: DuckDBConnection;
  store: Pick<OfflineStore, 'writeSnapshot'>;
  view: TView;
  sql: string;
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
  for await (const chunk of await connection.stream(options.sql)) {
    const [ids = [], times = [], current = [], values = []] = chunk.getColumns();
    for (let i = 0; i < chunk.rowCount; i += 1) {
      const patientId = String(ids[i]) as PatientId;
      const value = JSON.parse(String(values[i])) as FeatureValueOf<TView>;
      batch.push({ patientId, eventTimestamp: new Date(Number(times[i])), value });
      if (current[i] === true) {
        onCurrent?.(patientId, value);
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
