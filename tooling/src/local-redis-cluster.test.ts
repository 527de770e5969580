import path from 'node:path';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import {
  CLUSTER_SLOTS,
  clusterNodeArgs,
  splitSlots,
  startLocalRedisCluster,
} from './local-redis-cluster.js';

describe('splitSlots', () => {
  it('covers all 16,384 slots once, in contiguous, nearly equal ranges', () => {
    expect(splitSlots(3)).toEqual([
      [0, 5460],
      [5461, 10921],
      [10922, 16383],
    ]);
    for (const masters of [3, 4, 7, 10]) {
      const ranges = splitSlots(masters);
      const sizes = ranges.map(([a, b]) => b - a + 1);
      expect(sizes.reduce((s, n) => s + n, 0)).toBe(CLUSTER_SLOTS);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      ranges.slice(1).forEach(([from], i) => {
        expect(from).toBe((ranges[i]?.[1] ?? -2) + 1);
      });
    }
  });
});

describe('clusterNodeArgs', () => {
  it('enables cluster mode with a per-node config file, bus port and loopback announce address', () => {
    expect(clusterNodeArgs({ dataDir: '/d/node-0', busPort: 17001, nodeTimeoutMs: 1500 })).toEqual([
      '--cluster-enabled',
      'yes',
      '--cluster-config-file',
      path.join('/d/node-0', 'nodes.conf'),
      '--cluster-port',
      '17001',
      '--cluster-node-timeout',
      '1500',
      '--cluster-announce-ip',
      '127.0.0.1',
    ]);
  });
});

describe('startLocalRedisCluster', () => {
  it('refuses fewer than three masters before starting anything', async () => {
    await expect(
      startLocalRedisCluster({ dataDir: path.join(tmpdir(), 'unused'), masters: 2 }),
    ).rejects.toThrow(/at least 3 masters/);
    await expect(
      startLocalRedisCluster({ dataDir: path.join(tmpdir(), 'unused'), masters: 3.5 }),
    ).rejects.toThrow(/at least 3 masters/);
  });
});
