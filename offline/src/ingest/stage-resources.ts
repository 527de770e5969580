/**
 * Reads every Bulk Data file of the known resource types into DuckDB stage tables — one query per
 * file (so line positions are exact), several files at once on separate connections, largest
 * first — marks duplicates, and checks each file's share of rejected lines: a file most of whose
 * lines are rejected is not malformed data but the wrong data, and ingest stops.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { AppError } from '@mediassist/shared/errors';
import type { Progress } from '../io/progress.js';
import { numberField, queryRows, stringField } from '../lake/duckdb-session.js';
import type { BulkFile } from './bulk-files.js';
import { buildDedupeSql, buildStageCountsSql, buildStageFileSql } from './ingest-sql.js';
import type { ResourceSpec } from './resource-spec.js';

export interface StagedResource {
  readonly spec: ResourceSpec;
  /** The type's files; a stage row's `file_index` indexes this list. */
  readonly files: readonly BulkFile[];
}

export interface StageOptions {
  connection: DuckDBConnection;
  /** Opens more connections to the same database for concurrent file reads. */
  connect: () => Promise<DuckDBConnection>;
  /** Files read at once (default 2). */
  concurrency: number;
  specs: readonly ResourceSpec[];
  files: readonly BulkFile[];
  /** An empty file: every stage table is created from it, so types the export lacks still exist. */
  emptyFile: string;
  /** Above this share of rejected lines in one file, the file is the wrong data: stop. */
  maxRejectRatio: number;
  progress: Progress;
  signal: AbortSignal;
}

interface FileCounts {
  read: number;
  reasons: Map<string, number>;
}

export interface StageCounts {
  readonly read: number;
  readonly quarantined: number;
  readonly perFile: ReadonlyMap<number, FileCounts>;
}

/** Lines read and rejected (by reason) per file of one resource type, from its stage table. */
export async function countStaged(options: {
  connection: DuckDBConnection;
  spec: ResourceSpec;
}): Promise<StageCounts> {
  const perFile = new Map<number, FileCounts>();
  let read = 0;
  let quarantined = 0;
  for (const row of await queryRows(options.connection, buildStageCountsSql(options.spec))) {
    const index = numberField(row, 'file_index');
    const entry = perFile.get(index) ?? { read: 0, reasons: new Map<string, number>() };
    const n = numberField(row, 'n');
    const reason = stringField(row, 'reason') ?? '';
    entry.read += n;
    read += n;
    if (reason !== '') {
      entry.reasons.set(reason, (entry.reasons.get(reason) ?? 0) + n);
      quarantined += n;
    }
    perFile.set(index, entry);
  }
  return { read, quarantined, perFile };
}

function checkRejectRatio(options: {
  spec: ResourceSpec;
  file: BulkFile;
  counts: FileCounts;
  maxRejectRatio: number;
}): void {
  const { spec, file, counts, maxRejectRatio } = options;
  const rejected = [...counts.reasons.values()].reduce((a, b) => a + b, 0);
  if (counts.read === 0 || rejected / counts.read <= maxRejectRatio) {
    return;
  }
  const [topReason, topCount] = [...counts.reasons.entries()].sort((a, b) => b[1] - a[1])[0] ?? [
    'unknown',
    0,
  ];
  throw new AppError(
    'VALIDATION_FAILED',
    `${file.name}: ${String(rejected)} of ${String(counts.read)} lines are not usable ${spec.resourceType} resources (most often ${topReason}, ${String(topCount)} lines); this does not look like FHIR R4 ${spec.resourceType} Bulk Data`,
    {
      details: [...counts.reasons.entries()].map(([issue, n]) => ({
        path: file.name,
        issue: `${issue} (${String(n)})`,
      })),
    },
  );
}

interface FileTask {
  spec: ResourceSpec;
  file: BulkFile;
  fileIndex: number;
}

async function drain(options: {
  queue: FileTask[];
  connection: DuckDBConnection;
  progress: Progress;
  signal: AbortSignal;
}): Promise<void> {
  const { queue, connection, progress, signal } = options;
  try {
    for (let task = queue.shift(); task !== undefined; task = queue.shift()) {
      signal.throwIfAborted();
      const { spec, file, fileIndex } = task;
      await connection.run(buildStageFileSql({ spec, path: file.path, fileIndex, create: false }));
      progress.increment(file.bytes);
    }
  } catch (error) {
    queue.length = 0;
    throw error;
  }
}

export async function stageResources(options: StageOptions): Promise<StagedResource[]> {
  const { connection, specs, emptyFile } = options;
  const staged = specs.map((spec) => ({
    spec,
    files: options.files.filter((f) => f.resourceType === spec.resourceType),
  }));
  for (const { spec } of staged) {
    await connection.run(buildStageFileSql({ spec, path: emptyFile, fileIndex: -1, create: true }));
  }
  const queue = staged
    .flatMap(({ spec, files }) => files.map((file, fileIndex) => ({ spec, file, fileIndex })))
    .sort((a, b) => b.file.bytes - a.file.bytes);
  const workers = [connection];
  for (let i = 1; i < Math.max(1, options.concurrency); i += 1) {
    workers.push(await options.connect());
  }
  await Promise.all(
    workers.map((worker) =>
      drain({ queue, connection: worker, progress: options.progress, signal: options.signal }),
    ),
  );
  for (const { spec, files } of staged) {
    await connection.run(buildDedupeSql(spec));
    const counts = await countStaged({ connection, spec });
    for (const [index, fileCounts] of counts.perFile) {
      const file = files[index];
      if (file !== undefined) {
        checkRejectRatio({
          spec,
          file,
          counts: fileCounts,
          maxRejectRatio: options.maxRejectRatio,
        });
      }
    }
  }
  return staged;
}
