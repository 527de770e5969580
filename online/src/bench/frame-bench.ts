/**
 * `npm run bench:online-frame`: the frame's own latency, without the clinical work. Drives the real
 * app (auth, rate limit, audit, metrics, logging, validation, KB search) in-process via
 * `app.request()`, and — when REDIS_URL is set — over HTTP with the Redis rate limiter, as
 * deployed. Prints one JSON object as its last line.
 */
import { createWriteStream } from 'node:fs';
import { createLogger } from '@mediassist/shared/logger';
import { Redis } from 'ioredis';
import { systemClock } from '../clock.js';
import { createFallbackRateLimiter } from '../rate-limit/fallback-rate-limiter.js';
import { createMemoryRateLimiter } from '../rate-limit/memory-rate-limiter.js';
import { createRedisRateLimiter } from '../rate-limit/redis-rate-limiter.js';
import { startHttpServer } from '../server/http-server.js';
import { createTestApp } from '../testing/test-app.js';

const WARMUP = 500;
const RUNS = 3_000;
const POLICY = { capacity: 1_000_000, refillPerSecond: 1_000_000 };

function summary(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round((sorted[Math.floor(q * (sorted.length - 1))] ?? 0) * 1000) / 1000;
  return { n: sorted.length, p50Ms: at(0.5), p95Ms: at(0.95), p99Ms: at(0.99), maxMs: at(1) };
}

async function measure(run: () => Promise<Response>): Promise<number[]> {
  for (let i = 0; i < WARMUP; i++) {
    await (await run()).arrayBuffer();
  }
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    const res = await run();
    await res.arrayBuffer();
    samples.push(performance.now() - started);
    if (res.status !== 200) {
      throw new Error(`unexpected status ${String(res.status)}`);
    }
  }
  return samples;
}

async function main(): Promise<void> {
  const path = '/api/v1/kb/search?q=breath&limit=10';
  // Logs are written as in production (JSON lines), to /dev/null.
  const logger = createLogger({ name: 'bench', destination: createWriteStream('/dev/null') });
  const local = await createTestApp({
    overrides: {
      logger,
      rateLimiter: createMemoryRateLimiter({ policy: POLICY, clock: systemClock }),
    },
  });
  const result: Record<string, unknown> = {
    bench: 'online-frame',
    route: 'GET /api/v1/kb/search',
    inProcess: summary(
      await measure(() =>
        Promise.resolve(local.app.request(path, { headers: local.as('clinician') })),
      ),
    ),
  };

  const url = process.env['REDIS_URL'];
  if (url) {
    const redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    await new Promise((resolve) => redis.once('ready', resolve));
    const deployed = await createTestApp({
      overrides: {
        logger,
        redis,
        rateLimiter: createFallbackRateLimiter({
          primary: createRedisRateLimiter({ redis, policy: POLICY, keyPrefix: 'bench:' }),
          fallback: createMemoryRateLimiter({ policy: POLICY, clock: systemClock }),
          logger,
        }),
      },
    });
    const server = await startHttpServer({
      fetch: deployed.app.fetch,
      port: 0,
      hostname: '127.0.0.1',
    });
    const base = `http://127.0.0.1:${String(server.port)}`;
    result['httpWithRedis'] = summary(
      await measure(() => fetch(`${base}${path}`, { headers: deployed.as('clinician') })),
    );
    await server.close(1_000);
    await redis.del('bench:online:ratelimit:test-clinician');
    redis.disconnect();
  }
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

await main();
