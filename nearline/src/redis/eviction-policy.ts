/**
 * BullMQ, the pending events and the lake stream are lost if Redis evicts keys under memory pressure:
 * the workers refuse to start unless `maxmemory-policy` is `noeviction` (BullMQ itself only warns).
 */
import { AppError } from '@mediassist/shared/errors';
import type { RedisCaller } from '@mediassist/shared/events';

/** Reads the policy with CONFIG GET, or from INFO where CONFIG is disabled (managed Redis). */
export async function readEvictionPolicy(redis: RedisCaller): Promise<string | undefined> {
  try {
    const reply = (await redis.call('CONFIG', 'GET', 'maxmemory-policy')) as string[];
    if (reply[1]) {
      return reply[1];
    }
  } catch {
    // CONFIG may be renamed or disabled; INFO is always there.
  }
  const info = String(await redis.call('INFO', 'memory'));
  return /^maxmemory_policy:(\S+)/m.exec(info)?.[1];
}

export async function assertNoEviction(redis: RedisCaller): Promise<void> {
  const policy = await readEvictionPolicy(redis);
  if (policy !== 'noeviction') {
    throw new AppError(
      'CONFIG_INVALID',
      `Redis maxmemory-policy is ${policy ?? 'unknown'}; the nearline workers need noeviction`,
      { details: [{ path: 'redis.maxmemory-policy', issue: policy ?? 'unknown' }] },
    );
  }
}
