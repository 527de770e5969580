/** The integration run's Redis (started by the tooling's global set-up), typed. */
import type {} from '@mediassist/tooling/redis-global-setup';
import { inject } from 'vitest';

export function redisUrl(): string {
  return inject('redisUrl');
}
