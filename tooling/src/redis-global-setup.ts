/**
 * Vitest global set-up for `*.int.test.ts`: uses REDIS_URL when set, otherwise starts a private
 * redis-server for the run and stops it afterwards. Tests read the URL with `inject('redisUrl')`.
 */
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import type {} from 'vitest';
import type { TestProject } from 'vitest/node';
import { startLocalRedis } from './local-redis.js';
import { stateDir } from './state-dir.js';

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const configured = process.env['REDIS_URL'];
  if (configured) {
    project.provide('redisUrl', configured);
    return () => Promise.resolve();
  }
  const dataDir = stateDir('test-redis', randomUUID());
  const redis = await startLocalRedis({ dataDir });
  project.provide('redisUrl', redis.url);
  return async () => {
    await redis.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
