/**
 * Writes a run's outputs from the stage tables: one de-identified Parquet table per resource type,
 * the restricted notes table, and the quarantine files; then checks that every line read was either
 * written or quarantined (nothing is ever dropped silently).
 */
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { AppError } from '@mediassist/shared/errors';
import type { Progress, ProgressFactory } from '../io/progress.js';
import { numberField, queryRows, stringField } from '../lake/duckdb-session.js';
import type { LakeLayout } from '../lake/lake-layout.js';
import type { ResourceCounts } from './ingest-report.js';
import {
  buildCopyRestrictedSql,
  buildCopyTableSql,
  buildOrphansSql,
  buildQuarantinedSql,
} from './ingest-sql.js';
import {
  locateQuarantined,
  writeQuarantine,
  type QuarantineEntry,
  type QuarantinedRecord,
} from './quarantine.js';
import { countStaged, type StagedResource } from './stage-resources.js';

async function quarantine(options: {
  connection: DuckDBConnection;
  staged: StagedResource;
  dir: string;
}): Promise<QuarantineEntry[]> {
  const { connection, staged, dir } = options;
  const byFile = new Map<number, QuarantinedRecord[]>();
  for (const row of await queryRows(connection, buildQuarantinedSql(staged.spec))) {
    const index = numberField(row, 'file_index');
    const records = byFile.get(index) ?? [];
    records.push({ record: numberField(row, 'record'), reason: stringField(row, 'reason') ?? '' });
    byFile.set(index, records);
  }
  const entries: QuarantineEntry[] = [];
  for (const [index, records] of [...byFile.entries()].sort((a, b) => a[0] - b[0])) {
    const file = staged.files[index];
    if (file !== undefined) {
      entries.push(
        ...(await locateQuarantined({ filePath: file.path, fileName: file.name, records })),
      );
    }
  }
  await writeQuarantine({ dir, resourceType: staged.spec.resourceType, entries });
  return entries;
}

interface CopyTask {
  readonly item: StagedResource;
  readonly sql: string;
  readonly notes: boolean;
}

/** Runs the COPY statements on several connections at once, largest inputs first. */
async function runCopies(options: {
  tasks: CopyTask[];
  connections: readonly DuckDBConnection[];
  progress: Progress;
}): Promise<{ written: Map<StagedResource, number>; notes: number }> {
  const queue = [...options.tasks];
  const written = new Map<StagedResource, number>();
  let notes = 0;
  await Promise.all(
    options.connections.map(async (connection) => {
      try {
        for (let task = queue.shift(); task !== undefined; task = queue.shift()) {
          const rows = (await connection.run(task.sql)).rowsChanged;
          if (task.notes) {
            notes += rows;
          } else {
            written.set(task.item, rows);
            options.progress.increment();
          }
        }
      } catch (error) {
        queue.length = 0;
        throw error;
      }
    }),
  );
  return { written, notes };
}

export async function writeOutputs(options: {
  connection: DuckDBConnection;
  /** Opens more connections for concurrent writes. */
  connect: () => Promise<DuckDBConnection>;
  concurrency: number;
  staged: readonly StagedResource[];
  layout: LakeLayout;
  runId: string;
  progress: ProgressFactory;
}): Promise<{ resources: Record<string, ResourceCounts>; notes: number }> {
  const { connection, staged, layout, runId } = options;
  const clinical = layout.runClinical(runId);
  const restricted = layout.runRestricted(runId);
  const bar = options.progress({ label: 'ingest: write', total: staged.length, unit: 'tables' });
  const bytes = (item: StagedResource): number => item.files.reduce((n, f) => n + f.bytes, 0);
  const tasks = staged
    .flatMap((item): CopyTask[] => {
      const { spec } = item;
      const table = buildCopyTableSql({ spec, path: path.join(clinical, `${spec.table}.parquet`) });
      const notesSql = buildCopyRestrictedSql({
        spec,
        path: path.join(restricted, 'notes', 'notes.parquet'),
      });
      return [
        { item, sql: table, notes: false },
        ...(notesSql === undefined ? [] : [{ item, sql: notesSql, notes: true }]),
      ];
    })
    .sort((a, b) => bytes(b.item) - bytes(a.item));
  const connections = [connection];
  for (let i = 1; i < Math.max(1, options.concurrency); i += 1) {
    connections.push(await options.connect());
  }
  const copies = await runCopies({ tasks, connections, progress: bar });
  bar.stop();
  const resources: Record<string, ResourceCounts> = {};
  for (const item of staged) {
    const { spec } = item;
    const entries = await quarantine({
      connection,
      staged: item,
      dir: path.join(restricted, 'quarantine'),
    });
    const reasons: Record<string, number> = {};
    for (const entry of entries) {
      reasons[entry.reason] = (reasons[entry.reason] ?? 0) + 1;
    }
    const counts = await countStaged({ connection, spec });
    const [orphanRow] = await queryRows(connection, buildOrphansSql(spec));
    const written = copies.written.get(item) ?? 0;
    if (counts.read !== written + counts.quarantined || entries.length !== counts.quarantined) {
      throw new AppError(
        'INTERNAL',
        `${spec.resourceType}: ${String(counts.read)} lines read but ${String(written)} written and ${String(entries.length)} quarantined`,
      );
    }
    resources[spec.resourceType] = {
      files: item.files.length,
      read: counts.read,
      written,
      quarantined: counts.quarantined,
      reasons,
      orphans: orphanRow === undefined ? 0 : numberField(orphanRow, 'n'),
    };
  }
  return { resources, notes: copies.notes };
}
