import type { Cluster, Redis } from 'ioredis';
import { describe, expectTypeOf, it } from 'vitest';
import type { RedisOnlineStoreClient } from './redis-online-store.js';

describe('RedisOnlineStoreClient', () => {
  it('is a narrow slice of the client that both a single Redis and a Redis Cluster satisfy', () => {
    expectTypeOf<Redis>().toExtend<RedisOnlineStoreClient>();
    expectTypeOf<Cluster>().toExtend<RedisOnlineStoreClient>();
  });
});
