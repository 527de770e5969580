/**
 * The app the CPU benchmarks (assist-cpu.ts, assist-http-cpu.ts) measure in their own process, wired
 * as `main.ts` wires it: a private Redis seeded with synthetic patients, the bench's model, API-key
 * auth, the leased Redis rate limit with its local fallback, the file audit log, and log lines
 * formatted at info and written to /dev/null, as in production. Also `profiled`, their optional V8
 * CPU profile.
 */
import { mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { featureRegistry } from '@mediassist/feature-store/definitions';
import { createFileModelRegistry } from '@mediassist/feature-store/model-registry';
import { RedisOnlineStore } from '@mediassist/feature-store/online';
import type { KnowledgeBase } from '@mediassist/shared/kb';
import { createLogger } from '@mediassist/shared/logger';
import { createTextExtractor } from '@mediassist/shared/text';
import { startLocalRedis, type LocalRedis } from '@mediassist/tooling/local-redis';
import { Redis } from 'ioredis';
import { Registry } from 'prom-client';
import { createApp } from '../src/app.js';
import { createAssistService, type AssistService } from '../src/assist/assist-service.js';
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
import { createLeasedRateLimiter } from '../src/rate-limit/leased-rate-limiter.js';
import { createMemoryRateLimiter } from '../src/rate-limit/memory-rate-limiter.js';
import { createRedisRateLimiter } from '../src/rate-limit/redis-rate-limiter.js';
import { createLifecycle } from '../src/server/lifecycle.js';
import { benchModelRegistry } from './stand-in-model.js';
import { seededRandom, syntheticFeatures } from './synthetic-patients.js';

export interface InProcessApp {
  app: ReturnType<typeof createApp>;
  /** A clinician's API key. */
  key: string;
  /** Where the model came from (see stand-in-model.ts). */
  modelSource: 'registry' | 'same-shaped';
  /** Stop it to measure the guidelines-only tier. */
  redisServer: LocalRedis;
  close(): Promise<void>;
}

export async function startInProcessApp(options: {
  kb: KnowledgeBase;
  /** A scratch directory: Redis data, the audit log, a stand-in model registry. */
  home: string;
  repoDir: string;
  patients: number;
  /** Wraps the assist service the app calls (default: as is). */
  wrapService?: (service: AssistService) => AssistService;
}): Promise<InProcessApp> {
  const { kb, home, repoDir, patients } = options;
  const wrapService = options.wrapService ?? ((service: AssistService) => service);
  const redisServer = await startLocalRedis({ dataDir: path.join(home, 'redis') });
  const redis = new Redis(redisServer.url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    retryStrategy: () => 1_000,
  });
  redis.on('error', () => undefined);
  await new Promise((resolve) => redis.once('ready', resolve));
  const store = new RedisOnlineStore({ redis, registry: featureRegistry });
  const random = seededRandom(7);
  for (let start = 0; start < patients; start += 500) {
    const now = Date.now();
    await store.writeMany(
      Array.from({ length: Math.min(500, patients - start) }, (_, i) =>
        syntheticFeatures({ kb, random, patient: start + i, now }),
      ),
    );
  }
  const devNull = openSync('/dev/null', 'w');
  const logger = createLogger({
    name: 'online',
    level: 'info',
    destination: { write: (line: string) => writeSync(devNull, line) },
  });
  const metrics = createMetrics({ registry: new Registry() });
  const model = await benchModelRegistry({ repoDir, home, kb });
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
  const service = createAssistService({
    kb,
    logger,
    metrics,
    clock: systemClock,
    features: createFeatureReader({ store, logger, timeoutMs: 30 }),
    models,
    textExtractor,
  });
  const app = createApp({
    kb,
    logger,
    metrics,
    auth: createAuthenticator({
      apiKeys: createApiKeyStore({
        entries: [{ id: 'bench', subject: 'bench', roles: ['clinician'], sha256: hashApiKey(key) }],
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
    assist: wrapService(service),
    lifecycle: createLifecycle(),
    clock: systemClock,
    config: { corsOrigins: [], bodyLimitBytes: 262_144, readinessPingTimeoutMs: 250 },
    docs: loadDocsAssets(),
    textExtractor,
  });
  return {
    app,
    key,
    modelSource: model.source,
    redisServer,
    async close() {
      await models.close();
      await audit.close();
      redis.disconnect();
      await redisServer.stop();
    },
  };
}

/** Runs `work` under the V8 CPU profiler when `dir` is set, writing `<dir>/<name>.cpuprofile`. */
export async function profiled<T>(
  dir: string | undefined,
  name: string,
  work: () => Promise<T>,
): Promise<T> {
  if (dir === undefined) {
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
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  }
}
