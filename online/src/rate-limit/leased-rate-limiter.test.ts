import { describe, expect, it } from 'vitest';
import { createManualClock, type ManualClock } from '../testing/manual-clock.js';
import { createLeasedRateLimiter, maxLeaseSize, nextLeaseSize } from './leased-rate-limiter.js';
import { createMemoryRateLimiter } from './memory-rate-limiter.js';
import { rateLimiterContract } from './rate-limiter.contract.js';
import type { TokenBucketPolicy, TokenSource } from './rate-limiter.js';

/** A memory bucket (the same arithmetic as the Redis script) that counts its round trips. */
function countedSource(policy: TokenBucketPolicy, clock: ManualClock) {
  const bucket = createMemoryRateLimiter({ policy, clock });
  const counted = { takes: 0 };
  const source: TokenSource = {
    take: (key, wanted) => {
      counted.takes++;
      return bucket.take(key, wanted);
    },
  };
  return { source, counted };
}

/** A leased limiter over a counted memory bucket, on a clock the test moves. */
function setup(policy: TokenBucketPolicy, leaseMs = 100) {
  const clock = createManualClock();
  const { source, counted } = countedSource(policy, clock);
  const replica = () =>
    createLeasedRateLimiter({ source, policy, leaseMs, now: () => clock.now() });
  return { clock, counted, limiter: replica(), replica };
}

rateLimiterContract('LeasedRateLimiter over a memory bucket', () => {
  const clock = createManualClock();
  return {
    create: (policy) =>
      createLeasedRateLimiter({
        source: createMemoryRateLimiter({ policy, clock }),
        policy,
        now: () => clock.now(),
      }),
    advance: (ms) => {
      clock.advance(ms);
      return Promise.resolve();
    },
    key: (name) => name,
  };
});

describe('lease sizes', () => {
  it('tops out at the refill over the lease, at least one token, at most the burst', () => {
    expect(maxLeaseSize({ capacity: 60, refillPerSecond: 10 }, 100)).toBe(1);
    expect(maxLeaseSize({ capacity: 1_000, refillPerSecond: 1_000 }, 100)).toBe(100);
    expect(maxLeaseSize({ capacity: 5, refillPerSecond: 1_000 }, 100)).toBe(5);
  });

  it('starts at one, doubles when a lease is spent in time, shrinks to what was spent when one lapses', () => {
    expect(nextLeaseSize(undefined, 0, 100)).toBe(1);
    const lease = { size: 8, tokens: 0, shared: 0, expiresAt: 100 };
    expect(nextLeaseSize(lease, 50, 100)).toBe(16);
    expect(nextLeaseSize(lease, 50, 10)).toBe(10);
    expect(nextLeaseSize({ ...lease, tokens: 5 }, 150, 100)).toBe(3);
    expect(nextLeaseSize({ ...lease, tokens: 8 }, 150, 100)).toBe(1);
  });
});

describe('createLeasedRateLimiter', () => {
  it('asks the shared bucket about once per lease for a high-rate caller', async () => {
    const { limiter, counted } = setup({ capacity: 1_000, refillPerSecond: 1_000 });
    const decisions = [];
    for (let i = 0; i < 500; i++) {
      decisions.push(await limiter.consume('ehr'));
    }
    expect(decisions.every((d) => d.allowed)).toBe(true);
    // Leases of 1, 2, 4, …, 64 (127 tokens), then 100 at a time (the refill over 100 ms).
    expect(counted.takes).toBe(7 + 4);
    // 527 tokens left the bucket (no time passed), 500 spent: 473 there and 27 in this lease.
    expect(decisions.at(-1)?.remaining).toBe(500);
  });

  it('sends one request for the next lease while concurrent requests wait for it', async () => {
    const { limiter, counted } = setup({ capacity: 1_000, refillPerSecond: 1_000 });
    const decisions = await Promise.all(Array.from({ length: 20 }, () => limiter.consume('ehr')));
    expect(decisions.every((d) => d.allowed)).toBe(true);
    // 1 + 2 + 4 + 8 + 16 ≥ 20: five leases in turn, never one per request.
    expect(counted.takes).toBe(5);
  });

  it('asks on every request at the default budget (leases of one token)', async () => {
    const { limiter, counted } = setup({ capacity: 60, refillPerSecond: 10 });
    for (let i = 0; i < 5; i++) {
      await limiter.consume('dr-1');
    }
    expect(counted.takes).toBe(5);
  });

  it('never lets replicas together exceed the shared budget', async () => {
    const { replica } = setup({ capacity: 20, refillPerSecond: 100 });
    const replicas = [replica(), replica(), replica()];
    let allowed = 0;
    for (let round = 0; round < 15; round++) {
      for (const r of replicas) {
        if ((await r.consume('ehr')).allowed) {
          allowed++;
        }
      }
    }
    expect(allowed).toBe(20);
  });

  it('lets unspent leased tokens lapse after the lease, and leases what was spent next', async () => {
    const { limiter, counted, clock } = setup({ capacity: 100, refillPerSecond: 1_000 });
    for (let i = 0; i < 4; i++) {
      await limiter.consume('ehr'); // leases of 1, 2, 4: one token of the last spent, 3 held
    }
    expect(counted.takes).toBe(3);
    clock.advance(150);
    const after = await limiter.consume('ehr');
    expect(counted.takes).toBe(4);
    // 7 taken before, then a lease of 1 (what was spent of the lapsed one); 100 refilled meanwhile.
    expect(after).toEqual({ allowed: true, remaining: 99 });
  });

  it('refuses with the shared bucket retry delay when it is empty', async () => {
    const { limiter } = setup({ capacity: 2, refillPerSecond: 10 }, 200);
    expect((await limiter.consume('ehr')).allowed).toBe(true);
    expect((await limiter.consume('ehr')).allowed).toBe(true);
    expect(await limiter.consume('ehr')).toEqual({
      allowed: false,
      remaining: 0,
      retryAfterMs: 100,
    });
  });
});
