/** Token buckets in Redis, shared by every replica: one Lua script call (one round trip) per request. */
import { createHash } from 'node:crypto';
import { AppError } from '@mediassist/shared/errors';
import { rateLimitKey } from '../redis-keys.js';
import { toDecision } from './token-bucket.js';
import type { RateLimiter, TakenTokens, TokenBucketPolicy, TokenSource } from './rate-limiter.js';

/**
 * Takes up to `wanted` tokens, at least one if the bucket has one (the steps of `takeTokens` in
 * token-bucket.ts, for a batch). Time comes from the Redis server, so every replica shares one clock.
 *   KEYS[1]  bucket hash { tokens, ts }
 *   ARGV[1]  capacity (tokens)
 *   ARGV[2]  refill rate (tokens per second)
 *   ARGV[3]  wanted (tokens, default 1)
 * Returns { taken (0 = refused), remaining (whole tokens), retryAfterMs }.
 */
export const TAKE_TOKEN_SCRIPT = `
local capacity = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local wanted = tonumber(ARGV[3]) or 1
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local bucket = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens = tonumber(bucket[1])
local ts = tonumber(bucket[2])
if tokens == nil or ts == nil then
  tokens = capacity
else
  tokens = math.min(capacity, tokens + math.max(0, now - ts) * rate / 1000)
end
local taken = 0
local retry = 0
if tokens >= 1 then
  taken = math.min(wanted, math.floor(tokens))
  tokens = tokens - taken
else
  retry = math.ceil((1 - tokens) * 1000 / rate)
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(capacity * 1000 / rate) + 1000)
return { taken, math.floor(tokens), retry }
`;

const SCRIPT_SHA = createHash('sha1').update(TAKE_TOKEN_SCRIPT).digest('hex');

/** The two commands the limiter needs (ioredis's `Redis` satisfies it). */
export interface ScriptClient {
  evalsha(sha: string, numKeys: number, ...args: (string | number)[]): Promise<unknown>;
  eval(script: string, numKeys: number, ...args: (string | number)[]): Promise<unknown>;
}

export interface RedisRateLimiterOptions {
  redis: ScriptClient;
  policy: TokenBucketPolicy;
  keyPrefix: string;
}

function isNoScript(error: unknown): boolean {
  return error instanceof Error && error.message.startsWith('NOSCRIPT');
}

function toTaken(reply: unknown): TakenTokens {
  if (!Array.isArray(reply) || reply.length !== 3 || !reply.every((v) => typeof v === 'number')) {
    throw new AppError('DEPENDENCY_UNAVAILABLE', 'Unexpected rate-limit reply from Redis');
  }
  const [taken, remaining, retryAfterMs] = reply as [number, number, number];
  return { taken, remaining, retryAfterMs: taken > 0 ? 0 : Math.max(1, retryAfterMs) };
}

export function createRedisRateLimiter(
  options: RedisRateLimiterOptions,
): RateLimiter & TokenSource {
  const { redis, policy, keyPrefix } = options;
  const take = async (subject: string, wanted: number): Promise<TakenTokens> => {
    const args: [number, string, number, number, number] = [
      1,
      rateLimitKey(keyPrefix, subject),
      policy.capacity,
      policy.refillPerSecond,
      wanted,
    ];
    try {
      return toTaken(await redis.evalsha(SCRIPT_SHA, ...args));
    } catch (error) {
      if (!isNoScript(error)) {
        throw error;
      }
      return toTaken(await redis.eval(TAKE_TOKEN_SCRIPT, ...args));
    }
  };
  return {
    take,
    async consume(subject) {
      return toDecision(await take(subject, 1));
    },
  };
}
