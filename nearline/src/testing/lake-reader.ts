/** Reads what the lake writer wrote, with DuckDB, as a data scientist would. */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { LakeTable } from '../lake/lake-layout.js';
import { quoteLiteral } from '../lake/lake-sql.js';

async function parquetFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.parquet'))
    .map((e) => path.join(e.parentPath, e.name));
}

/** Every row of a lake table (JSON-friendly values), or [] when nothing was written yet. */
export async function readLakeTable(
  lakeDir: string,
  table: LakeTable,
): Promise<Record<string, unknown>[]> {
  const files = await parquetFiles(path.join(lakeDir, table));
  if (files.length === 0) {
    return [];
  }
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  const connection = await instance.connect();
  try {
    const reader = await connection.runAndReadAll(
      `SELECT * FROM read_parquet([${files.map(quoteLiteral).join(', ')}], hive_partitioning = false) ORDER BY event_id`,
    );
    return reader.getRowObjectsJson();
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** How many rows each event id has in a lake table. */
export async function lakeRowCounts(
  lakeDir: string,
  table: LakeTable,
): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const row of await readLakeTable(lakeDir, table)) {
    const id = String(row['event_id']);
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}
