/**
 * Where accepted events land in the lake (Hive-style partitions by the event's UTC date):
 *   <lake>/events/date=YYYY-MM-DD/part-<written at ms>-<random>.parquet     visit events
 *   <lake>/feedback/date=YYYY-MM-DD/part-<written at ms>-<random>.parquet   feedback events
 * A file appears under its final name only once complete and fsynced (`<name>.tmp`, then rename).
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';

export const LAKE_TABLES = ['events', 'feedback'] as const;
export type LakeTable = (typeof LAKE_TABLES)[number];

/** A new file's path relative to the lake root, e.g. `events/date=2026-11-05/part-…parquet`. */
export function lakeFilePath(options: { table: LakeTable; date: string; writtenAt: Date }): string {
  const name = `part-${String(options.writtenAt.getTime())}-${randomBytes(6).toString('hex')}.parquet`;
  return path.posix.join(options.table, `date=${options.date}`, name);
}

export function temporaryPath(finalPath: string): string {
  return `${finalPath}.tmp`;
}
