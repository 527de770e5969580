import type {} from '@mediassist/tooling/redis-global-setup';
import {
  createRedisTestContext,
  type RedisTestContext,
} from '@mediassist/tooling/redis-test-context';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { featureRegistry } from '../definitions/registry.js';
import { onlineStoreContract } from '../testing/online-store-contract.js';
import { samplePatientFeatures, testPatientId } from '../testing/sample-features.js';
import { createOnlineStoreKeys } from './redis-keys.js';
import { RedisOnlineStore, type RedisOnlineStoreClient } from './redis-online-store.js';

onlineStoreContract('RedisOnlineStore', () => {
  const ctx = createRedisTestContext(inject('redisUrl'));
  const keys = createOnlineStoreKeys(ctx.prefix);
  return Promise.resolve({
    createStore: (options) =>
      new RedisOnlineStore({ ...options, redis: ctx.redis, keyPrefix: ctx.prefix }),
    setRawField: async ({ patientId, field, value }) => {
      await ctx.redis.hset(keys.patient(patientId), field, Buffer.from(value));
    },
    teardown: () => ctx.cleanup(),
  });
});

describe('RedisOnlineStore on Redis', () => {
  let ctx: RedisTestContext;
  const patient = testPatientId(42);
  const sample = samplePatientFeatures();
  const asOf = new Date(Date.now() - 60_000);

  beforeEach(() => {
    ctx = createRedisTestContext(inject('redisUrl'));
  });
  afterEach(async () => {
    await ctx.cleanup();
  });

  it('keeps one hash per patient under a cluster hash tag, with value, as_of and version per view', async () => {
    const store = new RedisOnlineStore({
      redis: ctx.redis,
      registry: featureRegistry,
      keyPrefix: ctx.prefix,
    });
    await store.write(patient, {
      demographics: { value: sample.demographics, asOf },
      patient_embedding: { value: sample.patient_embedding, asOf },
    });
    const key = `${ctx.prefix}fs:{${patient}}`;
    expect(await ctx.redis.keys(`${ctx.prefix}*`)).toEqual([key]);
    const hash = await ctx.redis.hgetallBuffer(key);
    expect(Object.keys(hash).sort()).toEqual([
      'demographics:as_of',
      'demographics:value',
      'demographics:version',
      'patient_embedding:as_of',
      'patient_embedding:value',
      'patient_embedding:version',
    ]);
    expect(hash['demographics:value']?.toString()).toBe('{"birthYear":1956,"sex":"female"}');
    expect(hash['demographics:as_of']?.toString()).toBe(String(asOf.getTime()));
    expect(hash['demographics:version']?.toString()).toBe('1');
    expect(hash['patient_embedding:value']).toEqual(Buffer.from(sample.patient_embedding.buffer));
    expect(await ctx.redis.ttl(key)).toBe(-1);
  });

  it('reads all views of a patient in one Redis call, and a subset with one HMGET', async () => {
    const calls: string[] = [];
    const counting = new Proxy(ctx.redis, {
      get(target, property, receiver) {
        const value: unknown = Reflect.get(target, property, receiver);
        if (typeof value !== 'function') {
          return value;
        }
        return (...args: unknown[]) => {
          calls.push(String(property));
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    }) as RedisOnlineStoreClient;
    const store = new RedisOnlineStore({
      redis: counting,
      registry: featureRegistry,
      keyPrefix: ctx.prefix,
    });
    await store.write(patient, { demographics: { value: sample.demographics, asOf } });
    calls.length = 0;
    await store.read(patient);
    expect(calls).toEqual(['hgetallBuffer']);
    calls.length = 0;
    await store.read(patient, ['demographics', 'care_gaps']);
    expect(calls).toEqual(['sendCommand']);
  });

  it('sets the garbage-collection TTL when configured, and only as garbage collection', async () => {
    const store = new RedisOnlineStore({
      redis: ctx.redis,
      registry: featureRegistry,
      keyPrefix: ctx.prefix,
      gcTtlSeconds: 3600,
    });
    await store.write(patient, { demographics: { value: sample.demographics, asOf } });
    const key = `${ctx.prefix}fs:{${patient}}`;
    const ttl = await ctx.redis.ttl(key);
    expect(ttl).toBeGreaterThan(3500);
    expect(ttl).toBeLessThanOrEqual(3600);
    // A later write to the existing hash refreshes it; a skipped (older) write does not.
    await ctx.redis.expire(key, 100);
    await store.write(patient, {
      demographics: { value: sample.demographics, asOf: new Date(asOf.getTime() - 1) },
    });
    expect(await ctx.redis.ttl(key)).toBeLessThanOrEqual(100);
    await store.write(patient, { care_gaps: { value: sample.care_gaps, asOf } });
    expect(await ctx.redis.ttl(key)).toBeGreaterThan(3500);
  });

  it('recovers when Redis has forgotten the write script (restart, SCRIPT FLUSH)', async () => {
    const store = new RedisOnlineStore({
      redis: ctx.redis,
      registry: featureRegistry,
      keyPrefix: ctx.prefix,
    });
    await store.write(patient, { demographics: { value: sample.demographics, asOf } });
    await ctx.redis.script('FLUSH');
    const outcome = await store.write(patient, { care_gaps: { value: sample.care_gaps, asOf } });
    expect(outcome.written).toEqual(['care_gaps']);
    const read = await store.read(patient, ['care_gaps']);
    expect(read.features.care_gaps.status).toBe('fresh');
  });

  it('refuses a client configured with its own key prefix, which pre-encoded writes would bypass', async () => {
    const { Redis } = await import('ioredis');
    const prefixed = new Redis(ctx.url, { keyPrefix: 'x:', lazyConnect: true });
    expect(
      () =>
        new RedisOnlineStore({ redis: prefixed, registry: featureRegistry, keyPrefix: ctx.prefix }),
    ).toThrow(/key prefix/);
    prefixed.disconnect();
  });

  it('reports an unreachable Redis as DEPENDENCY_UNAVAILABLE without the key in the message', async () => {
    const { Redis } = await import('ioredis');
    const down = new Redis('redis://127.0.0.1:1', {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
      enableOfflineQueue: false,
    });
    down.on('error', () => undefined);
    const store = new RedisOnlineStore({
      redis: down,
      registry: featureRegistry,
      keyPrefix: ctx.prefix,
    });
    const error = await store.read(patient).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'DEPENDENCY_UNAVAILABLE' });
    expect((error as Error).message).not.toContain(patient);
    down.disconnect();
  });
});
