import { parseEnv } from '@mediassist/shared/config';
import { AppError } from '@mediassist/shared/errors';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  checkRedisTarget,
  clusterOptionsFor,
  parseNodeAddress,
  redisConnectionEnvFields,
  redisTargetOf,
  requireRedisTarget,
  standaloneOptionsFor,
} from './redis-connection.js';

const Required = z
  .object({ ...redisConnectionEnvFields })
  .superRefine(checkRedisTarget({ required: true }));
const Optional = z
  .object({ ...redisConnectionEnvFields })
  .superRefine(checkRedisTarget({ required: false }));

function configError(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected CONFIG_INVALID');
}

describe('parseNodeAddress', () => {
  it('reads host:port, names and bracketed IPv6', () => {
    expect(parseNodeAddress('127.0.0.1:7000')).toEqual({ host: '127.0.0.1', port: 7000 });
    expect(parseNodeAddress('redis-0.redis:6379')).toEqual({ host: 'redis-0.redis', port: 6379 });
    expect(parseNodeAddress('[::1]:7001')).toEqual({ host: '::1', port: 7001 });
  });

  it('refuses a missing or out-of-range port, URLs and empty hosts', () => {
    for (const bad of [
      'redis',
      ':7000',
      'h:0',
      'h:65536',
      'h:70a',
      'redis://h:7000',
      'a b:1',
      '',
    ]) {
      expect(parseNodeAddress(bad), bad).toBeUndefined();
    }
  });
});

describe('the env variables', () => {
  it('REDIS_CLUSTER_NODES becomes a cluster target (spaces around entries allowed)', () => {
    const env = parseEnv(Required, { REDIS_CLUSTER_NODES: 'a:7000, b:7001 ,c:7002' });
    expect(redisTargetOf(env)).toEqual({
      kind: 'cluster',
      nodes: [
        { host: 'a', port: 7000 },
        { host: 'b', port: 7001 },
        { host: 'c', port: 7002 },
      ],
    });
  });

  it('REDIS_URL alone stays a single node', () => {
    const env = parseEnv(Required, { REDIS_URL: 'redis://127.0.0.1:6379' });
    expect(redisTargetOf(env)).toEqual({ kind: 'standalone', url: 'redis://127.0.0.1:6379' });
  });

  it('refuses both variables, naming them and echoing no value', () => {
    const error = configError(() =>
      parseEnv(Required, { REDIS_URL: 'redis://secret-host:6379', REDIS_CLUSTER_NODES: 'a:1' }),
    );
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toContain(
      'REDIS_CLUSTER_NODES: set REDIS_URL or REDIS_CLUSTER_NODES, not both',
    );
    expect(error.message).not.toContain('secret-host');
    expect(() =>
      parseEnv(Optional, { REDIS_URL: 'redis://h:1', REDIS_CLUSTER_NODES: 'a:1' }),
    ).toThrow(/not both/);
  });

  it('requires one of them where the service needs Redis, not where a job may skip it', () => {
    expect(configError(() => parseEnv(Required, {})).message).toContain(
      'REDIS_URL: set REDIS_URL (one Redis node) or REDIS_CLUSTER_NODES (a Redis Cluster)',
    );
    const env = parseEnv(Optional, {});
    expect(redisTargetOf(env)).toBeUndefined();
    expect(configError(() => requireRedisTarget(env)).code).toBe('CONFIG_INVALID');
  });

  it('reports a bad entry by its position without echoing it', () => {
    const error = configError(() =>
      parseEnv(Required, { REDIS_CLUSTER_NODES: 'a:7000,oops,b:99999' }),
    );
    expect(error.message).toContain('REDIS_CLUSTER_NODES: entry 2 of 3 is not host:port');
    expect(error.message).toContain('entry 3 of 3 is not host:port');
    expect(error.message).not.toContain('oops');
  });
});

describe('options by role', () => {
  it('workers never give up on a command (BullMQ), on one node and on every cluster node', () => {
    expect(standaloneOptionsFor('worker')).toMatchObject({
      maxRetriesPerRequest: null,
      enableReadyCheck: true,
      enableOfflineQueue: true,
    });
    expect(clusterOptionsFor('worker')).toMatchObject({
      enableReadyCheck: true,
      enableOfflineQueue: true,
      redisOptions: { maxRetriesPerRequest: null, enableReadyCheck: true },
    });
  });

  it('a request path fails fast while disconnected', () => {
    expect(standaloneOptionsFor('request')).toMatchObject({
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2_000,
    });
    expect(clusterOptionsFor('request')).toMatchObject({
      enableOfflineQueue: false,
      redisOptions: { maxRetriesPerRequest: 1, connectTimeout: 2_000 },
    });
  });

  it('a batch job connects on demand', () => {
    expect(standaloneOptionsFor('batch')).toMatchObject({
      lazyConnect: true,
      maxRetriesPerRequest: 2,
    });
    expect(clusterOptionsFor('batch')).toMatchObject({ lazyConnect: true });
  });

  it('reconnects back off to at most 2 s', () => {
    const retry = clusterOptionsFor('worker').clusterRetryStrategy;
    expect(retry(1)).toBe(200);
    expect(retry(50)).toBe(2_000);
  });
});
