/** Per-test Redis access for integration tests: a client and a key prefix no other test uses. */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';

export interface RedisTestContext {
  readonly redis: Redis;
  readonly url: string;
  /** Unique per context, e.g. `t:3f2a…:`. Build every key and queue prefix from it. */
  readonly prefix: string;
  /** Deletes every key under the prefix and closes the client. */
  cleanup(): Promise<void>;
}

export function createRedisTestContext(url: string): RedisTestContext {
  const redis = new Redis(url, { maxRetriesPerRequest: null });
  const prefix = `t:${randomUUID().slice(0, 8)}:`;
  return {
    redis,
    url,
    prefix,
    async cleanup() {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `*${prefix}*`, 'COUNT', 500);
        cursor = next;
        if (keys.length > 0) {
          await redis.unlink(...keys);
        }
      } while (cursor !== '0');
      redis.disconnect();
    },
  };
}
