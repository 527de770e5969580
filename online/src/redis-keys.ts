/** The only place the online service builds Redis keys (tested as exact strings). */

/** Default prefix of every key this service writes; tests pass a unique one. */
export const DEFAULT_KEY_PREFIX = 'mediassist:';

/** One token bucket per caller subject: a hash `{ tokens, ts }` with a TTL of one full refill. */
export function rateLimitKey(prefix: string, subject: string): string {
  return `${prefix}online:ratelimit:${subject}`;
}
