/**
 * Replay protection shared by every replica: `SET <jti key> 1 PX <until exp> NX` answers whether this
 * token id is new. `createSharedReplayGuard` asks the local guard first (a replay this replica saw is
 * refused without a round trip), then Redis under a short deadline; if Redis fails, the local answer
 * stands and `onFallback` is told, so an outage degrades to per-replica protection, never to none.
 */
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Clock } from '../clock.js';
import { withTimeout } from '../health/with-timeout.js';
import type { CdsKeys } from './cds-redis-keys.js';
import type { ReplayGuard } from './replay-guard.js';

/** Redis keeps an id at least this long, whatever the token's remaining lifetime. */
const MIN_TTL_MS = 1_000;

export function createRedisReplayGuard(options: {
  redis: Pick<Redis, 'set'>;
  keys: CdsKeys;
  clock: Clock;
}): ReplayGuard {
  const { redis, keys, clock } = options;
  return {
    async firstUse({ id, expiresAtMs }) {
      const digest = createHash('sha256').update(id).digest('hex');
      const ttl = Math.max(MIN_TTL_MS, Math.ceil(expiresAtMs - clock.now()));
      const answer = await redis.set(keys.jti(digest), '1', 'PX', ttl, 'NX');
      return answer === 'OK';
    },
  };
}

export interface SharedReplayGuardOptions {
  local: ReplayGuard;
  shared: ReplayGuard;
  timeoutMs: number;
  onFallback: (error: unknown) => void;
}

export function createSharedReplayGuard(options: SharedReplayGuardOptions): ReplayGuard {
  const { local, shared, timeoutMs, onFallback } = options;
  return {
    async firstUse(token) {
      if (!(await local.firstUse(token))) {
        return false;
      }
      try {
        return await withTimeout(shared.firstUse(token), timeoutMs);
      } catch (error) {
        onFallback(error);
        return true;
      }
    },
  };
}
