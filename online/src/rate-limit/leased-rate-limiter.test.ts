import { describe, expect, it } from 'vitest';
import { createManualClock, type ManualClock } from '../testing/manual-clock.js';
import { createLeasedRateLimiter, leaseSize } from './leased-rate-limiter.js';
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

describe('leaseSize', () => {
  it('is the refill over the lease, at least one token, at most the burst', () => {
    expect(leaseSize({ capacity: 60, refillPerSecond: 10 }, 100)).toBe(1);
    expect(leaseSize({ capacity: 1_000, refillPerSecond: 1_000 }, 100)).toBe(100);
    expect(leaseSize({ capacity: 5, refillPerSecond: 1_000 }, 100)).toBe(5);
  });
});

describe('createLeasedRateLimiter', () => {
  it('asks the shared bucket once per lease for a high-rate caller', async () => {
    const clock = createManualClock();
    const policy = { capacity: 1_000, refillPerSecond: 1_000 };
    const { source, counted } = countedSource(policy, clock);
    const limiter = createLeasedRateLimiter({
      source,
      policy,
      leaseMs: 100,
      now: () => clock.now(),
    });
    const decisions = [];
    for (let i = 0; i < 250; i++) {
      decisions.push(await limiter.consume('ehr'));
    }
    expect(decisions.every((d) => d.allowed)).toBe(true);
    expect(counted.takes).toBe(3);
    // 3 leases of 100 taken, 250 spent: the bucket holds 700 and this replica 50.
    expect(decisions.at(-1)?.remaining).toBe(750);
  });

  it('asks on every request at the default budget (leases of one token)', async () => {
    const clock = createManualClock();
    const policy = { capacity: 60, refillPerSecond: 10 };
    const { source, counted } = countedSource(policy, clock);
    const limiter = createLeasedRateLimiter({ source, policy, now: () => clock.now() });
    for (let i = 0; i < 5; i++) {
      await limiter.consume('dr-1');
    }
    expect(counted.takes).toBe(5);
  });

  it('never lets replicas together exceed the shared budget', async () => {
    const clock = createManualClock();
    const policy = { capacity: 20, refillPerSecond: 100 };
    const { source } = countedSource(policy, clock);
    const replicas = [0, 1, 2].map(() =>
      createLeasedRateLimiter({ source, policy, leaseMs: 100, now: () => clock.now() }),
    );
    let allowed = 0;
    for (let round = 0; round < 15; round++) {
      for (const replica of replicas) {
        if ((await replica.consume('ehr')).allowed) {
          allowed++;
        }
      }
    }
    expect(allowed).toBe(20);
  });

  it('lets unspent leased tokens lapse after the lease', async () => {
    const clock = createManualClock();
    const policy = { capacity: 10, refillPerSecond: 100 };
    const { source, counted } = countedSource(policy, clock);
    const limiter = createLeasedRateLimiter({
      source,
      policy,
      leaseMs: 100,
      now: () => clock.now(),
    });
    await limiter.consume('ehr'); // leases 10, spends 1
    clock.advance(150);
    await limiter.consume('ehr');
    expect(counted.takes).toBe(2);
  });

  it('refuses with the shared bucket retry delay when it is empty', async () => {
    const clock = createManualClock();
    const policy = { capacity: 2, refillPerSecond: 10 };
    const { source } = countedSource(policy, clock);
    const limiter = createLeasedRateLimiter({
      source,
      policy,
      leaseMs: 200,
      now: () => clock.now(),
    });
    expect((await limiter.consume('ehr')).allowed).toBe(true);
    expect((await limiter.consume('ehr')).allowed).toBe(true);
    expect(await limiter.consume('ehr')).toEqual({
      allowed: false,
      remaining: 0,
      retryAfterMs: 100,
    });
  });
});
