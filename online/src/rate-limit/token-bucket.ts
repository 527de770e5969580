/**
 * Token-bucket arithmetic, pure. The Redis limiter's Lua script performs the same steps; both
 * limiters run the same contract suite.
 */
import type { RateLimitDecision, TokenBucketPolicy } from './rate-limiter.js';

export interface BucketState {
  tokens: number;
  updatedAtMs: number;
}

export interface TakeTokenInput {
  state: BucketState | undefined;
  policy: TokenBucketPolicy;
  nowMs: number;
}

export interface TakeTokenResult {
  state: BucketState;
  decision: RateLimitDecision;
}

/** Tokens available at `nowMs` (a missing bucket is full; time never runs backwards). */
export function refill(input: TakeTokenInput): number {
  const { state, policy, nowMs } = input;
  if (!state) {
    return policy.capacity;
  }
  const elapsedMs = Math.max(0, nowMs - state.updatedAtMs);
  return Math.min(policy.capacity, state.tokens + (elapsedMs * policy.refillPerSecond) / 1000);
}

export function takeToken(input: TakeTokenInput): TakeTokenResult {
  const { policy, nowMs } = input;
  const tokens = refill(input);
  if (tokens >= 1) {
    const left = tokens - 1;
    return {
      state: { tokens: left, updatedAtMs: nowMs },
      decision: { allowed: true, remaining: Math.floor(left) },
    };
  }
  return {
    state: { tokens, updatedAtMs: nowMs },
    decision: {
      allowed: false,
      remaining: 0,
      retryAfterMs: Math.ceil(((1 - tokens) * 1000) / policy.refillPerSecond),
    },
  };
}

/** How long an idle bucket takes to refill completely: after that it can be forgotten. */
export function fullRefillMs(policy: TokenBucketPolicy): number {
  return Math.ceil((policy.capacity * 1000) / policy.refillPerSecond);
}
