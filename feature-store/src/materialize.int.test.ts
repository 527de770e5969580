import type {} from '@mediassist/tooling/redis-global-setup';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  createRedisTestContext,
  type RedisTestContext,
} from '@mediassist/tooling/redis-test-context';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { featureRegistry, patientFeatureViews } from './definitions/registry.js';
import { materialize } from './materialize.js';
import { DuckDbOfflineStore } from './offline/duckdb-offline-store.js';
import { RedisOnlineStore } from './online/redis-online-store.js';
import { samplePatientFeatures, testPatientId } from './testing/sample-features.js';

describe('materialize from DuckDB/Parquet to Redis', () => {
  let ctx: RedisTestContext;
  let lakeDir: string;
  let offline: DuckDbOfflineStore;
  let online: RedisOnlineStore<(typeof patientFeatureViews)[number]>;
  const sample = samplePatientFeatures();
  const eventTimestamp = new Date(Date.now() - 3_600_000);
  const patients = Array.from({ length: 300 }, (_, i) => testPatientId(i + 1));

  beforeEach(async () => {
    ctx = createRedisTestContext(inject('redisUrl'));
    lakeDir = await mkdtemp(path.join(tmpdir(), 'fs-materialize-'));
    offline = await DuckDbOfflineStore.open({ lakeDir, threads: 1 });
    online = new RedisOnlineStore({
      redis: ctx.redis,
      registry: featureRegistry,
      keyPrefix: ctx.prefix,
    });
    for (const view of patientFeatureViews) {
      await offline.writeSnapshot({
        view,
        rows: patients.map((patientId) => ({
          patientId,
          eventTimestamp,
          value: sample[view.name] as never,
        })),
        createdAt: new Date(Date.now() - 7_200_000),
      });
    }
  });

  afterEach(async () => {
    await offline.close();
    await rm(lakeDir, { recursive: true, force: true });
    await ctx.cleanup();
  });

  async function hashes(): Promise<Map<string, Record<string, Buffer>>> {
    const all = new Map<string, Record<string, Buffer>>();
    for (const patientId of patients) {
      const key = `${ctx.prefix}fs:{${patientId}}`;
      all.set(key, await ctx.redis.hgetallBuffer(key));
    }
    return all;
  }

  it('serves every view of every patient after a full run, byte-identical on a re-run', async () => {
    const summary = await materialize({
      offline,
      online,
      views: patientFeatureViews,
      mode: 'full',
      batchSize: 128,
    });
    expect(summary).toMatchObject({ patients: 300, rows: 2700, written: 2700, skipped: 0 });

    const read = await online.read(patients[123]!);
    expect(read.features).toEqual(
      Object.fromEntries(
        patientFeatureViews.map((view) => [
          view.name,
          expect.objectContaining({
            status: 'fresh',
            value: sample[view.name],
            asOf: eventTimestamp,
          }),
        ]),
      ),
    );
    const before = await hashes();
    await materialize({ offline, online, views: patientFeatureViews, mode: 'full', batchSize: 77 });
    expect(await hashes()).toEqual(before);
  });

  it('moves only the patients written since the last run when incremental', async () => {
    await materialize({ offline, online, views: patientFeatureViews, mode: 'full' });
    await offline.writeSnapshot({
      view: featureRegistry.get('medication_list'),
      rows: [
        { patientId: patients[7]!, eventTimestamp: new Date(), value: { activeRxcuis: ['1191'] } },
      ],
    });
    const summary = await materialize({
      offline,
      online,
      views: patientFeatureViews,
      mode: 'incremental',
      overlapMs: 0,
    });
    expect(summary).toMatchObject({ patients: 1, rows: 1, written: 1 });
    const read = await online.read(patients[7]!, ['medication_list']);
    expect(read.features.medication_list).toMatchObject({ value: { activeRxcuis: ['1191'] } });
  });
});
