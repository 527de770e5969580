/**
 * The online store contract on a Redis Cluster client: a one-node cluster owning every slot, so
 * keys, hash tags, script routing and NOSCRIPT recovery go through ioredis's Cluster code path.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startLocalRedis, type LocalRedis } from '@mediassist/tooling/local-redis';
import { Cluster, Redis } from 'ioredis';
import { afterAll, beforeAll } from 'vitest';
import { onlineStoreContract } from '../testing/online-store-contract.js';
import { createOnlineStoreKeys } from './redis-keys.js';
import { RedisOnlineStore } from './redis-online-store.js';

let server: LocalRedis;
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'fs-cluster-'));
  server = await startLocalRedis({
    dataDir,
    extraArgs: [
      '--cluster-enabled',
      'yes',
      '--cluster-config-file',
      path.join(dataDir, 'nodes.conf'),
      // A lone node does not know its own address; without this it announces "" to clients.
      '--cluster-announce-ip',
      '127.0.0.1',
    ],
  });
  const admin = new Redis(server.url);
  await admin.call('CLUSTER', 'ADDSLOTSRANGE', '0', '16383');
  for (let i = 0; i < 200 && !(await admin.cluster('INFO')).includes('cluster_state:ok'); i++) {
    await sleep(25);
  }
  admin.disconnect();
});

afterAll(async () => {
  await server.stop();
  await rm(dataDir, { recursive: true, force: true });
});

let run = 0;
onlineStoreContract('RedisOnlineStore on a Redis Cluster client', () => {
  const cluster = new Cluster([{ host: '127.0.0.1', port: server.port }]);
  const keyPrefix = `c${String((run += 1))}:`;
  const keys = createOnlineStoreKeys(keyPrefix);
  return Promise.resolve({
    createStore: (options) => new RedisOnlineStore({ ...options, redis: cluster, keyPrefix }),
    setRawField: async ({ patientId, field, value }) => {
      await cluster.hset(keys.patient(patientId), field, Buffer.from(value));
    },
    teardown: async () => {
      await cluster.quit();
    },
  });
});
