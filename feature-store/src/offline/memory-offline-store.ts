/**
 * The fixture offline store: snapshots in memory, the same semantics as DuckDB (latest per patient,
 * point-in-time joins) computed in TypeScript. For unit tests of jobs and materialization.
 */
import type { PatientId } from '@mediassist/shared/ids';
import type { RecordBatch } from 'apache-arrow';
import type { AnyFeatureView } from '../definitions/feature-view.js';
import { assembleLatestBatch, encodedBatch, LatestViewColumnBuilder } from './latest-batch.js';
import type { EncodedFeatureBatch } from '../online/online-store.js';
import type {
  LatestEncodedFeatures,
  LatestFeatures,
  OfflineStore,
  ReadLatestOptions,
  TrainingRow,
  TrainingSetOptions,
  WriteSnapshotOptions,
  WriteSnapshotResult,
} from './offline-store.js';
import { encodeSnapshotRows } from './snapshot-rows.js';
import { checkTrainingLabel, trainingFeature } from './training-feature.js';
import { buildEncodedColumn } from '../online/encoded-column.js';
import { settle } from '../settle.js';

interface StoredRow {
  readonly patientId: string;
  readonly eventMs: number;
  readonly createdMs: number;
  readonly value: Uint8Array;
}

const textEncoder = new TextEncoder();
const EMPTY = new Uint8Array(0);

export class MemoryOfflineStore implements OfflineStore {
  readonly #snapshots = new Map<string, StoredRow[]>();
  readonly #clock: () => Date;

  constructor(options: { clock?: () => Date } = {}) {
    this.#clock = options.clock ?? (() => new Date());
  }

  writeSnapshot<TView extends AnyFeatureView>(
    options: WriteSnapshotOptions<TView>,
  ): Promise<WriteSnapshotResult> {
    return settle(() => {
      const { view } = options;
      const createdAt = options.createdAt ?? this.#clock();
      const rows = encodeSnapshotRows({ view, rows: options.rows, nowMs: this.#clock().getTime() });
      const stored = this.#rowsOf(view);
      for (const row of rows) {
        stored.push({ ...row, createdMs: createdAt.getTime() });
      }
      return { rows: rows.length, createdAt };
    });
  }

  async readLatestEncoded(options: ReadLatestOptions): Promise<LatestEncodedFeatures> {
    const latest = await this.readLatest(options);
    return {
      createdAtHigh: latest.createdAtHigh,
      batches: encodedBatches(latest.batches, options.views),
    };
  }

  readLatest(options: ReadLatestOptions): Promise<LatestFeatures> {
    return settle(() => {
      const { views, asOf, createdAfter } = options;
      const batchSize = options.batchSize ?? 8192;
      const createdAtHigh = new Map<string, Date | null>();
      const latestByView = views.map((view) => {
        const rows = this.#rowsOf(view);
        const high = rows.reduce((max, r) => Math.max(max, r.createdMs), Number.NEGATIVE_INFINITY);
        createdAtHigh.set(view.name, Number.isFinite(high) ? new Date(high) : null);
        const latest = new Map<string, StoredRow>();
        for (const row of rows) {
          if (asOf && row.eventMs > asOf.getTime()) {
            continue;
          }
          const current = latest.get(row.patientId);
          if (!current || isLater(row, current)) {
            latest.set(row.patientId, row);
          }
        }
        const since = createdAfter?.get(view.name);
        if (since) {
          for (const [patientId, row] of latest) {
            if (row.createdMs <= since.getTime()) {
              latest.delete(patientId);
            }
          }
        }
        return latest;
      });
      const patients = [...new Set(latestByView.flatMap((m) => [...m.keys()]))].sort();
      return { createdAtHigh, batches: batchesOf({ views, patients, latestByView, batchSize }) };
    });
  }

  async *trainingSet<TView extends AnyFeatureView>(
    options: TrainingSetOptions<TView>,
  ): AsyncIterable<readonly TrainingRow<TView>[]> {
    const { views, labels } = options;
    const batchSize = options.batchSize ?? 4096;
    labels.forEach(checkTrainingLabel);
    const ordered = [...labels].sort(
      (a, b) =>
        a.patientId.localeCompare(b.patientId) ||
        a.labelTimestamp.getTime() - b.labelTimestamp.getTime(),
    );
    let batch: TrainingRow<TView>[] = [];
    for (const label of ordered) {
      const labelMs = label.labelTimestamp.getTime();
      const features: Record<string, unknown> = {};
      for (const view of views) {
        let best: StoredRow | undefined;
        for (const row of this.#rowsOf(view)) {
          if (
            row.patientId === label.patientId &&
            row.eventMs < labelMs &&
            (!best || isLater(row, best))
          ) {
            best = row;
          }
        }
        features[view.name] = trainingFeature({
          view,
          bytes: best?.value ?? null,
          asOfMs: best?.eventMs ?? null,
          labelMs,
        });
      }
      batch.push({
        patientId: label.patientId,
        labelTimestamp: label.labelTimestamp,
        label: label.label,
        features: features as TrainingRow<TView>['features'],
      });
      if (batch.length >= batchSize) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) {
      yield batch;
    }
    await Promise.resolve();
  }

  close(): Promise<void> {
    return Promise.resolve();
  }

  #rowsOf(view: AnyFeatureView): StoredRow[] {
    const key = `${view.name}@v${String(view.version)}`;
    let rows = this.#snapshots.get(key);
    if (!rows) {
      rows = [];
      this.#snapshots.set(key, rows);
    }
    return rows;
  }
}

/** Later event time wins; on equal event time the later write (a correction) wins. */
function isLater(row: StoredRow, than: StoredRow): boolean {
  return (
    row.eventMs > than.eventMs || (row.eventMs === than.eventMs && row.createdMs >= than.createdMs)
  );
}

async function* batchesOf(options: {
  views: readonly AnyFeatureView[];
  patients: readonly string[];
  latestByView: readonly Map<string, StoredRow>[];
  batchSize: number;
}): AsyncIterable<RecordBatch> {
  const { views, patients, latestByView, batchSize } = options;
  for (let start = 0; start < patients.length; start += batchSize) {
    const slice = patients.slice(start, start + batchSize);
    const columns = latestByView.map((latest) => {
      const builder = new LatestViewColumnBuilder(slice.length);
      slice.forEach((patientId: PatientId | string, row) => {
        const found = latest.get(patientId);
        const value = found?.value ?? EMPTY;
        builder.set({
          row,
          source: value,
          start: 0,
          end: value.byteLength,
          asOfMs: found?.eventMs ?? Number.NaN,
        });
      });
      return builder.build(slice.length);
    });
    yield assembleLatestBatch({
      views,
      rows: slice.length,
      patientIds: buildEncodedColumn(slice.map((id) => textEncoder.encode(id))),
      columns,
    });
    await Promise.resolve();
  }
}

async function* encodedBatches(
  batches: AsyncIterable<RecordBatch>,
  views: readonly AnyFeatureView[],
): AsyncIterable<EncodedFeatureBatch> {
  for await (const batch of batches) {
    yield encodedBatch(batch, views);
  }
}
