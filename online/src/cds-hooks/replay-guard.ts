/**
 * JWT replay protection: each token id (`jti`, per issuer) is accepted once until the token expires.
 * The memory guard is bounded (oldest ids go first when full) and is also the local layer in front
 * of Redis (redis-replay-guard.ts), so a replica still refuses replays it has seen while Redis is down.
 */
import type { Clock } from '../clock.js';

export interface ReplayGuard {
  /** True the first time `id` is presented before `expiresAtMs`; false for a replay. */
  firstUse(options: { id: string; expiresAtMs: number }): Promise<boolean>;
}

export interface MemoryReplayGuardOptions {
  clock: Clock;
  /** Most ids remembered (default 100,000); expired ids are dropped first. */
  maxEntries?: number;
}

export function createMemoryReplayGuard(options: MemoryReplayGuardOptions): ReplayGuard {
  const { clock } = options;
  const maxEntries = options.maxEntries ?? 100_000;
  const seen = new Map<string, number>();
  const makeRoom = (now: number): void => {
    for (const [id, expiresAt] of seen) {
      if (expiresAt <= now) {
        seen.delete(id);
      }
    }
    for (const id of seen.keys()) {
      if (seen.size < maxEntries) {
        break;
      }
      seen.delete(id);
    }
  };
  return {
    firstUse({ id, expiresAtMs }) {
      const now = clock.now();
      const known = seen.get(id);
      if (known !== undefined && known > now) {
        return Promise.resolve(false);
      }
      if (seen.size >= maxEntries) {
        makeRoom(now);
      }
      seen.delete(id);
      seen.set(id, expiresAtMs);
      return Promise.resolve(true);
    },
  };
}
