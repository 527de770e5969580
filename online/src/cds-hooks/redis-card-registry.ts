/**
 * The card registry on Redis: one `SET … PX` per card and one `GET` per looked-up card, each batch in
 * one pipeline (one round trip; no multi-key command, so Redis Cluster needs no hash tags).
 */
import type { Redis } from 'ioredis';
import {
  CardRecordSchema,
  DEFAULT_CARD_TTL_MS,
  type CardRecord,
  type CardRegistry,
} from './card-registry.js';
import type { CdsKeys } from './cds-redis-keys.js';

export interface RedisCardRegistryOptions {
  redis: Pick<Redis, 'pipeline'>;
  keys: CdsKeys;
  ttlMs?: number;
}

export function createRedisCardRegistry(options: RedisCardRegistryOptions): CardRegistry {
  const { redis, keys } = options;
  const ttlMs = options.ttlMs ?? DEFAULT_CARD_TTL_MS;
  return {
    async remember(records) {
      if (records.length === 0) {
        return;
      }
      const pipeline = redis.pipeline();
      for (const record of records) {
        pipeline.set(keys.card(record.card), JSON.stringify(record), 'PX', ttlMs);
      }
      const results = (await pipeline.exec()) ?? [];
      const failed = results.find(([error]) => error !== null);
      if (failed) {
        throw failed[0] ?? new Error('card registry write failed');
      }
    },
    async lookup(uuids) {
      if (uuids.length === 0) {
        return [];
      }
      const pipeline = redis.pipeline();
      for (const uuid of uuids) {
        pipeline.get(keys.card(uuid));
      }
      const results = (await pipeline.exec()) ?? [];
      const values = results.map(([error, value]) => {
        if (error) {
          throw error;
        }
        return typeof value === 'string' ? value : null;
      });
      return values.map((value): CardRecord | undefined => {
        if (value === null) {
          return undefined;
        }
        try {
          const parsed = CardRecordSchema.safeParse(JSON.parse(value));
          return parsed.success ? parsed.data : undefined;
        } catch {
          return undefined;
        }
      });
    },
  };
}
