/** Per-caller request budgets. Implementations: Redis (shared by replicas), memory, and the fallback pair. */

export type RateLimitDecision =
  | { allowed: true; remaining: number; retryAfterMs?: never }
  | { allowed: false; remaining: 0; retryAfterMs: number };

export interface RateLimiter {
  /** Takes one token from `key`'s bucket. */
  consume(key: string): Promise<RateLimitDecision>;
}

/** A token bucket: holds up to `capacity` tokens (the burst) and refills `refillPerSecond`. */
export interface TokenBucketPolicy {
  capacity: number;
  refillPerSecond: number;
}
