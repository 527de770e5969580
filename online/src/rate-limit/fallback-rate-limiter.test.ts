import { createLogger } from '@mediassist/shared/logger';
import { describe, expect, it } from 'vitest';
import { createFallbackRateLimiter } from './fallback-rate-limiter.js';
import type { RateLimitDecision, RateLimiter } from './rate-limiter.js';

const ALLOW: RateLimitDecision = { allowed: true, remaining: 7 };
const FALLBACK: RateLimitDecision = { allowed: true, remaining: 99 };

function counting(consume: RateLimiter['consume']) {
  let calls = 0;
  return {
    get calls() {
      return calls;
    },
    consume: (key: string) => {
      calls++;
      return consume(key);
    },
  };
}

function setup(primary: RateLimiter) {
  const lines: string[] = [];
  const logger = createLogger({ name: 't', destination: { write: (l: string) => lines.push(l) } });
  let fallbacks = 0;
  const limiter = createFallbackRateLimiter({
    primary,
    fallback: { consume: () => Promise.resolve(FALLBACK) },
    logger,
    onFallback: () => {
      fallbacks++;
    },
    timeoutMs: 20,
    failuresToBreak: 2,
    halfOpenAfterMs: 60_000,
  });
  return { limiter, lines, fallbacks: () => fallbacks };
}

describe('createFallbackRateLimiter', () => {
  it('uses the primary while it answers', async () => {
    const { limiter, fallbacks } = setup({ consume: () => Promise.resolve(ALLOW) });
    expect(await limiter.consume('k')).toEqual(ALLOW);
    expect(fallbacks()).toBe(0);
  });

  it('decides locally when the primary fails', async () => {
    const { limiter, fallbacks } = setup({
      consume: () => Promise.reject(new Error('ECONNREFUSED')),
    });
    expect(await limiter.consume('k')).toEqual(FALLBACK);
    expect(fallbacks()).toBe(1);
  });

  it('decides locally when the primary is slower than the timeout', async () => {
    const slow = new Promise<RateLimitDecision>(() => undefined);
    const { limiter } = setup({ consume: () => slow });
    const started = performance.now();
    expect(await limiter.consume('k')).toEqual(FALLBACK);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('stops calling a failing primary once the breaker opens, and logs it once', async () => {
    const primary = counting(() => Promise.reject(new Error('down')));
    const { limiter, lines } = setup(primary);
    for (let i = 0; i < 5; i++) {
      expect(await limiter.consume('k')).toEqual(FALLBACK);
    }
    expect(primary.calls).toBe(2);
    expect(lines.filter((l) => l.includes('Redis failing'))).toHaveLength(1);
  });
});
