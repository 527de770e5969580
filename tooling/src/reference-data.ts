/**
 * The public reference datasets beside the project (`../shared/data`: ICD-10-CM, RxNorm, Synthea…),
 * present for developers and CI, absent for users. Tests that need them use
 * `describe.skipIf(!referenceDataDir())`.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from './state-dir.js';

export function referenceDataDir(): string | undefined {
  const dir =
    process.env['MEDIASSIST_REFERENCE_DATA'] ?? path.join(projectRoot(), '..', 'shared', 'data');
  return existsSync(path.join(dir, 'README.md')) ? dir : undefined;
}
