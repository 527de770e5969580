/**
 * One real cluster for the whole file (3 masters, one replica each): formation, key spread,
 * failover, then a clean stop. The tests run in order and share it, to keep the file's time bounded.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Cluster, Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalRedisCluster, type LocalRedisCluster } from './local-redis-cluster.js';

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

let cluster: LocalRedisCluster;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'redis-cluster-'));
  cluster = await startLocalRedisCluster({
    dataDir: dir,
    masters: 3,
    replicasPerMaster: 1,
    nodeTimeoutMs: 1_000,
  });
});

afterAll(async () => {
  await cluster.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('startLocalRedisCluster (3 masters, 1 replica each)', () => {
  it('forms a cluster with every slot served, noeviction, and keys spread over all masters', async () => {
    expect(cluster.masters).toHaveLength(3);
    expect(cluster.nodes.filter((n) => n.role === 'replica')).toHaveLength(3);
    expect(cluster.nodes.every((n) => /^[0-9a-f]{40}$/.test(n.id))).toBe(true);
    const admin = new Redis(cluster.masters[0]?.url ?? '');
    const client = new Cluster([...cluster.startupNodes]);
    try {
      const info = String(await admin.call('CLUSTER', 'INFO'));
      expect(info).toMatch(/cluster_state:ok/);
      expect(info).toMatch(/cluster_slots_assigned:16384/);
      expect(info).toMatch(/cluster_known_nodes:6/);
      expect(await admin.config('GET', 'maxmemory-policy')).toEqual([
        'maxmemory-policy',
        'noeviction',
      ]);
      await Promise.all(
        Array.from({ length: 300 }, (_, i) => client.set(`k:${String(i)}`, String(i))),
      );
      expect(await client.get('k:299')).toBe('299');
      const perMaster = await Promise.all(client.nodes('master').map((n) => n.dbsize()));
      expect(perMaster).toHaveLength(3);
      expect(perMaster.every((n) => n > 50)).toBe(true);
      expect(perMaster.reduce((s, n) => s + n, 0)).toBe(300);
    } finally {
      admin.disconnect();
      client.disconnect();
    }
  });

  it('promotes a replica when its master dies, and clients keep reading and writing', async () => {
    const client = new Cluster([...cluster.startupNodes], {
      clusterRetryStrategy: () => 100,
      redisOptions: { maxRetriesPerRequest: 1 },
    });
    client.on('error', () => undefined);
    try {
      await client.set('survivor', 'yes');
      const slot = Number(await client.call('CLUSTER', 'KEYSLOT', 'survivor'));
      const owner = cluster.masters.find(
        (m) => m.slots && slot >= m.slots[0] && slot <= m.slots[1],
      );
      expect(owner).toBeDefined();
      // WAIT 1 replica: the write is on the replica before its master is killed.
      expect(await client.call('WAIT', 1, 10_000)).toBe(1);
      await owner?.server.kill();
      // Failure detection (node timeout 1 s) and the election are slower on a loaded machine.
      const deadline = Date.now() + 40_000;
      let value: string | null = null;
      while (Date.now() < deadline && value !== 'yes') {
        value = await client.get('survivor').catch(() => null);
        if (value !== 'yes') {
          await sleep(100);
        }
      }
      expect(value).toBe('yes');
      await client.set('after-failover', '1');
      expect(await client.get('after-failover')).toBe('1');
    } finally {
      client.disconnect();
    }
  });

  it('stops every node, leaves no process behind, and may be stopped twice', async () => {
    await cluster.stop();
    expect(cluster.nodes.every((n) => !processAlive(n.server.pid))).toBe(true);
    expect(existsSync(path.join(cluster.dataDir, 'node-0', 'nodes.conf'))).toBe(true);
    await cluster.stop();
  });
});
