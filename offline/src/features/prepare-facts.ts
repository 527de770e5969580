/** Loads the KB slices, the nearline events, the fact tables and the snapshot days into a session. */
import type { DuckDBConnection } from '@duckdb/node-api';
import { AppError } from '@mediassist/shared/errors';
import type { KnowledgeBase } from '@mediassist/shared/kb';
import { queryRows, type Row } from '../lake/duckdb-session.js';
import type { LakeLayout } from '../lake/lake-layout.js';
import { buildEventTablesSql, buildFactTablesSql } from './facts-sql.js';
import { loadKbTables } from './kb-tables.js';
import { buildSnapshotsSql } from './views-sql.js';

export interface PreparedFacts {
  /** Day-before-visit snapshots and current snapshots (one per patient). */
  readonly history: number;
  readonly current: number;
  /** Nearline visit and feedback events read. */
  readonly visitEvents: number;
  readonly feedbackEvents: number;
}

export const SNAPSHOT_COUNTS_SQL =
  'SELECT count(*) FILTER (WHERE NOT current) AS history, count(*) FILTER (WHERE current) AS current, (SELECT count(*) FROM ev) AS visits, (SELECT count(*) FROM fb) AS feedback FROM snapshots';

export async function prepareFacts(options: {
  connection: DuckDBConnection;
  kb: KnowledgeBase;
  layout: LakeLayout;
  events: { eventFiles: readonly string[]; feedbackFiles: readonly string[] };
  snapshots: { asOf: Date; since: Date | undefined; currentMs: number };
}): Promise<PreparedFacts> {
  const { connection, kb, layout, events } = options;
  await connection.run(`SET TimeZone = 'UTC'`);
  await loadKbTables({ connection, kb });
  try {
    for (const sql of buildEventTablesSql(events)) {
      await connection.run(sql);
    }
  } catch (error) {
    throw new AppError(
      'VALIDATION_FAILED',
      'Nearline event files in the lake do not have the expected schema (see docs/lake.md)',
      { cause: error },
    );
  }
  const table = (name: Parameters<LakeLayout['clinicalTable']>[0]): string =>
    layout.clinicalTable(name);
  for (const sql of buildFactTablesSql({ table, ...events })) {
    await connection.run(sql);
  }
  await connection.run(buildSnapshotsSql(options.snapshots));
  const [counts] = await queryRows(connection, SNAPSHOT_COUNTS_SQL);
  const n = (row: Row | undefined, key: string): number => Number(row?.[key] ?? 0);
  return {
    history: n(counts, 'history'),
    current: n(counts, 'current'),
    visitEvents: n(counts, 'visits'),
    feedbackEvents: n(counts, 'feedback'),
  };
}
