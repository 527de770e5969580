/**
 * The shared limiter with a local safety net: Redis decides while it answers within `timeoutMs`;
 * when it fails or is slow the in-process limiter decides, and after repeated failures a circuit
 * breaker stops asking Redis for `halfOpenAfterMs`. Rate limiting never fails a request.
 */
import type { Logger } from '@mediassist/shared/logger';
import { createGuardedCall } from '../resilience/guarded-call.js';
import type { RateLimiter } from './rate-limiter.js';

export interface FallbackRateLimiterOptions {
  primary: RateLimiter;
  fallback: RateLimiter;
  logger: Logger;
  /** Called once per decision the fallback takes (a metric). */
  onFallback?: () => void;
  timeoutMs?: number;
  /** Consecutive primary failures that open the breaker. */
  failuresToBreak?: number;
  halfOpenAfterMs?: number;
}

export function createFallbackRateLimiter(options: FallbackRateLimiterOptions): RateLimiter {
  const {
    primary,
    fallback,
    logger,
    onFallback,
    timeoutMs = 50,
    failuresToBreak = 3,
    halfOpenAfterMs = 5_000,
  } = options;
  const guarded = createGuardedCall({
    logger,
    messages: {
      broken: 'rate limiter: Redis failing; deciding with local buckets',
      reset: 'rate limiter: Redis answering again',
    },
    timeoutMs,
    failuresToBreak,
    halfOpenAfterMs,
  });

  return {
    async consume(key) {
      const shared = await guarded.run(() => primary.consume(key));
      if (shared.ok) {
        return shared.value;
      }
      onFallback?.();
      return fallback.consume(key);
    },
  };
}
