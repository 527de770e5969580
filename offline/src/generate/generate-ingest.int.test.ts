/** The generator's export goes through ingest (real DuckDB, temp lake) like Synthea's or an EHR's. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { withTempDir } from '../lake/testing/lake-test-kit.js';
import { ingestForTest } from '../ingest/testing/ingest-for-test.js';
import { runGeneration } from './run-generation.js';
import { TEST_CONFIG } from './testing/in-memory-export.js';

describe('generated export → ingest', () => {
  it('ingests every resource with no quarantine or orphans, and resolves the codes through the KB', async () => {
    await withTempDir(async (dir) => {
      const exportDir = path.join(dir, 'export');
      const generated = await runGeneration({
        config: TEST_CONFIG,
        patients: 80,
        outDir: exportDir,
        gzip: true,
        partSize: 40,
        workers: 0,
      });
      const result = await ingestForTest({
        inputDir: exportDir,
        lakeDir: path.join(dir, 'lake'),
        asOf: new Date('2026-10-31T00:00:00Z'),
      });
      for (const [type, count] of Object.entries(generated.manifest.generator.counts)) {
        expect(result.resources[type], type).toMatchObject({
          files: 2,
          read: count,
          written: count,
          quarantined: 0,
          orphans: 0,
        });
      }
      expect(result.notes).toBe(generated.encounters);
      expect(result.pseudonyms).toEqual({ patients: 80, encounters: generated.encounters });
      for (const concept of [
        'conditions.code',
        'medication_requests.medication',
        'encounters.reason',
      ]) {
        expect(result.concepts[concept]?.unknown ?? 0, concept).toBe(0);
        expect(result.concepts[concept]?.mapped ?? 0, concept).toBeGreaterThan(0);
      }
    });
  });
});
