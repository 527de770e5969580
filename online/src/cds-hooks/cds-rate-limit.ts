/**
 * Rate limiting for CDS Hooks calls: an EHR is one authenticated caller for all its clinicians, so
 * service calls are budgeted per EHR user (`context.userId`, hashed — it names a practitioner, and
 * keys are stored in Redis) and only calls without one (feedback) per EHR. Same policy and 429 with
 * `Retry-After` as the rest of the API.
 */
import { createHash } from 'node:crypto';
import { AppError } from '@mediassist/shared/errors';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.js';
import type { RateLimiter } from '../rate-limit/rate-limiter.js';

/** The budget key: the caller, plus a digest of the EHR user when the body names one. */
export function cdsBudgetKey(subject: string, body: unknown): string {
  const context =
    typeof body === 'object' && body !== null
      ? (body as Record<string, unknown>)['context']
      : undefined;
  const userId =
    typeof context === 'object' && context !== null
      ? (context as Record<string, unknown>)['userId']
      : undefined;
  if (typeof userId !== 'string' || userId === '') {
    return subject;
  }
  return `${subject}|u:${createHash('sha256').update(userId).digest('hex').slice(0, 24)}`;
}

export function cdsRateLimit(options: { limiter: RateLimiter }): MiddlewareHandler<AppEnv> {
  const { limiter } = options;
  return async function cdsRateLimit(c, next) {
    const caller = c.get('caller');
    if (!caller) {
      throw new AppError('UNAUTHENTICATED', 'Authentication required');
    }
    // Hono caches the parsed body, so the validator after this reads it again for free.
    const body: unknown = await c.req.json().catch(() => undefined);
    const decision = await limiter.consume(cdsBudgetKey(caller.subject, body));
    if (!decision.allowed) {
      c.header('Retry-After', String(Math.max(1, Math.ceil(decision.retryAfterMs / 1000))));
      throw new AppError('RATE_LIMITED', 'Too many requests; retry later');
    }
    await next();
  };
}
