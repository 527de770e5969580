/**
 * RedisOnlineStore on a real 3-master Redis Cluster (started once for this file): the whole online
 * store contract through ioredis's Cluster client, then many patients spread over every master,
 * newest-wins between two deployments writing in any order, and the script cached per node.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { featureRegistry } from '../definitions/registry.js';
import {
  startLocalRedisCluster,
  type LocalRedisCluster,
} from '@mediassist/tooling/local-redis-cluster';
import { Cluster } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onlineStoreContract } from '../testing/online-store-contract.js';
import { samplePatientFeatures, testPatientId } from '../testing/sample-features.js';
import { createOnlineStoreKeys } from './redis-keys.js';
import { RedisOnlineStore } from './redis-online-store.js';

let cluster: LocalRedisCluster;
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'fs-cluster-'));
  cluster = await startLocalRedisCluster({ dataDir, masters: 3 });
});

afterAll(async () => {
  await cluster.stop();
  await rm(dataDir, { recursive: true, force: true });
});

let run = 0;
onlineStoreContract('RedisOnlineStore on a 3-master Redis Cluster', () => {
  const client = new Cluster([...cluster.startupNodes]);
  const keyPrefix = `c${String((run += 1))}:`;
  const keys = createOnlineStoreKeys(keyPrefix);
  return Promise.resolve({
    createStore: (options) => new RedisOnlineStore({ ...options, redis: client, keyPrefix }),
    setRawField: async ({ patientId, field, value }) => {
      await client.hset(keys.patient(patientId), field, Buffer.from(value));
    },
    teardown: async () => {
      await client.quit();
    },
  });
});

describe('RedisOnlineStore across 3 masters', () => {
  const NOW = new Date('2026-11-22T12:00:00.000Z');
  const clock = () => NOW;
  const sample = samplePatientFeatures();
  const patients = Array.from({ length: 600 }, (_, i) => testPatientId(10_000 + i));

  it('writes and reads many patients whose keys land on every master', async () => {
    const client = new Cluster([...cluster.startupNodes]);
    const keyPrefix = 'spread:';
    const store = new RedisOnlineStore({
      redis: client,
      registry: featureRegistry,
      keyPrefix,
      clock,
    });
    try {
      const summary = await store.writeMany(
        patients.map((patientId, i) => ({
          patientId,
          features: {
            demographics: { value: { birthYear: 1940 + (i % 60), sex: 'female' }, asOf: NOW },
            medication_list: { value: sample.medication_list, asOf: NOW },
          },
        })),
      );
      expect(summary).toEqual({ patients: 600, written: 1200, skipped: 0 });
      const owners = new Map<number, number>();
      for (const patientId of patients) {
        const slot = Number(
          await client.call(
            'CLUSTER',
            'KEYSLOT',
            createOnlineStoreKeys(keyPrefix).patient(patientId),
          ),
        );
        const owner = cluster.masters.findIndex(
          (m) => m.slots !== null && slot >= m.slots[0] && slot <= m.slots[1],
        );
        owners.set(owner, (owners.get(owner) ?? 0) + 1);
      }
      expect([...owners.keys()].sort()).toEqual([0, 1, 2]);
      expect(Math.min(...owners.values())).toBeGreaterThan(120);
      const perMaster = await Promise.all(client.nodes('master').map((n) => n.dbsize()));
      expect(perMaster.every((n) => n > 120)).toBe(true);
      const reads = await Promise.all(patients.map((p) => store.read(p, ['demographics'])));
      reads.forEach((read, i) => {
        const state = read.features.demographics;
        expect(state.status).toBe('fresh');
        expect(state.status === 'fresh' && state.value.birthYear).toBe(1940 + (i % 60));
      });
    } finally {
      client.disconnect();
    }
  });

  it('keeps the newest value whatever order two deployments write in', async () => {
    const a = new Cluster([...cluster.startupNodes]);
    const b = new Cluster([...cluster.startupNodes]);
    const keyPrefix = 'newest:';
    const storeA = new RedisOnlineStore({ redis: a, registry: featureRegistry, keyPrefix, clock });
    const storeB = new RedisOnlineStore({ redis: b, registry: featureRegistry, keyPrefix, clock });
    const older = new Date(NOW.getTime() - 60_000);
    const some = patients.slice(0, 200);
    try {
      // Half the patients get the newer value first, half the older one first; both orders race.
      await Promise.all(
        some.map(async (patientId, i) => {
          const newer = () =>
            storeA.write(patientId, {
              recent_findings: {
                value: { present: ['fever'], visits90d: 3, lastVisitAt: '2026-11-22' },
                asOf: NOW,
              },
            });
          const stale = () =>
            storeB.write(patientId, {
              recent_findings: {
                value: { present: ['cough'], visits90d: 1, lastVisitAt: '2026-11-01' },
                asOf: older,
              },
            });
          if (i % 2 === 0) {
            await newer();
            expect((await stale()).skipped).toEqual(['recent_findings']);
          } else {
            await stale();
            expect((await newer()).written).toEqual(['recent_findings']);
          }
        }),
      );
      const reads = await Promise.all(some.map((p) => storeB.read(p, ['recent_findings'])));
      for (const read of reads) {
        const state = read.features.recent_findings;
        expect(state.status === 'fresh' && state.value.visits90d).toBe(3);
      }
    } finally {
      a.disconnect();
      b.disconnect();
    }
  });
});
