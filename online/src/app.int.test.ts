import type { ReadinessResponse } from '@mediassist/shared/api';
import { createLogger } from '@mediassist/shared/logger';
import {
  createRedisTestContext,
  type RedisTestContext,
} from '@mediassist/tooling/redis-test-context';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { createFallbackRateLimiter } from './rate-limit/fallback-rate-limiter.js';
import { createMemoryRateLimiter } from './rate-limit/memory-rate-limiter.js';
import type { TokenBucketPolicy } from './rate-limit/rate-limiter.js';
import { createRedisRateLimiter } from './rate-limit/redis-rate-limiter.js';
import { createManualClock } from './testing/manual-clock.js';
import { createTestApp } from './testing/test-app.js';
import { redisUrl } from './testing/redis-url.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) {
    await cleanup();
  }
});

function redisContext(): RedisTestContext {
  const ctx = createRedisTestContext(redisUrl());
  cleanups.push(() => ctx.cleanup());
  return ctx;
}

/** A client configured like main.ts: no offline queue, so a dead Redis fails fast. */
function unreachableRedis(): Redis {
  const redis = new Redis('redis://127.0.0.1:1', {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    retryStrategy: () => 1_000,
  });
  redis.on('error', () => undefined);
  cleanups.push(() => {
    redis.disconnect();
  });
  return redis;
}

function sharedLimiter(redis: Redis, prefix: string, policy: TokenBucketPolicy) {
  return createFallbackRateLimiter({
    primary: createRedisRateLimiter({ redis, policy, keyPrefix: prefix }),
    fallback: createMemoryRateLimiter({ policy, clock: createManualClock() }),
    logger: createLogger({ name: 't', level: 'silent' }),
    timeoutMs: 200,
  });
}

describe('readiness against a real Redis', () => {
  it('reports Redis up with its latency', async () => {
    const ctx = redisContext();
    const t = await createTestApp({ overrides: { redis: ctx.redis } });
    const res = await t.app.request('/readyz');
    const body = (await res.json()) as ReadinessResponse;
    expect(res.status).toBe(200);
    expect(body.components['redis']).toMatchObject({ state: 'up', critical: false });
    expect(body.components['redis']?.latencyMs).toBeGreaterThanOrEqual(0);
    // No model yet: still guideline-only.
    expect(body.mode).toBe('guideline-only');
  });

  it('stays ready (guideline-only) with an unreachable Redis, and answers quickly', async () => {
    const t = await createTestApp({ overrides: { redis: unreachableRedis() } });
    const started = performance.now();
    const res = await t.app.request('/readyz');
    expect(performance.now() - started).toBeLessThan(1_000);
    const body = (await res.json()) as ReadinessResponse;
    expect(res.status).toBe(200);
    expect(body).toMatchObject({ status: 'ready', mode: 'guideline-only' });
    expect(body.components['redis']).toEqual({
      state: 'down',
      critical: false,
      reason: 'unreachable',
    });
  });
});

describe('rate limiting through Redis', () => {
  it('shares one caller budget across two replicas', async () => {
    const ctx = redisContext();
    const policy = { capacity: 2, refillPerSecond: 0.1 };
    const a = await createTestApp({
      overrides: { rateLimiter: sharedLimiter(ctx.redis, ctx.prefix, policy) },
    });
    const b = await createTestApp({
      overrides: {
        rateLimiter: sharedLimiter(ctx.redis, ctx.prefix, policy),
        auth: a.deps.auth,
      },
    });
    const headers = a.as('clinician');
    const statuses = [
      (await a.app.request('/api/v1/kb/version', { headers })).status,
      (await b.app.request('/api/v1/kb/version', { headers })).status,
      (await a.app.request('/api/v1/kb/version', { headers })).status,
    ];
    expect(statuses).toEqual([200, 200, 429]);
    const refused = await b.app.request('/api/v1/kb/version', { headers });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThanOrEqual(1);
  });

  it('keeps serving with local buckets when Redis is unreachable', async () => {
    const t = await createTestApp();
    const rateLimiter = createFallbackRateLimiter({
      primary: createRedisRateLimiter({
        redis: unreachableRedis(),
        policy: { capacity: 5, refillPerSecond: 1 },
        keyPrefix: 'unused:',
      }),
      fallback: createMemoryRateLimiter({
        policy: { capacity: 5, refillPerSecond: 1 },
        clock: t.clock,
      }),
      logger: t.deps.logger,
      onFallback: () => {
        t.deps.metrics.rateLimitBackendFallbacks.inc();
      },
    });
    const app = (await createTestApp({ overrides: { rateLimiter, auth: t.deps.auth } })).app;
    const statuses = [];
    for (let i = 0; i < 6; i++) {
      statuses.push(
        (await app.request('/api/v1/kb/version', { headers: t.as('clinician') })).status,
      );
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const metrics = await t.deps.metrics.registry.getSingleMetricAsString(
      'mediassist_rate_limit_backend_fallback_total',
    );
    expect(metrics).toContain('mediassist_rate_limit_backend_fallback_total 6');
  });
});
