/**
 * Writes a benchmark lake: `patients` synthetic patients with every view, through the offline
 * store's own write path (validated, one Parquet snapshot per view). Run on its own so the
 * benchmark's memory figure covers materialization and reads only:
 * `tsx --conditions=@mediassist/source feature-store/bench/generate-lake.ts <lakeDir> <patients>`.
 */
import { fileURLToPath } from 'node:url';
import { patientFeatureViews } from '../src/definitions/registry.js';
import { DuckDbOfflineStore } from '../src/offline/duckdb-offline-store.js';
import { testPatientId } from '../src/testing/sample-features.js';
import { seededRandom, syntheticValue } from './synthetic-features.js';

export async function generateLake(options: {
  lakeDir: string;
  patients: number;
  seed?: number;
}): Promise<void> {
  const { lakeDir, patients, seed = 20261122 } = options;
  const offline = await DuckDbOfflineStore.open({ lakeDir });
  const eventTimestamp = new Date(Date.now() - 3_600_000);
  try {
    for (const [index, view] of patientFeatureViews.entries()) {
      const random = seededRandom(seed + index);
      const rows = Array.from({ length: patients }, (_, i) => ({
        patientId: testPatientId(i + 1),
        eventTimestamp,
        value: syntheticValue(view.name, random) as never,
      }));
      await offline.writeSnapshot({ view, rows });
    }
  } finally {
    await offline.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [lakeDir, patients] = process.argv.slice(2);
  if (!lakeDir || !patients) {
    throw new Error('usage: generate-lake.ts <lakeDir> <patients>');
  }
  await generateLake({ lakeDir, patients: Number(patients) });
}
