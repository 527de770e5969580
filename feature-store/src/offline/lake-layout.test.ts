import { describe, expect, it } from 'vitest';
import {
  snapshotFileName,
  snapshotFiles,
  temporaryFileName,
  viewDirectory,
} from './lake-layout.js';

describe('lake layout', () => {
  it('keeps each version of a view in its own folder', () => {
    expect(viewDirectory({ lakeDir: '/lake', view: { name: 'care_gaps', version: 3 } })).toBe(
      '/lake/features/care_gaps/v3',
    );
  });

  it('names snapshot files by creation time, so names sort oldest first', () => {
    const name = snapshotFileName(new Date(1_795_348_800_000));
    expect(name).toMatch(/^part-1795348800000-[0-9a-f]{12}\.parquet$/);
    expect(temporaryFileName(name)).toBe(`${name}.tmp`);
  });

  it('lists only complete snapshot files: never temporary files or strangers', () => {
    expect(
      snapshotFiles([
        'part-1795348800000-bbbbbbbbbbbb.parquet',
        'part-1795348700000-aaaaaaaaaaaa.parquet.tmp',
        'part-1795348600000-cccccccccccc.parquet',
        'notes.txt',
        '.part-1.parquet',
      ]),
    ).toEqual([
      'part-1795348600000-cccccccccccc.parquet',
      'part-1795348800000-bbbbbbbbbbbb.parquet',
    ]);
  });
});
