import { describe, expect, it } from 'vitest';
import { createManualClock } from '../testing/manual-clock.js';
import { createSharedReplayGuard } from './redis-replay-guard.js';
import { createMemoryReplayGuard, type ReplayGuard } from './replay-guard.js';

describe('createMemoryReplayGuard', () => {
  it('accepts an id once until it expires', async () => {
    const clock = createManualClock();
    const guard = createMemoryReplayGuard({ clock });
    const token = { id: 'iss|jti', expiresAtMs: clock.now() + 60_000 };
    expect(await guard.firstUse(token)).toBe(true);
    expect(await guard.firstUse(token)).toBe(false);
    clock.advance(61_000);
    expect(await guard.firstUse({ ...token, expiresAtMs: clock.now() + 60_000 })).toBe(true);
  });

  it('stays bounded: expired ids go first, then the oldest', async () => {
    const clock = createManualClock();
    const guard = createMemoryReplayGuard({ clock, maxEntries: 2 });
    const until = clock.now() + 60_000;
    for (const id of ['a', 'b', 'c']) {
      expect(await guard.firstUse({ id, expiresAtMs: until })).toBe(true);
    }
    expect(await guard.firstUse({ id: 'c', expiresAtMs: until })).toBe(false);
    expect(await guard.firstUse({ id: 'a', expiresAtMs: until })).toBe(true);
  });
});

describe('createSharedReplayGuard', () => {
  const failing: ReplayGuard = { firstUse: () => Promise.reject(new Error('redis down')) };
  const hanging: ReplayGuard = { firstUse: () => new Promise(() => undefined) };

  it('refuses an id the shared store has seen (another replica)', async () => {
    const clock = createManualClock();
    const shared = createMemoryReplayGuard({ clock });
    const replicaA = createSharedReplayGuard({
      local: createMemoryReplayGuard({ clock }),
      shared,
      timeoutMs: 50,
      onFallback: () => undefined,
    });
    const replicaB = createSharedReplayGuard({
      local: createMemoryReplayGuard({ clock }),
      shared,
      timeoutMs: 50,
      onFallback: () => undefined,
    });
    const token = { id: 'x', expiresAtMs: clock.now() + 60_000 };
    expect(await replicaA.firstUse(token)).toBe(true);
    expect(await replicaB.firstUse(token)).toBe(false);
  });

  it('falls back to this replica’s memory when the shared store fails or is slow', async () => {
    const clock = createManualClock();
    for (const shared of [failing, hanging]) {
      const fallbacks: unknown[] = [];
      const guard = createSharedReplayGuard({
        local: createMemoryReplayGuard({ clock }),
        shared,
        timeoutMs: 20,
        onFallback: (error) => fallbacks.push(error),
      });
      const token = { id: 'y', expiresAtMs: clock.now() + 60_000 };
      expect(await guard.firstUse(token)).toBe(true);
      expect(await guard.firstUse(token)).toBe(false);
      expect(fallbacks).toHaveLength(1);
    }
  });
});
