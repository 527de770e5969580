import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demographics } from '../definitions/views/demographics.js';
import { medicationList } from '../definitions/views/medication-list.js';
import { patientEmbedding } from '../definitions/views/patient-embedding.js';
import { RestoreCommandEncoder } from '../online/redis-restore-commands.js';
import { samplePatientFeatures, testPatientId } from '../testing/sample-features.js';
import { DuckDbOfflineStore } from './duckdb-offline-store.js';
import { encodedBatch } from './latest-batch.js';

describe('latest values read for materialization', () => {
  let lakeDir: string;
  let store: DuckDbOfflineStore;
  const sample = samplePatientFeatures();
  const now = Date.now();
  const views = [demographics, medicationList, patientEmbedding];

  beforeEach(async () => {
    lakeDir = await mkdtemp(path.join(tmpdir(), 'fs-latest-values-'));
    store = await DuckDbOfflineStore.open({ lakeDir, threads: 1 });
  });
  afterEach(async () => {
    await store.close();
    await rm(lakeDir, { recursive: true, force: true });
  });

  it('give byte-identical RESTOREs to the ones built from readLatest (Arrow) columns', async () => {
    const patients = Array.from({ length: 200 }, (_, i) => testPatientId(i + 1));
    const longList = { activeRxcuis: Array.from({ length: 40 }, (_, i) => String(1000 + i)) };
    await store.writeSnapshot({
      view: demographics,
      rows: patients
        .filter((_, i) => i % 3 !== 0)
        .map((patientId, i) => ({
          patientId,
          eventTimestamp: new Date(now - 60_000 - i),
          value: sample.demographics,
        })),
    });
    // Two snapshots of one view: the multi-file path (event time, then creation time).
    for (const [n, createdAt] of [
      [1, new Date(now - 5_000)],
      [2, new Date(now - 4_000)],
    ] as const) {
      await store.writeSnapshot({
        view: medicationList,
        rows: patients
          .filter((_, i) => i % 2 === 0 || n === 2)
          .map((patientId, i) => ({
            patientId,
            eventTimestamp: new Date(now - 30_000 - (i % 5) * 1000),
            value: i % 7 === 0 ? longList : { activeRxcuis: [String(n * 100 + i)] },
          })),
        createdAt,
      });
    }
    await store.writeSnapshot({
      view: patientEmbedding,
      rows: patients
        .filter((_, i) => i % 5 !== 1)
        .map((patientId) => ({
          patientId,
          eventTimestamp: new Date(now - 10_000),
          value: sample.patient_embedding,
        })),
    });

    const encoder = () => new RestoreCommandEncoder({ keyPrefix: 'x:', gcTtlSeconds: 0 });
    const commandBytes = new Map<string, string>();
    const reference = await store.readLatest({ views, batchSize: 64 });
    for await (const batch of reference.batches) {
      for (const command of encoder().encode(encodedBatch(batch, views))) {
        commandBytes.set(command.key.toString(), command.bytes.toString('hex'));
      }
    }
    const latest = await store.readLatestEncoded({ views, batchSize: 64 });
    let compared = 0;
    for await (const batch of latest.batches) {
      expect(batch.views.map((c) => c.view.name)).toEqual([
        'demographics',
        'medication_list',
        'patient_embedding',
      ]);
      for (const command of encoder().encode(batch)) {
        expect(command.bytes.toString('hex')).toBe(commandBytes.get(command.key.toString()));
        compared += 1;
      }
    }
    expect(compared).toBe(patients.length);
    expect(commandBytes.size).toBe(patients.length);
  });
});
