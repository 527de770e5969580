import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demographics } from '../definitions/views/demographics.js';
import { medicationList } from '../definitions/views/medication-list.js';
import { patientEmbedding } from '../definitions/views/patient-embedding.js';
import {
  OFFLINE_CONTRACT_NOW,
  offlineStoreContract,
  readAllLatest,
} from '../testing/offline-store-contract.js';
import { samplePatientFeatures, testPatientId } from '../testing/sample-features.js';
import { DuckDbOfflineStore } from './duckdb-offline-store.js';

offlineStoreContract('DuckDbOfflineStore', async () => {
  const lakeDir = await mkdtemp(path.join(tmpdir(), 'fs-lake-'));
  const store = await DuckDbOfflineStore.open({
    lakeDir,
    threads: 1,
    clock: () => OFFLINE_CONTRACT_NOW,
  });
  return {
    store,
    teardown: async () => {
      await store.close();
      await rm(lakeDir, { recursive: true, force: true });
    },
  };
});

describe('DuckDbOfflineStore on Parquet', () => {
  let lakeDir: string;
  let store: DuckDbOfflineStore;
  const sample = samplePatientFeatures();
  const eventTimestamp = new Date(Date.now() - 60_000);

  beforeEach(async () => {
    lakeDir = await mkdtemp(path.join(tmpdir(), 'fs-lake-'));
    store = await DuckDbOfflineStore.open({ lakeDir, threads: 1 });
  });
  afterEach(async () => {
    await store.close();
    await rm(lakeDir, { recursive: true, force: true });
  });

  it('writes each snapshot as one complete Parquet file under features/<view>/v<version>/', async () => {
    await store.writeSnapshot({
      view: demographics,
      rows: [{ patientId: testPatientId(1), eventTimestamp, value: sample.demographics }],
    });
    const files = await readdir(path.join(lakeDir, 'features', 'demographics', 'v1'));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^part-\d{13}-[0-9a-f]{12}\.parquet$/);
  });

  it('stores the documented columns: JSON text for JSON views, raw float32 bytes for vectors', async () => {
    await store.writeSnapshot({
      view: demographics,
      rows: [{ patientId: testPatientId(1), eventTimestamp, value: sample.demographics }],
    });
    await store.writeSnapshot({
      view: patientEmbedding,
      rows: [{ patientId: testPatientId(1), eventTimestamp, value: sample.patient_embedding }],
    });
    const db = await DuckDBInstance.create(':memory:');
    const connection = await db.connect();
    const describe = async (view: string) => {
      const glob = path.join(lakeDir, 'features', view, 'v1', '*.parquet');
      const reader = await connection.runAndReadAll(
        `DESCRIBE SELECT * FROM read_parquet('${glob}')`,
      );
      return reader.getRowObjectsJson().map((r) => [r['column_name'], r['column_type']]);
    };
    expect(await describe('demographics')).toEqual([
      ['patient_id', 'VARCHAR'],
      ['event_timestamp', 'TIMESTAMP WITH TIME ZONE'],
      ['created_at', 'TIMESTAMP WITH TIME ZONE'],
      ['value', 'VARCHAR'],
    ]);
    expect((await describe('patient_embedding'))[3]).toEqual(['value', 'BLOB']);
    const glob = path.join(lakeDir, 'features', 'demographics', 'v1', '*.parquet');
    const json = await connection.runAndReadAll(
      `SELECT value->>'sex' AS sex, epoch_ms(event_timestamp) AS ms FROM read_parquet('${glob}')`,
    );
    expect(json.getRowObjectsJson()).toEqual([
      { sex: 'female', ms: String(eventTimestamp.getTime()) },
    ]);
    connection.closeSync();
    db.closeSync();
  });

  it('ignores files that are still being written and anything that is not a snapshot', async () => {
    await store.writeSnapshot({
      view: medicationList,
      rows: [{ patientId: testPatientId(1), eventTimestamp, value: sample.medication_list }],
    });
    const directory = path.join(lakeDir, 'features', 'medication_list', 'v1');
    await writeFile(
      path.join(directory, 'part-1763000000000-abcdef012345.parquet.tmp'),
      'half a file',
    );
    await writeFile(path.join(directory, 'notes.txt'), 'not parquet');
    const { rows } = await readAllLatest(store, { views: [medicationList] });
    expect(rows).toHaveLength(1);
  });

  it('builds a training set from labels kept in Parquet', async () => {
    await store.writeSnapshot({
      view: medicationList,
      rows: [{ patientId: testPatientId(1), eventTimestamp, value: sample.medication_list }],
    });
    const labelFile = path.join(lakeDir, 'labels.parquet');
    const db = await DuckDBInstance.create(':memory:');
    const connection = await db.connect();
    await connection.run(
      `COPY (SELECT '${testPatientId(1)}' AS patient_id, TIMESTAMPTZ '${new Date().toISOString()}' AS label_timestamp, 'J18.9' AS label) TO '${labelFile}' (FORMAT parquet)`,
    );
    connection.closeSync();
    db.closeSync();
    const rows = [];
    for await (const batch of store.trainingSetFromParquet({
      labelFiles: [labelFile],
      views: [medicationList],
    })) {
      rows.push(...batch);
    }
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      patientId: testPatientId(1),
      label: 'J18.9',
      features: { medication_list: { status: 'fresh', value: sample.medication_list } },
    });
  });
});
