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

/** What a shared bucket hands out in one call: `taken` ≤ wanted tokens (0 = refused). */
export interface TakenTokens {
  taken: number;
  /** Whole tokens left in the bucket after this take. */
  remaining: number;
  /** When `taken` is 0: how long until one token is back. */
  retryAfterMs: number;
}

/** A bucket that can hand out several tokens in one round trip (Redis). */
export interface TokenSource {
  take(key: string, wanted: number): Promise<TakenTokens>;
}
