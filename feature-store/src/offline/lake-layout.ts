/**
 * Where feature snapshots live in the lake:
 *   <lake>/features/<view>/v<version>/part-<created_at ms>-<random>.parquet
 * A file appears under its final name only once complete (written as `<name>.tmp`, then renamed),
 * so a reader listing `*.parquet` never sees half a file.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';

export function viewDirectory(options: {
  lakeDir: string;
  view: { readonly name: string; readonly version: number };
}): string {
  const { lakeDir, view } = options;
  return path.join(lakeDir, 'features', view.name, `v${String(view.version)}`);
}

export function snapshotFileName(createdAt: Date): string {
  return `part-${String(createdAt.getTime())}-${randomBytes(6).toString('hex')}.parquet`;
}

/** The name a snapshot is written under before the atomic rename. */
export function temporaryFileName(fileName: string): string {
  return `${fileName}.tmp`;
}

/** Complete snapshot files among a directory's entries, oldest first (names sort by creation time). */
export function snapshotFiles(entries: readonly string[]): string[] {
  return entries.filter((name) => /^part-\d+-[0-9a-f]+\.parquet$/.test(name)).sort();
}
