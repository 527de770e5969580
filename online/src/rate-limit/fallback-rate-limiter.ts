/**
 * The shared limiter with a local safety net: Redis decides while it answers within `timeoutMs`;
 * when it fails or is slow the in-process limiter decides, and after repeated failures a circuit
 * breaker stops asking Redis for `halfOpenAfterMs`. Rate limiting never fails a request.
 */
import type { Logger } from '@mediassist/shared/logger';
import {
  circuitBreaker,
  ConsecutiveBreaker,
  handleAll,
  timeout,
  TimeoutStrategy,
  wrap,
} from 'cockatiel';
import { safeErrorFields } from '../errors/safe-error.js';
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
  const breaker = circuitBreaker(handleAll, {
    halfOpenAfter: halfOpenAfterMs,
    breaker: new ConsecutiveBreaker(failuresToBreak),
  });
  breaker.onBreak((reason) => {
    const error = 'error' in reason ? safeErrorFields(reason.error) : undefined;
    logger.warn({ error }, 'rate limiter: Redis failing; deciding with local buckets');
  });
  breaker.onReset(() => {
    logger.info('rate limiter: Redis answering again');
  });
  // While the breaker is open, decide locally without asking it (cockatiel would build a
  // BrokenCircuitError, a stack trace, per request); `openUntil` is when it lets one trial through.
  let openUntil = 0;
  breaker.onBreak(() => {
    openUntil = Date.now() + halfOpenAfterMs;
  });
  breaker.onReset(() => {
    openUntil = 0;
  });
  // abortOnReturn: false — `consume` takes no signal; aborting on return only built a DOMException.
  const policy = wrap(
    breaker,
    timeout(timeoutMs, { strategy: TimeoutStrategy.Aggressive, abortOnReturn: false }),
  );

  return {
    async consume(key) {
      if (openUntil > Date.now()) {
        onFallback?.();
        return fallback.consume(key);
      }
      try {
        return await policy.execute(() => primary.consume(key));
      } catch {
        onFallback?.();
        return await fallback.consume(key);
      }
    },
  };
}
