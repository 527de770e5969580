/** The behaviour every RateLimiter implementation must show (run against memory and Redis). */
import { describe, expect, it } from 'vitest';
import type { RateLimiter, TokenBucketPolicy } from './rate-limiter.js';

export interface RateLimiterHarness {
  create(policy: TokenBucketPolicy): RateLimiter;
  /** Lets `ms` of bucket time pass (moves a manual clock, or sleeps for Redis's). */
  advance(ms: number): Promise<void>;
  /** A key no other test uses. */
  key(name: string): string;
}

export function rateLimiterContract(name: string, harness: () => RateLimiterHarness): void {
  describe(`${name} (RateLimiter contract)`, () => {
    it('allows a full burst, then refuses with a retry delay', async () => {
      const h = harness();
      const limiter = h.create({ capacity: 3, refillPerSecond: 0.5 });
      const key = h.key('burst');
      const decisions = [];
      for (let i = 0; i < 4; i++) {
        decisions.push(await limiter.consume(key));
      }
      expect(decisions.slice(0, 3).map((d) => [d.allowed, d.remaining])).toEqual([
        [true, 2],
        [true, 1],
        [true, 0],
      ]);
      const refused = decisions[3];
      expect(refused?.allowed).toBe(false);
      // One token at 0.5/s takes up to 2 s.
      expect(refused?.retryAfterMs).toBeGreaterThan(1_500);
      expect(refused?.retryAfterMs).toBeLessThanOrEqual(2_000);
    });

    it('keeps one bucket per key', async () => {
      const h = harness();
      const limiter = h.create({ capacity: 1, refillPerSecond: 0.01 });
      expect((await limiter.consume(h.key('a'))).allowed).toBe(true);
      expect((await limiter.consume(h.key('a'))).allowed).toBe(false);
      expect((await limiter.consume(h.key('b'))).allowed).toBe(true);
    });

    it('refills with time, never above capacity', async () => {
      const h = harness();
      const limiter = h.create({ capacity: 2, refillPerSecond: 20 });
      const key = h.key('refill');
      await limiter.consume(key);
      await limiter.consume(key);
      expect((await limiter.consume(key)).allowed).toBe(false);
      await h.advance(120);
      expect((await limiter.consume(key)).allowed).toBe(true);
      await h.advance(1_000);
      const first = await limiter.consume(key);
      const second = await limiter.consume(key);
      const third = await limiter.consume(key);
      expect([first.allowed, second.allowed, third.allowed]).toEqual([true, true, false]);
    });
  });
}
