import { describe, expect, it } from 'vitest';
import { fullRefillMs, refill, takeTokens, toDecision } from './token-bucket.js';

const policy = { capacity: 10, refillPerSecond: 2 };

describe('token bucket', () => {
  it('starts full and takes one token', () => {
    const { state, taken } = takeTokens({ state: undefined, policy, nowMs: 1_000, wanted: 1 });
    expect(state).toEqual({ tokens: 9, updatedAtMs: 1_000 });
    expect(toDecision(taken)).toEqual({ allowed: true, remaining: 9 });
  });

  it('refills at the rate, capped at capacity, and ignores a clock that runs backwards', () => {
    const state = { tokens: 0, updatedAtMs: 10_000 };
    expect(refill({ state, policy, nowMs: 11_500 })).toBe(3);
    expect(refill({ state, policy, nowMs: 60_000 })).toBe(10);
    expect(refill({ state, policy, nowMs: 9_000 })).toBe(0);
  });

  it('refuses below one token and says when the next one arrives', () => {
    const { taken } = takeTokens({
      state: { tokens: 0.5, updatedAtMs: 0 },
      policy,
      nowMs: 0,
      wanted: 5,
    });
    expect(toDecision(taken)).toEqual({ allowed: false, remaining: 0, retryAfterMs: 250 });
  });

  it('forgets an idle bucket after one full refill', () => {
    expect(fullRefillMs(policy)).toBe(5_000);
  });
});
