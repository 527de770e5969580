/** Token buckets in process memory: the fallback when Redis is unavailable, and the test double. */
import type { Clock } from '../clock.js';
import type { RateLimiter, TakenTokens, TokenBucketPolicy, TokenSource } from './rate-limiter.js';
import { fullRefillMs, takeTokens, toDecision, type BucketState } from './token-bucket.js';

export interface MemoryRateLimiterOptions {
  policy: TokenBucketPolicy;
  clock: Clock;
  /** Buckets kept before idle (full) ones are swept. */
  maxKeys?: number;
}

export function createMemoryRateLimiter(
  options: MemoryRateLimiterOptions,
): RateLimiter & TokenSource {
  const { policy, clock, maxKeys = 10_000 } = options;
  const buckets = new Map<string, BucketState>();
  const idleMs = fullRefillMs(policy);

  const sweep = (nowMs: number): void => {
    for (const [key, state] of buckets) {
      if (nowMs - state.updatedAtMs >= idleMs) {
        buckets.delete(key);
      }
    }
    // Still full of active callers: forget the least recently used (Map keeps insertion order).
    for (const key of buckets.keys()) {
      if (buckets.size < maxKeys) {
        break;
      }
      buckets.delete(key);
    }
  };

  const take = (key: string, wanted: number): Promise<TakenTokens> => {
    const nowMs = clock.now();
    if (!buckets.has(key) && buckets.size >= maxKeys) {
      sweep(nowMs);
    }
    const { state, taken } = takeTokens({ state: buckets.get(key), policy, nowMs, wanted });
    buckets.delete(key);
    buckets.set(key, state);
    return Promise.resolve(taken);
  };

  return {
    take,
    async consume(key) {
      return toDecision(await take(key, 1));
    },
  };
}
