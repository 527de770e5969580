/**
 * `npm run bench:online-cpu`: CPU time per `POST /api/v1/assist`, in-process and one request at a
 * time, through the whole app (auth, Redis rate limit, audit, logging at info, validation, the
 * answer and its JSON) with the same model, patients and request mix as `bench:online`. CPU time
 * (`process.cpuUsage`, all threads, so the ONNX run is included) does not count waiting for Redis,
 * and is far less sensitive than latency to other work on a shared machine. Phases: `model` (Redis
 * up, features and model) and `guidelines-only` (Redis stopped, as in bench:online's last phase).
 * Last line: one JSON object. Env: BENCH_REQUESTS (measured per phase, default 4,000), BENCH_WARMUP
 * (3,000), BENCH_PATIENTS (2,000), BENCH_CPU_PROFILE (a directory: each phase's measured requests are
 * written there as `<phase>.cpuprofile`, for Chrome DevTools or speedscope).
 */
import { mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { featureRegistry } from '@mediassist/feature-store/definitions';
import { createFileModelRegistry } from '@mediassist/feature-store/model-registry';
import { RedisOnlineStore } from '@mediassist/feature-store/online';
import { loadKnowledgeBase } from '@mediassist/shared/kb';
import { createLogger } from '@mediassist/shared/logger';
import { createTextExtractor } from '@mediassist/shared/text';
import { startLocalRedis } from '@mediassist/tooling/local-redis';
import { Redis } from 'ioredis';
import { Registry } from 'prom-client';
import { createApp } from '../src/app.js';
import { createAssistService } from '../src/assist/assist-service.js';
import { createFileAuditLog } from '../src/audit/file-audit-log.js';
import { generateApiKey, hashApiKey } from '../src/auth/api-key.js';
import { createApiKeyStore } from '../src/auth/api-key-store.js';
import { createAuthenticator } from '../src/auth/authenticator.js';
import { systemClock } from '../src/clock.js';
import { loadDocsAssets } from '../src/docs/docs-assets.js';
import { createFeatureReader } from '../src/features/feature-reader.js';
import { createMetrics } from '../src/metrics/metrics.js';
import { createModelHolder } from '../src/model/model-holder.js';
import { loadOnnxDiagnosisModel } from '../src/model/onnx-diagnosis-model.js';
import { createFallbackRateLimiter } from '../src/rate-limit/fallback-rate-limiter.js';
import { createMemoryRateLimiter } from '../src/rate-limit/memory-rate-limiter.js';
import { createLeasedRateLimiter } from '../src/rate-limit/leased-rate-limiter.js';
import { createRedisRateLimiter } from '../src/rate-limit/redis-rate-limiter.js';
import { createLifecycle } from '../src/server/lifecycle.js';
import { benchModelRegistry } from './stand-in-model.js';
import { seededRandom, syntheticFeatures, syntheticRequest } from './synthetic-patients.js';

const REPO_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const REQUESTS = Number(process.env['BENCH_REQUESTS'] ?? 4_000);
const WARMUP = Number(process.env['BENCH_WARMUP'] ?? 3_000);
const PATIENTS = Number(process.env['BENCH_PATIENTS'] ?? 2_000);
const PROFILE_DIR = process.env['BENCH_CPU_PROFILE'];
const log = (message: string): void => {
  process.stderr.write(`[bench:online-cpu] ${message}\n`);
};

/** Runs `work` under the V8 CPU profiler when BENCH_CPU_PROFILE is set. */
async function profiled<T>(name: string, work: () => Promise<T>): Promise<T> {
  if (PROFILE_DIR === undefined) {
    return work();
  }
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    mkdirSync(PROFILE_DIR, { recursive: true });
    writeFileSync(path.join(PROFILE_DIR, `${name}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  }
}

const quantile = (sorted: readonly number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;

async function main(): Promise<void> {
  const home = mkdtempSync(path.join(tmpdir(), 'bench-online-cpu-'));
  const kb = loadKnowledgeBase();
  const redisServer = await startLocalRedis({ dataDir: path.join(home, 'redis') });
  const redis = new Redis(redisServer.url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    retryStrategy: () => 1_000,
  });
  redis.on('error', () => undefined);
  const devNull = openSync('/dev/null', 'w');
  try {
    await new Promise((resolve) => redis.once('ready', resolve));
    const store = new RedisOnlineStore({ redis, registry: featureRegistry });
    const random = seededRandom(7);
    for (let start = 0; start < PATIENTS; start += 500) {
      const now = Date.now();
      await store.writeMany(
        Array.from({ length: Math.min(500, PATIENTS - start) }, (_, i) =>
          syntheticFeatures({ kb, random, patient: start + i, now }),
        ),
      );
    }
    // The service's log lines are formatted and written (to /dev/null), as in production.
    const logger = createLogger({
      name: 'online',
      level: 'info',
      destination: { write: (line: string) => writeSync(devNull, line) },
    });
    const metrics = createMetrics({ registry: new Registry() });
    const model = await benchModelRegistry({ repoDir: REPO_DIR, home, kb });
    const models = createModelHolder({
      registry: createFileModelRegistry({ root: model.dir }),
      loadModel: ({ manifest, bytes }) =>
        loadOnnxDiagnosisModel({ manifest, bytes, knowsCondition: (id) => !!kb.condition(id) }),
      logger,
    });
    await models.refresh();
    const key = generateApiKey();
    const policy = { capacity: 1_000_000, refillPerSecond: 1_000_000 };
    const audit = createFileAuditLog({ dir: path.join(home, 'audit'), logger });
    const textExtractor = createTextExtractor({ kb });
    const app = createApp({
      kb,
      logger,
      metrics,
      auth: createAuthenticator({
        apiKeys: createApiKeyStore({
          entries: [
            { id: 'bench', subject: 'bench', roles: ['clinician'], sha256: hashApiKey(key) },
          ],
          clock: systemClock,
        }),
      }),
      audit,
      rateLimiter: createFallbackRateLimiter({
        primary: createLeasedRateLimiter({
          source: createRedisRateLimiter({ redis, policy, keyPrefix: 'mediassist:' }),
          policy,
        }),
        fallback: createMemoryRateLimiter({ policy, clock: systemClock }),
        logger,
      }),
      redis,
      model: models,
      assist: createAssistService({
        kb,
        logger,
        metrics,
        clock: systemClock,
        features: createFeatureReader({
          store: new RedisOnlineStore({ redis, registry: featureRegistry }),
          logger,
          timeoutMs: 30,
        }),
        models,
        textExtractor,
      }),
      lifecycle: createLifecycle(),
      clock: systemClock,
      config: { corsOrigins: [], bodyLimitBytes: 262_144, readinessPingTimeoutMs: 250 },
      docs: loadDocsAssets(),
      textExtractor,
    });
    const bodyRandom = seededRandom(42);
    const bodies = Array.from({ length: 2_000 }, () =>
      JSON.stringify(syntheticRequest({ kb, random: bodyRandom, patients: PATIENTS })),
    );
    const headers = { 'x-api-key': key, 'content-type': 'application/json' };
    let next = 0;
    const one = async (): Promise<{ cpuUs: number; wallMs: number; tier: string }> => {
      next = (next + 1) % bodies.length;
      const started = performance.now();
      const cpu = process.cpuUsage();
      const res = await app.request('/api/v1/assist', {
        method: 'POST',
        headers,
        body: bodies[next] ?? '{}',
      });
      const text = await res.text();
      const used = process.cpuUsage(cpu);
      if (res.status !== 200) {
        throw new Error(`assist answered ${String(res.status)}: ${text.slice(0, 200)}`);
      }
      const tier = /"tier":"([^"]+)"/.exec(text)?.[1] ?? 'unknown';
      return { cpuUs: used.user + used.system, wallMs: performance.now() - started, tier };
    };
    const phase = async (name: string) => {
      log(`${name}: ${String(WARMUP)} warm-up, ${String(REQUESTS)} measured`);
      for (let i = 0; i < WARMUP; i++) {
        await one();
      }
      const cpu: number[] = [];
      const wall: number[] = [];
      const tiers: Record<string, number> = {};
      const total = process.cpuUsage();
      const started = performance.now();
      await profiled(name, async () => {
        for (let i = 0; i < REQUESTS; i++) {
          const r = await one();
          cpu.push(r.cpuUs);
          wall.push(r.wallMs);
          tiers[r.tier] = (tiers[r.tier] ?? 0) + 1;
        }
      });
      const elapsed = performance.now() - started;
      const used = process.cpuUsage(total);
      cpu.sort((a, b) => a - b);
      wall.sort((a, b) => a - b);
      const result = {
        cpu_us_p50: quantile(cpu, 0.5),
        cpu_us_p90: quantile(cpu, 0.9),
        cpu_us_p99: quantile(cpu, 0.99),
        cpu_us_mean: Math.round((used.user + used.system) / REQUESTS),
        cpu_us_mean_system: Math.round(used.system / REQUESTS),
        wall_ms_p50: Math.round(quantile(wall, 0.5) * 1000) / 1000,
        wall_ms_p99: Math.round(quantile(wall, 0.99) * 1000) / 1000,
        sequential_rps: Math.round((REQUESTS / elapsed) * 1000),
        tiers,
      };
      log(`${name}: ${JSON.stringify(result)}`);
      return result;
    };
    const full = await phase('model');
    await redisServer.stop();
    const fallback = await phase('guidelines-only');
    await models.close();
    await audit.close();
    process.stdout.write(
      `${JSON.stringify({
        bench: 'online-assist-cpu',
        model: model.source,
        requests: REQUESTS,
        model_tier: full,
        guidelines_only: fallback,
      })}\n`,
    );
  } finally {
    redis.disconnect();
    await redisServer.stop();
    rmSync(home, { recursive: true, force: true });
  }
}

await main();
