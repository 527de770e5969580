import { describe, expect, it } from 'vitest';
import { createManualClock } from '../testing/manual-clock.js';
import { createMemoryRateLimiter } from './memory-rate-limiter.js';
import { rateLimiterContract } from './rate-limiter.contract.js';

rateLimiterContract('MemoryRateLimiter', () => {
  const clock = createManualClock();
  return {
    create: (policy) => createMemoryRateLimiter({ policy, clock }),
    advance: (ms) => {
      clock.advance(ms);
      return Promise.resolve();
    },
    key: (name) => name,
  };
});

describe('MemoryRateLimiter', () => {
  it('bounds the number of buckets it keeps', async () => {
    const clock = createManualClock();
    const limiter = createMemoryRateLimiter({
      policy: { capacity: 1, refillPerSecond: 0.001 },
      clock,
      maxKeys: 2,
    });
    await limiter.consume('a');
    await limiter.consume('b');
    await limiter.consume('c'); // evicts the least recently used bucket (a)
    expect((await limiter.consume('a')).allowed).toBe(true);
    expect((await limiter.consume('c')).allowed).toBe(false);
  });
});
