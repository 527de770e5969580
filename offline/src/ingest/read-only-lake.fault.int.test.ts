/**
 * Fault: the lake's folder is read-only (chattr +i as root, mode bits otherwise). Ingest must fail
 * loudly — a rejected promise with a stable error code, never a silent success — and leave the lake
 * exactly as it was: nothing half-written is published.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { toAppError } from '@mediassist/shared/errors';
import { writeFaultResult } from '@mediassist/tooling/fault-report';
import { makeReadOnly } from '@mediassist/tooling/read-only-dir';
import { describe, expect, it } from 'vitest';
import { withTempDir } from '../lake/testing/lake-test-kit.js';
import { writeFixtureExport } from './testing/fixture-export.js';
import { ingestForTest } from './testing/ingest-for-test.js';

async function listing(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true });
  return entries.map(String).sort();
}

describe('offline: ingest into a read-only lake', () => {
  it('fails loudly and publishes nothing', async () => {
    const started = Date.now();
    await withTempDir(async (dir) => {
      const lakeDir = path.join(dir, 'lake');
      await writeFixtureExport({ dir: path.join(dir, 'in') });
      // The lake folder as an operator left it: present, with its layout, but not writable.
      await writeFixtureExport({ dir: path.join(lakeDir, 'restricted', 'previous') });
      const before = await listing(lakeDir);
      const restore = makeReadOnly(lakeDir);
      let error: unknown;
      try {
        await ingestForTest({ inputDir: path.join(dir, 'in'), lakeDir });
      } catch (thrown) {
        error = thrown;
      } finally {
        restore();
      }
      const after = await listing(lakeDir);
      const added = after.filter((f) => !before.includes(f));
      const code = error === undefined ? 'none' : toAppError(error).code;
      writeFaultResult({
        scenario: 'offline: ingest into a read-only lake folder',
        sent: 1,
        answered: error === undefined ? 0 : 1,
        lost: added.length,
        duplicated: 0,
        note: `job rejected with ${code}; lake listing unchanged (${String(added.length)} files added)`,
        durationMs: Date.now() - started,
      });
      expect(error).toBeInstanceOf(Error);
      expect(added).toEqual([]);
      expect(after).toEqual(before);
    });
  });
});
