/** The offline store on DuckDB over Parquet files in the lake (one file per snapshot write). */
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { AppError } from '@mediassist/shared/errors';
import type { PatientId } from '@mediassist/shared/ids';
import type { RecordBatch } from 'apache-arrow';
import type { AnyFeatureView } from '../definitions/feature-view.js';
import { streamLatestBatches } from './duckdb-latest-stream.js';
import { blobColumn, doubleColumn, varcharColumn } from './duckdb-vectors.js';
import {
  snapshotFileName,
  snapshotFiles,
  temporaryFileName,
  viewDirectory,
} from './lake-layout.js';
import type {
  LatestEncodedFeatures,
  LatestFeatures,
  OfflineStore,
  ReadLatestOptions,
  TrainingLabel,
  TrainingRow,
  TrainingSetOptions,
  WriteSnapshotOptions,
  WriteSnapshotResult,
} from './offline-store.js';
import { encodeSnapshotRows } from './snapshot-rows.js';
import {
  buildCopySnapshotSql,
  buildCreateLabelsSql,
  buildCreateStageSql,
  buildLatestSql,
  buildMaxCreatedAtSql,
  buildTrainingSetSql,
  type LabelSourceSql,
} from './sql.js';
import { buildLatestValuesSql, type LatestValuesSource } from './latest-values-sql.js';
import { streamLatestRows } from './duckdb-latest-rows.js';
import type { EncodedFeatureBatch } from '../online/online-store.js';
import { checkTrainingLabel, trainingFeature } from './training-feature.js';

export interface DuckDbOfflineStoreOptions {
  /** The lake root; snapshots live under `<lakeDir>/features/`. */
  lakeDir: string;
  /** DuckDB worker threads (default: DuckDB's choice, all cores). */
  threads?: number;
  /** DuckDB memory limit, e.g. `1GB` (default: DuckDB's, 80% of RAM). */
  memoryLimit?: string;
  clock?: () => Date;
}

const DEFAULT_LATEST_BATCH = 8192;
/**
 * Patients per batch of the materialization read: one DuckDB chunk (2048 rows). Redis starts on
 * the first patients sooner, the last batch leaves less for Redis to do after the read ends, and
 * each batch's command buffer (~4 MB) stays small (bench:materialize: ~2.1 s against ~2.4–2.6 s
 * for 8192, interleaved runs at load 0.6).
 */
const DEFAULT_ENCODED_BATCH = 2048;
const DEFAULT_TRAINING_BATCH = 4096;
const textDecoder = new TextDecoder();

export class DuckDbOfflineStore implements OfflineStore {
  readonly lakeDir: string;
  readonly #instance: DuckDBInstance;
  readonly #clock: () => Date;

  private constructor(options: { instance: DuckDBInstance; lakeDir: string; clock: () => Date }) {
    this.#instance = options.instance;
    this.lakeDir = options.lakeDir;
    this.#clock = options.clock;
  }

  static async open(options: DuckDbOfflineStoreOptions): Promise<DuckDbOfflineStore> {
    const config: Record<string, string> = {};
    if (options.threads !== undefined) {
      config['threads'] = String(options.threads);
    }
    if (options.memoryLimit !== undefined) {
      config['memory_limit'] = options.memoryLimit;
    }
    const instance = await DuckDBInstance.create(':memory:', config);
    return new DuckDbOfflineStore({
      instance,
      lakeDir: options.lakeDir,
      clock: options.clock ?? (() => new Date()),
    });
  }

  async writeSnapshot<TView extends AnyFeatureView>(
    options: WriteSnapshotOptions<TView>,
  ): Promise<WriteSnapshotResult> {
    const { view } = options;
    const createdAt = options.createdAt ?? this.#clock();
    const rows = encodeSnapshotRows({ view, rows: options.rows, nowMs: this.#clock().getTime() });
    if (rows.length === 0) {
      return { rows: 0, createdAt };
    }
    const directory = viewDirectory({ lakeDir: this.lakeDir, view });
    await mkdir(directory, { recursive: true });
    const finalPath = path.join(directory, snapshotFileName(createdAt));
    const temporaryPath = temporaryFileName(finalPath);
    const table = `stage_${randomUUID().replaceAll('-', '')}`;
    await this.#withConnection(async (connection) => {
      await connection.run(buildCreateStageSql({ table, encoding: view.value.encoding }));
      const appender = await connection.createAppender(table);
      const json = view.value.encoding.kind === 'json';
      for (const row of rows) {
        appender.appendVarchar(row.patientId);
        appender.appendBigInt(BigInt(row.eventMs));
        if (json) {
          appender.appendVarchar(textDecoder.decode(row.value));
        } else {
          appender.appendBlob(row.value);
        }
        appender.endRow();
      }
      appender.flushSync();
      appender.closeSync();
      try {
        await connection.run(buildCopySnapshotSql({ table, createdAt, path: temporaryPath }));
        await rename(temporaryPath, finalPath);
      } catch (error) {
        await rm(temporaryPath, { force: true });
        throw error;
      }
    });
    return { rows: rows.length, createdAt };
  }

  async readLatest(options: ReadLatestOptions): Promise<LatestFeatures> {
    const { views, asOf } = options;
    const batchSize = options.batchSize ?? DEFAULT_LATEST_BATCH;
    const { sources, createdAtHigh } = await this.#latestSources(options);
    const sql = buildLatestSql({ views: sources, ...(asOf ? { asOf } : {}) });
    return { createdAtHigh, batches: this.#streamLatest({ sql, views, batchSize }) };
  }

  /** The rows of `readLatest` as the online store's columns (see latest-values-sql.ts). */
  async readLatestEncoded(options: ReadLatestOptions): Promise<LatestEncodedFeatures> {
    const { asOf, views } = options;
    const batchSize = options.batchSize ?? DEFAULT_ENCODED_BATCH;
    const { sources, createdAtHigh } = await this.#latestSources(options);
    const sql = buildLatestValuesSql({ views: sources, ...(asOf ? { asOf } : {}) });
    return { createdAtHigh, batches: this.#streamRows({ sql, views, batchSize }) };
  }

  async #latestSources(
    options: ReadLatestOptions,
  ): Promise<{ sources: LatestValuesSource[]; createdAtHigh: Map<string, Date | null> }> {
    const { views, createdAfter } = options;
    if (views.length === 0) {
      throw new AppError('VALIDATION_FAILED', 'readLatest needs at least one view');
    }
    const sources: LatestValuesSource[] = await Promise.all(
      views.map(async (view) => {
        const since = createdAfter?.get(view.name);
        const files = await this.#files(view);
        return {
          name: view.name,
          encoding: view.value.encoding,
          files,
          ...(since ? { createdAfter: since } : {}),
        };
      }),
    );
    const createdAtHigh = new Map<string, Date | null>();
    await this.#withConnection(async (connection) => {
      for (const source of sources) {
        createdAtHigh.set(source.name, await this.#maxCreatedAt(connection, source.files));
      }
    });
    return { sources, createdAtHigh };
  }

  trainingSet<TView extends AnyFeatureView>(
    options: TrainingSetOptions<TView>,
  ): AsyncIterable<readonly TrainingRow<TView>[]> {
    return this.#trainingSet({ ...options, labels: { rows: options.labels } });
  }

  /** `trainingSet` with labels from Parquet files (columns `patient_id`, `label_timestamp`, `label`). */
  trainingSetFromParquet<TView extends AnyFeatureView>(
    options: Omit<TrainingSetOptions<TView>, 'labels'> & { labelFiles: readonly string[] },
  ): AsyncIterable<readonly TrainingRow<TView>[]> {
    return this.#trainingSet({ ...options, labels: { files: options.labelFiles } });
  }

  async *#trainingSet<TView extends AnyFeatureView>(options: {
    labels: { rows: readonly TrainingLabel[] } | { files: readonly string[] };
    views: readonly TView[];
    batchSize?: number;
  }): AsyncIterable<readonly TrainingRow<TView>[]> {
    const { views, labels } = options;
    const batchSize = options.batchSize ?? DEFAULT_TRAINING_BATCH;
    const sources = await Promise.all(
      views.map(async (view) => ({
        name: view.name,
        encoding: view.value.encoding,
        files: await this.#files(view),
      })),
    );
    const connection = await this.#instance.connect();
    try {
      const labelSource: LabelSourceSql =
        'rows' in labels
          ? { kind: 'table', table: await stageLabels(connection, labels.rows) }
          : { kind: 'parquet', files: labels.files };
      const result = await connection.stream(
        buildTrainingSetSql({ labels: labelSource, views: sources }),
      );
      let batch: TrainingRow<TView>[] = [];
      for await (const chunk of result) {
        const patientIds = varcharColumn(chunk, 0);
        const labelTimes = doubleColumn(chunk, 1);
        const labelValues = varcharColumn(chunk, 2);
        const valueColumns = views.map((_, k) => blobColumn(chunk, 3 + 2 * k));
        const asOfColumns = views.map((_, k) => doubleColumn(chunk, 4 + 2 * k));
        for (let i = 0; i < chunk.rowCount; i++) {
          const labelMs = labelTimes.getItem(i) ?? Number.NaN;
          const features: Record<string, unknown> = {};
          views.forEach((view, k) => {
            features[view.name] = trainingFeature({
              view,
              bytes: valueColumns[k]?.getItemBytes(i) ?? null,
              asOfMs: asOfColumns[k]?.getItem(i) ?? null,
              labelMs,
            });
          });
          batch.push({
            patientId: (patientIds.getItem(i) ?? '') as PatientId,
            labelTimestamp: new Date(labelMs),
            label: labelValues.getItem(i) ?? '',
            features: features as TrainingRow<TView>['features'],
          });
          if (batch.length >= batchSize) {
            yield batch;
            batch = [];
          }
        }
      }
      if (batch.length > 0) {
        yield batch;
      }
    } finally {
      connection.closeSync();
    }
  }

  close(): Promise<void> {
    this.#instance.closeSync();
    return Promise.resolve();
  }

  async *#streamLatest(options: {
    sql: string;
    views: readonly AnyFeatureView[];
    batchSize: number;
  }): AsyncIterable<RecordBatch> {
    const connection = await this.#instance.connect();
    try {
      yield* streamLatestBatches({ connection, ...options });
    } finally {
      connection.closeSync();
    }
  }

  async *#streamRows(options: {
    sql: string;
    views: readonly AnyFeatureView[];
    batchSize: number;
  }): AsyncIterable<EncodedFeatureBatch> {
    const connection = await this.#instance.connect();
    try {
      yield* streamLatestRows({ connection, ...options });
    } finally {
      connection.closeSync();
    }
  }

  async #maxCreatedAt(
    connection: DuckDBConnection,
    files: readonly string[],
  ): Promise<Date | null> {
    if (files.length === 0) {
      return null;
    }
    const reader = await connection.runAndReadAll(buildMaxCreatedAtSql(files));
    const ms = reader.getColumns()[0]?.[0];
    return typeof ms === 'number' ? new Date(ms) : null;
  }

  async #files(view: AnyFeatureView): Promise<string[]> {
    const directory = viewDirectory({ lakeDir: this.lakeDir, view });
    try {
      return snapshotFiles(await readdir(directory)).map((name) => path.join(directory, name));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        return [];
      }
      throw error;
    }
  }

  async #withConnection<T>(work: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
    const connection = await this.#instance.connect();
    try {
      return await work(connection);
    } finally {
      connection.closeSync();
    }
  }
}

/** Appends label rows to a temporary table; returns its name. */
async function stageLabels(
  connection: DuckDBConnection,
  labels: readonly TrainingLabel[],
): Promise<string> {
  const table = `labels_${randomUUID().replaceAll('-', '')}`;
  await connection.run(buildCreateLabelsSql(table));
  const appender = await connection.createAppender(table);
  labels.forEach((label, i) => {
    checkTrainingLabel(label, i);
    appender.appendVarchar(label.patientId);
    appender.appendBigInt(BigInt(label.labelTimestamp.getTime()));
    appender.appendVarchar(label.label);
    appender.endRow();
  });
  appender.flushSync();
  appender.closeSync();
  return table;
}
