import {
  createRedisTestContext,
  type RedisTestContext,
} from '@mediassist/tooling/redis-test-context';
import { afterEach, describe, expect, it } from 'vitest';
import { rateLimitKey } from '../redis-keys.js';
import { rateLimiterContract } from './rate-limiter.contract.js';
import { createLeasedRateLimiter } from './leased-rate-limiter.js';
import { createRedisRateLimiter } from './redis-rate-limiter.js';
import { redisUrl } from '../testing/redis-url.js';

const contexts: RedisTestContext[] = [];
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.cleanup()));
});

function context(): RedisTestContext {
  const ctx = createRedisTestContext(redisUrl());
  contexts.push(ctx);
  return ctx;
}

rateLimiterContract('RedisRateLimiter', () => {
  const ctx = context();
  return {
    create: (policy) => createRedisRateLimiter({ redis: ctx.redis, policy, keyPrefix: ctx.prefix }),
    advance: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    key: (name) => name,
  };
});

rateLimiterContract('LeasedRateLimiter over Redis', () => {
  const ctx = context();
  return {
    create: (policy) =>
      createLeasedRateLimiter({
        source: createRedisRateLimiter({ redis: ctx.redis, policy, keyPrefix: ctx.prefix }),
        policy,
      }),
    advance: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    key: (name) => name,
  };
});

describe('RedisRateLimiter', () => {
  it('hands out a lease of several tokens in one script call, and what is left', async () => {
    const ctx = context();
    const limiter = createRedisRateLimiter({
      redis: ctx.redis,
      policy: { capacity: 10, refillPerSecond: 0.01 },
      keyPrefix: ctx.prefix,
    });
    expect(await limiter.take('ehr', 4)).toEqual({ taken: 4, remaining: 6, retryAfterMs: 0 });
    expect(await limiter.take('ehr', 8)).toEqual({ taken: 6, remaining: 0, retryAfterMs: 0 });
    const refused = await limiter.take('ehr', 1);
    expect(refused.taken).toBe(0);
    expect(refused.retryAfterMs).toBeGreaterThan(90_000);
    expect(Number(await ctx.redis.hget(rateLimitKey(ctx.prefix, 'ehr'), 'tokens'))).toBeLessThan(1);
  });

  it('spends leases locally: 50 requests take 63 tokens in 6 round trips (leased limiter)', async () => {
    const ctx = context();
    const policy = { capacity: 1_000, refillPerSecond: 1 };
    const limiter = createLeasedRateLimiter({
      source: createRedisRateLimiter({ redis: ctx.redis, policy, keyPrefix: ctx.prefix }),
      policy,
      leaseMs: 60_000,
    });
    for (let i = 0; i < 50; i++) {
      expect((await limiter.consume('ehr')).allowed).toBe(true);
    }
    // Leases of 1, 2, 4, 8, 16, 32 left the shared bucket (plus a moment's refill).
    const tokens = Number(await ctx.redis.hget(rateLimitKey(ctx.prefix, 'ehr'), 'tokens'));
    expect(tokens).toBeGreaterThanOrEqual(937);
    expect(tokens).toBeLessThan(940);
  });

  it('stores one hash per caller with a TTL of one full refill', async () => {
    const ctx = context();
    const limiter = createRedisRateLimiter({
      redis: ctx.redis,
      policy: { capacity: 10, refillPerSecond: 2 },
      keyPrefix: ctx.prefix,
    });
    await limiter.consume('dr-1');
    const key = rateLimitKey(ctx.prefix, 'dr-1');
    expect(await ctx.redis.hget(key, 'tokens')).toBe('9');
    const ttl = await ctx.redis.pttl(key);
    expect(ttl).toBeGreaterThan(5_000);
    expect(ttl).toBeLessThanOrEqual(6_000);
  });

  it('re-loads its script after SCRIPT FLUSH', async () => {
    const ctx = context();
    const limiter = createRedisRateLimiter({
      redis: ctx.redis,
      policy: { capacity: 5, refillPerSecond: 1 },
      keyPrefix: ctx.prefix,
    });
    await limiter.consume('dr-2');
    await ctx.redis.script('FLUSH');
    expect(await limiter.consume('dr-2')).toEqual({ allowed: true, remaining: 3 });
  });

  it('shares one budget between two limiters (two replicas)', async () => {
    const ctx = context();
    const policy = { capacity: 2, refillPerSecond: 0.01 };
    const a = createRedisRateLimiter({ redis: ctx.redis, policy, keyPrefix: ctx.prefix });
    const b = createRedisRateLimiter({ redis: ctx.redis, policy, keyPrefix: ctx.prefix });
    expect((await a.consume('dr-3')).allowed).toBe(true);
    expect((await b.consume('dr-3')).allowed).toBe(true);
    expect((await a.consume('dr-3')).allowed).toBe(false);
  });
});
