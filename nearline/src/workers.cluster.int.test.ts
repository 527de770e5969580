/**
 * The nearline tier on a real 3-master Redis Cluster (started once for this file): events accepted
 * by the intake (pending hashes on every master, refresh jobs in the hash-tagged `{nearline}` queue
 * prefix) are refreshed into the online store by the workers and written to the lake; a lost job is
 * found again by the pending sweep, which scans every master.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { featureRegistry } from '@mediassist/feature-store/definitions';
import { RedisOnlineStore } from '@mediassist/feature-store/online';
import { testPatientId } from '@mediassist/feature-store/testing';
import {
  createEventIntake,
  createNearlineKeys,
  NEARLINE_QUEUES,
  type NearlineKeys,
} from '@mediassist/shared/events';
import type { PatientId } from '@mediassist/shared/ids';
import { createInteractionChecker } from '@mediassist/shared/interactions';
import { loadKnowledgeBase } from '@mediassist/shared/kb';
import { createLogger } from '@mediassist/shared/logger';
import {
  startLocalRedisCluster,
  type LocalRedisCluster,
} from '@mediassist/tooling/local-redis-cluster';
import { Queue } from 'bullmq';
import { Cluster } from 'ioredis';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDuckDbLakeFileWriter, type LakeFileWriter } from './lake/duckdb-lake-file-writer.js';
import { createNearlineMetrics } from './metrics/nearline-metrics.js';
import { createCareGapsFn } from './refresh/care-gaps-fn.js';
import { createFeatureDeriver } from './refresh/derive-features.js';
import { visitEvent } from './testing/events.js';
import { FAST_RETRY } from './testing/harness.js';
import { lakeRowCounts } from './testing/lake-reader.js';
import { startWorkers } from './workers.js';

const kb = loadKnowledgeBase();
let cluster: LocalRedisCluster;
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'nearline-cluster-'));
  cluster = await startLocalRedisCluster({ dataDir: path.join(dataDir, 'redis'), masters: 3 });
});

afterAll(async () => {
  await cluster.stop();
  await rm(dataDir, { recursive: true, force: true });
});

function clusterClient(): Cluster {
  // BullMQ workers need maxRetriesPerRequest: null on every node connection.
  return new Cluster([...cluster.startupNodes], { redisOptions: { maxRetriesPerRequest: null } });
}

async function until(check: () => Promise<boolean>, timeoutMs = 40_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) {
      throw new Error('condition not met in time');
    }
    await sleep(50);
  }
}

function wiring(prefix: string) {
  const redis = clusterClient();
  const keys: NearlineKeys = createNearlineKeys(prefix);
  const refreshQueue = new Queue(NEARLINE_QUEUES.refresh, {
    connection: redis,
    prefix: keys.queuePrefix,
  });
  const store = new RedisOnlineStore({ redis, registry: featureRegistry, keyPrefix: prefix });
  const intake = createEventIntake({ redis, refreshQueue, keys, retry: FAST_RETRY });
  return { redis, keys, refreshQueue, store, intake };
}

async function startClusterWorkers(options: {
  prefix: string;
  lakeDir: string;
  files: LakeFileWriter;
}) {
  const redis = clusterClient();
  const blockingRedis = clusterClient();
  const store = new RedisOnlineStore({
    redis,
    registry: featureRegistry,
    keyPrefix: options.prefix,
  });
  const running = await startWorkers(
    {
      redis,
      blockingRedis,
      store,
      kb,
      deriver: createFeatureDeriver({
        kb,
        interactions: createInteractionChecker(kb),
        careGaps: createCareGapsFn(kb),
        encoder: () => null,
      }),
      lakeFiles: options.files,
      keys: createNearlineKeys(options.prefix),
      metrics: createNearlineMetrics({ registry: new Registry() }),
      logger: createLogger({ name: 'nearline-cluster-test', level: 'silent' }),
      clock: () => new Date(),
    },
    {
      concurrency: 8,
      lakeDir: options.lakeDir,
      lake: { flushMs: 100, maxRows: 500, claimIdleMs: 5_000, claimIntervalMs: 1_000 },
      retry: FAST_RETRY,
      sweepIntervalMs: 0,
    },
  );
  return {
    async close() {
      await running.close();
      blockingRedis.disconnect();
      await redis.quit();
    },
  };
}

async function visitsOf(
  store: RedisOnlineStore<(typeof featureRegistry.views)[number]>,
  patientId: PatientId,
): Promise<number | undefined> {
  const state = (await store.read(patientId, ['recent_findings'])).features.recent_findings;
  return state.status === 'fresh' || state.status === 'stale' ? state.value.visits90d : undefined;
}

describe('nearline on a 3-master Redis Cluster', () => {
  it('intake → refresh → features written for patients on every master, and the lake filled', async () => {
    const prefix = 'nlc1:';
    const lakeDir = path.join(dataDir, 'lake-1');
    const files = await createDuckDbLakeFileWriter();
    const { redis, keys, refreshQueue, store, intake } = wiring(prefix);
    const workers = await startClusterWorkers({ prefix, lakeDir, files });
    try {
      const patients = Array.from({ length: 60 }, (_, i) => testPatientId(5_000 + i));
      const slots = new Set<number>();
      for (const patientId of patients) {
        slots.add(Number(await redis.call('CLUSTER', 'KEYSLOT', keys.pending(patientId))));
      }
      const owners = new Set(
        [...slots].map((slot) =>
          cluster.masters.findIndex(
            (m) => m.slots !== null && slot >= m.slots[0] && slot <= m.slots[1],
          ),
        ),
      );
      expect([...owners].sort()).toEqual([0, 1, 2]);
      // The queue's keys share one slot (hash tag), whatever the queue name.
      const queueSlot = Number(
        await redis.call('CLUSTER', 'KEYSLOT', `${keys.queuePrefix}:refresh:wait`),
      );
      expect(Number(await redis.call('CLUSTER', 'KEYSLOT', `${keys.queuePrefix}:dead:id`))).toBe(
        queueSlot,
      );

      for (let round = 1; round <= 2; round++) {
        await Promise.all(
          patients.map((patientId) =>
            intake.submit(
              visitEvent({
                patientId,
                encounter: round,
                occurredAt: new Date(Date.now() - 10_000 + round).toISOString(),
                findings: { present: ['fever'], absent: [] },
              }),
            ),
          ),
        );
      }
      await until(async () =>
        (await Promise.all(patients.map((p) => visitsOf(store, p)))).every((v) => v === 2),
      );
      await until(async () => (await lakeRowCounts(lakeDir, 'events')).size === 120);
      expect([...(await lakeRowCounts(lakeDir, 'events')).values()].every((n) => n === 1)).toBe(
        true,
      );
    } finally {
      await workers.close();
      files.close();
      await refreshQueue.close();
      await redis.quit();
    }
  });

  it('finds events whose refresh job was lost on every master (sweep over all nodes)', async () => {
    const prefix = 'nlc2:';
    const lakeDir = path.join(dataDir, 'lake-2');
    const files = await createDuckDbLakeFileWriter();
    const { redis, refreshQueue, store, intake } = wiring(prefix);
    const patients = Array.from({ length: 30 }, (_, i) => testPatientId(7_000 + i));
    await Promise.all(
      patients.map((patientId) =>
        intake.submit(visitEvent({ patientId, findings: { present: ['cough'], absent: [] } })),
      ),
    );
    // As if a producer died after staging: no refresh job exists for anyone.
    await refreshQueue.obliterate({ force: true });
    expect(await refreshQueue.count()).toBe(0);
    const workers = await startClusterWorkers({ prefix, lakeDir, files });
    try {
      await until(async () =>
        (await Promise.all(patients.map((p) => visitsOf(store, p)))).every((v) => v === 1),
      );
    } finally {
      await workers.close();
      files.close();
      await refreshQueue.close();
      await redis.quit();
    }
  });
});
