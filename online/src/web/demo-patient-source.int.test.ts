import { featureRegistry } from '@mediassist/feature-store/definitions';
import { RedisOnlineStore } from '@mediassist/feature-store/online';
import { testPatientId } from '@mediassist/feature-store/testing';
import {
  createRedisTestContext,
  type RedisTestContext,
} from '@mediassist/tooling/redis-test-context';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { redisUrl } from '../testing/redis-url.js';
import { createRedisDemoPatientSource } from './demo-patient-source.js';

let ctx: RedisTestContext;

beforeEach(() => {
  ctx = createRedisTestContext(redisUrl());
});

afterEach(async () => {
  await ctx.cleanup();
});

describe('createRedisDemoPatientSource', () => {
  it('samples the patients the online store holds under its prefix, sorted, up to the limit', async () => {
    const store = new RedisOnlineStore({
      redis: ctx.redis,
      registry: featureRegistry,
      keyPrefix: ctx.prefix,
    });
    const asOf = new Date();
    for (const n of [5, 3, 9, 1]) {
      await store.write(testPatientId(n), {
        demographics: { value: { birthYear: 1960, sex: 'male' }, asOf },
      });
    }
    // Keys of other prefixes and the watermarks hash are not patients.
    await ctx.redis.hset(`${ctx.prefix}other:fs:{${testPatientId(7)}}`, 'x', '1');
    await store.watermarks.set({ name: 'demographics', version: 1 }, asOf);

    const source = createRedisDemoPatientSource({ redis: ctx.redis, keyPrefix: ctx.prefix });
    expect(await source.sample(10)).toEqual([1, 3, 5, 9].map(testPatientId));
    expect(await source.sample(2)).toHaveLength(2);
  });

  it('finds nobody in an empty store', async () => {
    const source = createRedisDemoPatientSource({ redis: ctx.redis, keyPrefix: ctx.prefix });
    expect(await source.sample(5)).toEqual([]);
  });
});
