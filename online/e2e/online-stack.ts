/**
 * The real system for the end-to-end tests: a private redis-server, the demo patients written to the
 * online store with the feature store's own writer, and the built online service (`online/dist/main.js`)
 * as a child process on a free port, with its own MEDIASSIST_HOME (so no model is deployed and the
 * local API keys are fresh). `stop()` ends both processes and removes the temporary home.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { featureRegistry } from '@mediassist/feature-store/definitions';
import { RedisOnlineStore } from '@mediassist/feature-store/online';
import { PseudonymKeySchema, type PseudonymKey } from '@mediassist/shared/pseudonym';
import { freePort } from '@mediassist/tooling/free-port';
import { startLocalRedis } from '@mediassist/tooling/local-redis';
import { ONLINE_NODE_FLAGS } from '@mediassist/tooling/online-node-flags';
import { Redis } from 'ioredis';
import { demoSeeds } from './demo-patients.js';

export const ONLINE_ROOT = fileURLToPath(new URL('..', import.meta.url));
const MAIN = path.join(ONLINE_ROOT, 'dist/main.js');
const WEB_INDEX = path.join(ONLINE_ROOT, 'web/dist/index.html');
export const KEY_PREFIX = 'e2e:';

export interface OnlineStack {
  baseUrl: string;
  /** A client on the stack's Redis, for assertions. */
  redis: Redis;
  pseudonymKey: PseudonymKey;
  seeds: ReturnType<typeof demoSeeds>;
  clinicianKey: string;
  /** Service output so far (pino JSON lines), for "never logged" assertions. */
  output(): string;
  stop(): Promise<void>;
}

async function waitForReady(url: string, exited: () => boolean): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (exited()) {
      throw new Error('the online service exited during start-up');
    }
    try {
      const res = await fetch(`${url}/readyz`);
      if (res.status === 200) {
        return;
      }
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error('the online service did not become ready within 30 s');
}

export async function startOnlineStack(): Promise<OnlineStack> {
  for (const file of [MAIN, WEB_INDEX]) {
    if (!existsSync(file)) {
      throw new Error(
        `${file} is missing: build first (npx turbo run build --filter=@mediassist/online)`,
      );
    }
  }
  const home = mkdtempSync(path.join(tmpdir(), 'mediassist-e2e-'));
  const redisServer = await startLocalRedis({ dataDir: path.join(home, 'redis') });
  const redis = new Redis(redisServer.url, { maxRetriesPerRequest: 1 });
  const pseudonymKey = PseudonymKeySchema.parse(randomBytes(32).toString('hex'));
  const seeds = demoSeeds({ key: pseudonymKey, now: new Date() });
  const store = new RedisOnlineStore({ redis, registry: featureRegistry, keyPrefix: KEY_PREFIX });
  for (const seed of Object.values(seeds)) {
    await store.write(seed.patientId, seed.features);
  }

  const port = await freePort();
  let log = '';
  const child = spawn(process.execPath, [...ONLINE_NODE_FLAGS, MAIN], {
    env: {
      PATH: process.env['PATH'] ?? '',
      PORT: String(port),
      HOST: '127.0.0.1',
      REDIS_URL: redisServer.url,
      MEDIASSIST_HOME: home,
      PSEUDONYM_KEY: pseudonymKey,
      REDIS_KEY_PREFIX: KEY_PREFIX,
      LOG_LEVEL: 'info',
      // Generous deadlines: two shared cores and a cold process, not a latency test.
      ASSIST_FEATURE_TIMEOUT_MS: '1000',
      RATE_LIMIT_BURST: '1000',
      RATE_LIMIT_PER_SECOND: '1000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let exited = false;
  const done = new Promise<void>((resolve) => {
    child.once('exit', () => {
      exited = true;
      resolve();
    });
  });
  child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));

  const baseUrl = `http://127.0.0.1:${String(port)}`;
  const stop = async () => {
    if (!exited) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await done;
      clearTimeout(timer);
    }
    redis.disconnect();
    await redisServer.stop();
    rmSync(home, { recursive: true, force: true });
  };
  try {
    await waitForReady(baseUrl, () => exited);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n${log.slice(-4000)}`, { cause: error });
  }
  const credentials = JSON.parse(
    readFileSync(path.join(home, 'secrets/local-api-keys.json'), 'utf8'),
  ) as { keys: { clinician: string } };
  return {
    baseUrl,
    redis,
    pseudonymKey,
    seeds,
    clinicianKey: credentials.keys.clinician,
    output: () => log,
    stop,
  };
}
