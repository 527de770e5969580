/**
 * The state online replicas share through Redis, on a real 3-master Redis Cluster (started once
 * for this file): the token-bucket rate limiter (one Lua script per caller key) and the CDS Hooks
 * JWT replay guard (SET NX per token id), each used by two "replicas" with their own clients.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  startLocalRedisCluster,
  type LocalRedisCluster,
} from '@mediassist/tooling/local-redis-cluster';
import { Cluster } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCdsKeys } from '../cds-hooks/cds-redis-keys.js';
import { createRedisReplayGuard } from '../cds-hooks/redis-replay-guard.js';
import { rateLimiterContract } from '../rate-limit/rate-limiter.contract.js';
import { createRedisRateLimiter } from '../rate-limit/redis-rate-limiter.js';
import { rateLimitKey } from '../redis-keys.js';
import { systemClock } from '../clock.js';

let cluster: LocalRedisCluster;
let dataDir: string;
const clients: Cluster[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'online-cluster-'));
  cluster = await startLocalRedisCluster({ dataDir, masters: 3 });
});

afterAll(async () => {
  for (const client of clients.splice(0)) {
    client.disconnect();
  }
  await cluster.stop();
  await rm(dataDir, { recursive: true, force: true });
});

function client(): Cluster {
  const c = new Cluster([...cluster.startupNodes]);
  clients.push(c);
  return c;
}

function masterOf(slot: number): number {
  return cluster.masters.findIndex(
    (m) => m.slots !== null && slot >= m.slots[0] && slot <= m.slots[1],
  );
}

let run = 0;
rateLimiterContract('RedisRateLimiter on a 3-master Redis Cluster', () => {
  const prefix = `rl${String((run += 1))}:`;
  const redis = client();
  return {
    create: (policy) => createRedisRateLimiter({ redis, policy, keyPrefix: prefix }),
    advance: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    key: (name) => name,
  };
});

describe('shared online state on a 3-master Redis Cluster', () => {
  it('gives two replicas one budget per caller, for callers whose buckets live on every master', async () => {
    const policy = { capacity: 5, refillPerSecond: 0.001 };
    const a = createRedisRateLimiter({ redis: client(), policy, keyPrefix: 'shared:' });
    const b = createRedisRateLimiter({ redis: client(), policy, keyPrefix: 'shared:' });
    const callers = Array.from({ length: 30 }, (_, i) => `caller-${String(i)}`);
    const admin = client();
    const masters = new Set<number>();
    for (const caller of callers) {
      masters.add(
        masterOf(Number(await admin.call('CLUSTER', 'KEYSLOT', rateLimitKey('shared:', caller)))),
      );
      const decisions = [];
      for (let i = 0; i < 8; i++) {
        decisions.push(await (i % 2 === 0 ? a : b).consume(caller));
      }
      expect(decisions.filter((d) => d.allowed)).toHaveLength(5);
    }
    expect([...masters].sort()).toEqual([0, 1, 2]);
  });

  it('refuses a replayed token id on the other replica, for ids on every master', async () => {
    const keys = createCdsKeys('cds:');
    const a = createRedisReplayGuard({ redis: client(), keys, clock: systemClock });
    const b = createRedisReplayGuard({ redis: client(), keys, clock: systemClock });
    const expiresAtMs = Date.now() + 60_000;
    for (let i = 0; i < 60; i++) {
      const token = { id: `jti-${String(i)}`, expiresAtMs };
      expect(await (i % 2 === 0 ? a : b).firstUse(token)).toBe(true);
      expect(await (i % 2 === 0 ? b : a).firstUse(token)).toBe(false);
    }
    const perMaster = await Promise.all(
      clients[clients.length - 1]?.nodes('master').map((n) => n.dbsize()) ?? [],
    );
    expect(perMaster.filter((n) => n > 0)).toHaveLength(3);
  });
});
