/**
 * Spends a shared bucket (Redis) in small leases. When a caller's lease is empty, one round trip takes
 * up to what the bucket refills in `leaseMs`; later requests spend those tokens locally until they run
 * out or `leaseMs` has passed, and unspent tokens lapse. Tokens leave the shared bucket before they
 * are spent, so replicas together never exceed the limit (a burst may be refused slightly early while
 * another replica holds a lease). A caller at the default budget (10/s, lease 100 ms) leases one token
 * at a time — every request asks Redis, as before; a high-rate integration behind one key (an EHR at
 * hundreds of requests per second) asks once per lease instead of once per request.
 */
import type { RateLimiter, TokenBucketPolicy, TokenSource } from './rate-limiter.js';

export interface LeasedRateLimiterOptions {
  source: TokenSource;
  policy: TokenBucketPolicy;
  /** How long leased tokens may be spent; also sizes a lease (the refill over this time). */
  leaseMs?: number;
  /** Milliseconds, monotonic enough for lease expiry. */
  now?: () => number;
}

interface Lease {
  tokens: number;
  /** The shared bucket's whole tokens when this lease was taken. */
  shared: number;
  expiresAt: number;
}

/** Leases kept before expired ones are swept (one per active caller). */
const SWEEP_ABOVE = 1_024;

/** Tokens one lease takes: the refill over `leaseMs`, at least 1, at most the burst. */
export function leaseSize(policy: TokenBucketPolicy, leaseMs: number): number {
  const refill = Math.floor((policy.refillPerSecond * leaseMs) / 1_000);
  return Math.max(1, Math.min(policy.capacity, refill));
}

export function createLeasedRateLimiter(options: LeasedRateLimiterOptions): RateLimiter {
  const { source, policy, leaseMs = 100, now = () => performance.now() } = options;
  const size = leaseSize(policy, leaseMs);
  const leases = new Map<string, Lease>();
  const sweep = (at: number) => {
    for (const [key, lease] of leases) {
      if (lease.expiresAt <= at) {
        leases.delete(key);
      }
    }
  };

  return {
    async consume(key) {
      const held = leases.get(key);
      if (held && held.tokens > 0 && held.expiresAt > now()) {
        held.tokens--;
        return { allowed: true, remaining: held.shared + held.tokens };
      }
      const { taken, remaining, retryAfterMs } = await source.take(key, size);
      if (taken === 0) {
        return { allowed: false, remaining: 0, retryAfterMs };
      }
      const at = now();
      // Requests that ran out together each took a lease: pool what is still valid.
      const current = leases.get(key);
      const carried = current && current.expiresAt > at ? current.tokens : 0;
      if (taken > 1 || carried > 0) {
        if (leases.size >= SWEEP_ABOVE) {
          sweep(at);
        }
        leases.set(key, {
          tokens: carried + taken - 1,
          shared: remaining,
          expiresAt: at + leaseMs,
        });
      }
      return { allowed: true, remaining: remaining + carried + taken - 1 };
    },
  };
}
