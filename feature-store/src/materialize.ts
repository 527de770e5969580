/**
 * Materialization: the latest value per patient of some views, from the offline store to the online
 * store, streamed as pre-encoded batches (one byte string per patient, straight from DuckDB) into
 * pipelined writes. Idempotent (the online store keeps the newest value per view, and an equal one
 * rewrites the same bytes); an incremental run moves
 * only patients whose latest row was written since the last successful run (the watermark).
 */
import { AppError } from '@mediassist/shared/errors';
import type { AnyFeatureView } from './definitions/feature-view.js';
import { minutes } from './definitions/duration.js';
import type { OfflineStore } from './offline/offline-store.js';
import { countBatchValues } from './online/encoded-batch.js';
import type { OnlineStore, WriteSummary } from './online/online-store.js';

export { encodedBatch } from './offline/latest-batch.js';

export type MaterializeMode = 'full' | 'incremental';

export interface MaterializeProgress {
  readonly patients: number;
  readonly rows: number;
  readonly written: number;
  readonly skipped: number;
  readonly seconds: number;
}

export interface MaterializeOptions {
  readonly offline: OfflineStore;
  /** Only what materialization needs of an online store: pre-encoded writes and watermarks. */
  readonly online: Pick<OnlineStore, 'writeEncoded' | 'watermarks'>;
  readonly views: readonly AnyFeatureView[];
  readonly mode: MaterializeMode;
  /** Incremental only: move rows written after this time, instead of after the stored watermark. */
  readonly since?: Date;
  /**
   * Incremental only: also re-read rows written this long before the watermark (default 10 min),
   * for snapshot writes that had started but were not yet visible when the last run looked.
   */
  readonly overlapMs?: number;
  /** Patients per batch (default: the offline store's, 2048 for DuckDB). */
  readonly batchSize?: number;
  /** Batches being written at once (default 2): the next batch is read while one is in flight. */
  readonly concurrency?: number;
  readonly onProgress?: (progress: MaterializeProgress) => void;
  readonly clock?: () => Date;
}

export interface MaterializeSummary extends MaterializeProgress {
  readonly mode: MaterializeMode;
  /** View values read from the offline store and offered to the online store, per second. */
  readonly rowsPerSecond: number;
  readonly patientsPerSecond: number;
  /** Per view: the watermark recorded by this run (ISO time), or null when the view has no data. */
  readonly watermarks: Readonly<Record<string, string | null>>;
}

export const DEFAULT_OVERLAP_MS = minutes(10);

export async function materialize(options: MaterializeOptions): Promise<MaterializeSummary> {
  const { offline, online, views, mode, onProgress } = options;
  const clock = options.clock ?? (() => new Date());
  const concurrency = Math.max(1, options.concurrency ?? 2);
  if (views.length === 0) {
    throw new AppError('VALIDATION_FAILED', 'Nothing to materialize: no views given');
  }
  const startedMs = clock().getTime();
  const createdAfter =
    mode === 'incremental' ? await incrementalMarks(options) : new Map<string, Date>();
  const latest = await offline.readLatestEncoded({
    views,
    createdAfter,
    ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
  });

  const progress = { patients: 0, rows: 0, written: 0, skipped: 0 };
  const elapsed = () => (clock().getTime() - startedMs) / 1000;
  const inFlight: Promise<void>[] = [];
  const record = (summary: WriteSummary) => {
    progress.written += summary.written;
    progress.skipped += summary.skipped;
    onProgress?.({ ...progress, seconds: elapsed() });
  };
  try {
    for await (const batch of latest.batches) {
      progress.patients += batch.rows;
      progress.rows += countBatchValues(batch);
      const write = online.writeEncoded(batch).then(record);
      write.catch(() => undefined); // handled when awaited below; never an unhandled rejection meanwhile
      inFlight.push(write);
      if (inFlight.length >= concurrency) {
        await inFlight.shift();
      }
    }
    await Promise.all(inFlight);
  } catch (error) {
    await Promise.allSettled(inFlight);
    throw error;
  }

  // Only after every write landed: a failed run leaves the watermarks where they were.
  const watermarks: Record<string, string | null> = {};
  for (const view of views) {
    const high = latest.createdAtHigh.get(view.name) ?? null;
    if (high) {
      await online.watermarks.set(view, high);
    }
    watermarks[view.name] = high?.toISOString() ?? null;
  }
  const seconds = elapsed();
  return {
    mode,
    ...progress,
    seconds,
    rowsPerSecond: perSecond(progress.rows, seconds),
    patientsPerSecond: perSecond(progress.patients, seconds),
    watermarks,
  };
}

async function incrementalMarks(options: MaterializeOptions): Promise<Map<string, Date>> {
  const overlapMs = options.overlapMs ?? DEFAULT_OVERLAP_MS;
  const marks = new Map<string, Date>();
  for (const view of options.views) {
    const mark = options.since ?? (await options.online.watermarks.get(view));
    if (mark) {
      marks.set(view.name, options.since ? mark : new Date(mark.getTime() - overlapMs));
    }
  }
  return marks;
}

function perSecond(count: number, seconds: number): number {
  return seconds > 0 ? Math.round(count / seconds) : count;
}
