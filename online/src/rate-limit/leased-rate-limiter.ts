/**
 * Spends a shared bucket (Redis) in leases sized to the caller's pace. When a caller's lease is spent,
 * one round trip takes the next from the shared bucket; requests then spend it locally until it runs
 * out or `leaseMs` has passed, and unspent tokens lapse. Tokens leave the shared bucket before they
 * are spent, so replicas together never exceed the limit.
 *
 * A lease starts at one token, doubles each time the caller spends a whole lease within `leaseMs`,
 * and shrinks to what was spent when one lapses, never above the refill over `leaseMs` (so at the
 * default budget, 10/s over 100 ms, every lease is one token and every request asks Redis, as
 * before). Requests that find the lease spent while the next is on its way wait for it instead of
 * taking leases of their own. A caller at hundreds of requests per second behind one key (an EHR)
 * asks Redis about once per `leaseMs` instead of once per request.
 */
import type {
  RateLimitDecision,
  RateLimiter,
  TakenTokens,
  TokenBucketPolicy,
  TokenSource,
} from './rate-limiter.js';

export interface LeasedRateLimiterOptions {
  source: TokenSource;
  policy: TokenBucketPolicy;
  /** How long leased tokens may be spent; the largest lease is the refill over this time. */
  leaseMs?: number;
  /** Milliseconds, monotonic enough for lease expiry. */
  now?: () => number;
}

export interface Lease {
  /** Tokens taken in the current lease, and how many are left to spend. */
  size: number;
  tokens: number;
  /** The shared bucket's whole tokens when the lease was taken. */
  shared: number;
  expiresAt: number;
  next?: Promise<TakenTokens> | undefined;
}

/** Callers kept before idle leases are swept. */
const SWEEP_ABOVE = 1_024;

/** The largest lease: the refill over `leaseMs`, at least 1, at most the burst. */
export function maxLeaseSize(policy: TokenBucketPolicy, leaseMs: number): number {
  const refill = Math.floor((policy.refillPerSecond * leaseMs) / 1_000);
  return Math.max(1, Math.min(policy.capacity, refill));
}

/** The next lease after `lease`, at `at`: doubled if spent in time, else what was spent. */
export function nextLeaseSize(lease: Lease | undefined, at: number, max: number): number {
  if (!lease || lease.size === 0) {
    return 1;
  }
  const spent = lease.size - lease.tokens;
  const grown = lease.tokens === 0 && at <= lease.expiresAt ? lease.size * 2 : spent;
  return Math.max(1, Math.min(max, grown));
}

const refused = (taken: TakenTokens): RateLimitDecision => ({
  allowed: false,
  remaining: 0,
  retryAfterMs: taken.retryAfterMs,
});

export function createLeasedRateLimiter(options: LeasedRateLimiterOptions): RateLimiter {
  const { source, policy, leaseMs = 100, now = () => performance.now() } = options;
  const max = maxLeaseSize(policy, leaseMs);
  const leases = new Map<string, Lease>();
  const sweep = (at: number) => {
    for (const [key, lease] of leases) {
      if (lease.expiresAt <= at && !lease.next) {
        leases.delete(key);
      }
    }
  };

  const takeLease = async (key: string, lease: Lease | undefined): Promise<TakenTokens> => {
    const at = now();
    const held = lease ?? { size: 0, tokens: 0, shared: 0, expiresAt: at };
    if (!lease) {
      if (leases.size >= SWEEP_ABOVE) {
        sweep(at);
      }
      leases.set(key, held);
    }
    const next = source.take(key, nextLeaseSize(lease, at, max));
    held.next = next;
    try {
      const taken = await next;
      Object.assign(held, {
        size: taken.taken,
        tokens: taken.taken,
        shared: taken.remaining,
        expiresAt: now() + leaseMs,
      });
      return taken;
    } finally {
      held.next = undefined;
    }
  };

  return {
    async consume(key) {
      for (;;) {
        const lease = leases.get(key);
        if (lease && lease.tokens > 0 && lease.expiresAt > now()) {
          lease.tokens--;
          return { allowed: true, remaining: lease.shared + lease.tokens };
        }
        const taken = await (lease?.next ?? takeLease(key, lease));
        if (taken.taken === 0) {
          return refused(taken);
        }
      }
    },
  };
}
