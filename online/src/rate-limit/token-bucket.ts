/**
 * Token-bucket arithmetic, pure. The Redis limiter's Lua script performs the same steps; both
 * limiters run the same contract suite.
 */
import type { RateLimitDecision, TakenTokens, TokenBucketPolicy } from './rate-limiter.js';

export interface BucketState {
  tokens: number;
  updatedAtMs: number;
}

export interface TakeTokenInput {
  state: BucketState | undefined;
  policy: TokenBucketPolicy;
  nowMs: number;
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

export interface TakeTokensResult {
  state: BucketState;
  /** Tokens handed out: up to `wanted`, at least one if the bucket holds one (0 = refused). */
  taken: TakenTokens;
}

/** Takes up to `wanted` whole tokens at once (the Redis script's steps). */
export function takeTokens(input: TakeTokenInput & { wanted: number }): TakeTokensResult {
  const { policy, nowMs, wanted } = input;
  const tokens = refill(input);
  if (tokens >= 1) {
    const taken = Math.min(wanted, Math.floor(tokens));
    const left = tokens - taken;
    return {
      state: { tokens: left, updatedAtMs: nowMs },
      taken: { taken, remaining: Math.floor(left), retryAfterMs: 0 },
    };
  }
  return {
    state: { tokens, updatedAtMs: nowMs },
    taken: {
      taken: 0,
      remaining: 0,
      retryAfterMs: Math.ceil(((1 - tokens) * 1000) / policy.refillPerSecond),
    },
  };
}

/** One token's outcome as a limiter decision. */
export function toDecision(taken: TakenTokens): RateLimitDecision {
  return taken.taken > 0
    ? { allowed: true, remaining: taken.remaining }
    : { allowed: false, remaining: 0, retryAfterMs: taken.retryAfterMs };
}

/** How long an idle bucket takes to refill completely: after that it can be forgotten. */
export function fullRefillMs(policy: TokenBucketPolicy): number {
  return Math.ceil((policy.capacity * 1000) / policy.refillPerSecond);
}
