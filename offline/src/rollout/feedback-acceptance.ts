/**
 * Clinicians' feedback by model version, from the lake's feedback table (written by the nearline
 * tier: `<lake>/feedback/date=…/part-….parquet`, one row per accepted/dismissed suggestion or final
 * diagnosis, each with the `model_version` that answered).
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { numberField, queryRows, stringField } from '../lake/duckdb-session.js';
import { quoteLiteral } from '../lake/sql-text.js';
import type { VersionFeedback } from './canary-verdict.js';

export function feedbackDir(lakeDir: string): string {
  return path.join(lakeDir, 'feedback');
}

export function buildAcceptanceSql(options: { files: readonly string[]; sinceMs: number }): string {
  return [
    'SELECT model_version,',
    "count(*) FILTER (WHERE action = 'accepted') AS accepted,",
    "count(*) FILTER (WHERE action = 'dismissed') AS dismissed",
    `FROM read_parquet([${options.files.map(quoteLiteral).join(', ')}], hive_partitioning = false, union_by_name = true)`,
    `WHERE model_version IS NOT NULL AND occurred_at >= make_timestamptz(${String(Math.trunc(options.sinceMs))} * 1000)`,
    'GROUP BY model_version ORDER BY model_version',
  ].join(' ');
}

/** Accepted and dismissed suggestions per model version since `since`; empty without a table. */
export async function readFeedbackByVersion(options: {
  connection: DuckDBConnection;
  lakeDir: string;
  since: Date;
}): Promise<Map<string, VersionFeedback>> {
  const dir = feedbackDir(options.lakeDir);
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  const files = entries
    .filter((e) => e.isFile() && e.name.endsWith('.parquet'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
  const result = new Map<string, VersionFeedback>();
  if (files.length === 0) {
    return result;
  }
  const rows = await queryRows(
    options.connection,
    buildAcceptanceSql({ files, sinceMs: options.since.getTime() }),
  );
  for (const row of rows) {
    const version = stringField(row, 'model_version');
    if (version !== null) {
      result.set(version, {
        accepted: numberField(row, 'accepted'),
        dismissed: numberField(row, 'dismissed'),
      });
    }
  }
  return result;
}
