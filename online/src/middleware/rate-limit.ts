/** Per-caller rate limiting after authentication: 429 RATE_LIMITED with `Retry-After` (seconds). */
import { AppError } from '@mediassist/shared/errors';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.js';
import type { RateLimiter } from '../rate-limit/rate-limiter.js';

export interface RateLimitOptions {
  limiter: RateLimiter;
}

export function rateLimit(options: RateLimitOptions): MiddlewareHandler<AppEnv> {
  const { limiter } = options;
  return async function rateLimit(c, next) {
    const caller = c.get('caller');
    if (!caller) {
      // Public paths (health probes) are not budgeted.
      await next();
      return;
    }
    const decision = await limiter.consume(caller.subject);
    if (!decision.allowed) {
      c.header('Retry-After', String(Math.max(1, Math.ceil(decision.retryAfterMs / 1000))));
      throw new AppError('RATE_LIMITED', 'Too many requests; retry later');
    }
    await next();
  };
}
