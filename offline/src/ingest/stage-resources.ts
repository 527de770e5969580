/**
 * Reads every Bulk Data file of the known resource types into DuckDB stage tables (one query per
 * file, so line positions are exact), marks duplicates, and counts what was read and rejected.
 * A file most of whose lines are rejected is not malformed data but the wrong data: ingest stops.
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
  specs: readonly ResourceSpec[];
  files: readonly BulkFile[];
  /** An empty file, staged for types the export lacks so every table exists with its schema. */
  emptyFile: string;
  /** Above this share of rejected lines in one file, the file is the wrong data: stop. */
  maxRejectRatio: number;
  progress: Progress;
  signal: AbortSignal;
}

function checkRejectRatio(options: {
  spec: ResourceSpec;
  file: BulkFile | undefined;
  read: number;
  reasons: Map<string, number>;
  maxRejectRatio: number;
}): void {
  const { spec, file, read, reasons, maxRejectRatio } = options;
  const rejected = [...reasons.values()].reduce((a, b) => a + b, 0);
  if (file === undefined || read === 0 || rejected / read <= maxRejectRatio) {
    return;
  }
  const [topReason = 'unknown', topCount = 0] =
    [...reasons.entries()].sort((a, b) => b[1] - a[1])[0] ?? [];
  throw new AppError(
    'VALIDATION_FAILED',
    `${file.name}: ${String(rejected)} of ${String(read)} lines are not usable ${spec.resourceType} resources (most often ${topReason}, ${String(topCount)} lines); this does not look like FHIR R4 ${spec.resourceType} Bulk Data`,
    {
      details: [...reasons.entries()].map(([issue, n]) => ({
        path: file.name,
        issue: `${issue} (${String(n)})`,
      })),
    },
  );
}

/** Lines read and rejected (by reason) per resource type, from its stage table. */
export async function countStaged(options: {
  connection: DuckDBConnection;
  spec: ResourceSpec;
}): Promise<{
  read: number;
  quarantined: number;
  reasons: Record<string, number>;
  perFile: Map<number, { read: number; reasons: Map<string, number> }>;
}> {
  const perFile = new Map<number, { read: number; reasons: Map<string, number> }>();
  for (const row of await queryRows(options.connection, buildStageCountsSql(options.spec))) {
    const index = numberField(row, 'file_index');
    const entry = perFile.get(index) ?? { read: 0, reasons: new Map<string, number>() };
    const n = numberField(row, 'n');
    entry.read += n;
    const reason = stringField(row, 'reason') ?? '';
    if (reason !== '') {
      entry.reasons.set(reason, (entry.reasons.get(reason) ?? 0) + n);
    }
    perFile.set(index, entry);
  }
  const reasons: Record<string, number> = {};
  let read = 0;
  let quarantined = 0;
  for (const entry of perFile.values()) {
    read += entry.read;
    for (const [reason, n] of entry.reasons) {
      reasons[reason] = (reasons[reason] ?? 0) + n;
      quarantined += n;
    }
  }
  return { read, quarantined, reasons, perFile };
}

async function stageOne(options: StageOptions & { spec: ResourceSpec }): Promise<StagedResource> {
  const { connection, spec, emptyFile, progress, signal } = options;
  const files = options.files.filter((f) => f.resourceType === spec.resourceType);
  const paths = files.length > 0 ? files.map((f) => f.path) : [emptyFile];
  for (const [fileIndex, path] of paths.entries()) {
    if (signal.aborted) {
      throw new AppError('INTERNAL', 'Ingest cancelled; nothing was published');
    }
    await connection.run(buildStageFileSql({ spec, path, fileIndex, create: fileIndex === 0 }));
    progress.increment(files[fileIndex]?.bytes ?? 0);
  }
  await connection.run(buildDedupeSql(spec));
  const counts = await countStaged({ connection, spec });
  for (const [index, entry] of counts.perFile) {
    checkRejectRatio({
      spec,
      file: files[index],
      ...entry,
      maxRejectRatio: options.maxRejectRatio,
    });
  }
  return { spec, files };
}

export async function stageResources(options: StageOptions): Promise<StagedResource[]> {
  const staged: StagedResource[] = [];
  for (const spec of options.specs) {
    staged.push(await stageOne({ ...options, spec }));
  }
  return staged;
}
