/**
 * The online service's composition root: parse the environment, create the clients, build the
 * app, serve it, and on SIGTERM/SIGINT drain, stop accepting, finish in-flight requests, flush the
 * audit log and close Redis.
 */
import cluster from 'node:cluster';
import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseEnv } from '@mediassist/shared/config';
import { toAppError } from '@mediassist/shared/errors';
import { loadKnowledgeBase } from '@mediassist/shared/kb';
import { createLogger, type Logger } from '@mediassist/shared/logger';
import { createTextExtractor } from '@mediassist/shared/text';
import type { Cluster, Redis } from 'ioredis';
import {
  createRedisConnection,
  requireRedisTarget,
} from '@mediassist/feature-store/redis-connection';
import { Queue } from 'bullmq';
import { OFFLINE_QUEUE_NAME, offlineQueuePrefix } from '@mediassist/shared/events';
import { createEventIntake, createNearlineKeys, NEARLINE_QUEUES } from '@mediassist/shared/events';
import { AggregatorRegistry, collectDefaultMetrics, Registry } from 'prom-client';
import { featureRegistry } from '@mediassist/feature-store/definitions';
import { createFileModelRegistry } from '@mediassist/feature-store/model-registry';
import { RedisOnlineStore } from '@mediassist/feature-store/online';
import { createApp } from './app.js';
import { createAssistService } from './assist/assist-service.js';
import { createFileAuditLog } from './audit/file-audit-log.js';
import { readApiKeyFile } from './auth/api-key-file.js';
import { createApiKeyStore } from './auth/api-key-store.js';
import { createAuthenticator } from './auth/authenticator.js';
import { createJwtVerifier } from './auth/jwt-verifier.js';
import { createCdsHooksDeps } from './cds-hooks/cds-hooks-deps.js';
import { ensureLocalApiKeys } from './auth/local-api-keys.js';
import { systemClock } from './clock.js';
import {
  apiKeysFile,
  auditDir,
  modelRegistryDir,
  OnlineEnvSchema,
  webDistDir,
  type OnlineEnv,
} from './config.js';
import { loadDocsAssets } from './docs/docs-assets.js';
import { safeErrorFields } from './errors/safe-error.js';
import { createFeatureReader } from './features/feature-reader.js';
import { createMetrics } from './metrics/metrics.js';
import {
  createModelVersionMetrics,
  withModelVersionMetrics,
} from './metrics/model-version-metrics.js';
import { createModelHolder, type ModelHolder } from './model/model-holder.js';
import { createModelLoadCounter } from './model/model-metrics.js';
import { loadOnnxDiagnosisModel } from './model/onnx-diagnosis-model.js';
import { createFallbackRateLimiter } from './rate-limit/fallback-rate-limiter.js';
import { createMemoryRateLimiter } from './rate-limit/memory-rate-limiter.js';
import { createLeasedRateLimiter } from './rate-limit/leased-rate-limiter.js';
import { createRedisRateLimiter } from './rate-limit/redis-rate-limiter.js';
import { createLoadShedder } from './resilience/load-shedder.js';
import { startHttpServer } from './server/http-server.js';
import { createRedisDemoPatientSource } from './web/demo-patient-source.js';
import { createPatientSummaries } from './web/patient-summary.js';
import { loadWebAssets } from './web/web-assets.js';
import { createLifecycle } from './server/lifecycle.js';

async function createAuth(env: OnlineEnv, logger: Logger) {
  const keysFile = apiKeysFile(env);
  if (env.LOCAL_DEV_KEYS) {
    const local = await ensureLocalApiKeys({ keysFile, clock: systemClock });
    logger.info(
      { credentialsFile: local.credentialsFile, created: local.created },
      'local development API keys ready (LOCAL_DEV_KEYS=false to disable)',
    );
  }
  const entries = [...(await readApiKeyFile(keysFile)), ...(env.API_KEYS ?? [])];
  const jwt = await createJwtVerifier({
    hs256Secret: env.JWT_HS256_SECRET,
    rs256PublicKeyPem:
      env.JWT_RS256_PUBLIC_KEY_FILE === undefined
        ? undefined
        : await readFile(env.JWT_RS256_PUBLIC_KEY_FILE, 'utf8'),
    issuer: env.JWT_ISSUER,
    audience: env.JWT_AUDIENCE,
    clock: systemClock,
  });
  const apiKeys = createApiKeyStore({ entries, clock: systemClock });
  logger.info({ apiKeys: apiKeys.size, jwt: jwt !== undefined }, 'authentication configured');
  if (apiKeys.size === 0 && !jwt) {
    logger.warn('no API keys and no JWT key: every authenticated route will answer 401');
  }
  return createAuthenticator({ apiKeys, jwt });
}

function createRedis(env: OnlineEnv, logger: Logger): Redis | Cluster {
  // One node (REDIS_URL) or a cluster (REDIS_CLUSTER_NODES). Fail fast while disconnected:
  // callers fall back (rate limiting) or report (readiness).
  const redis = createRedisConnection({ target: requireRedisTarget(env), role: 'request' });
  let lastLogged = 0;
  redis.on('error', (error: unknown) => {
    if (Date.now() - lastLogged > 30_000) {
      lastLogged = Date.now();
      logger.warn({ error: safeErrorFields(error) }, 'redis connection error (retrying)');
    }
  });
  return redis;
}

/** Gives Redis a moment to connect so the first requests use it; the service starts either way. */
function redisReady(redis: Redis | Cluster, timeoutMs: number): Promise<boolean> {
  if (redis.status === 'ready') {
    return Promise.resolve(true);
  }
  return new Promise((resolve) => {
    const onReady = (): void => {
      clearTimeout(timer);
      resolve(true);
    };
    const timer = setTimeout(() => {
      redis.off('ready', onReady);
      resolve(false);
    }, timeoutMs);
    redis.once('ready', onReady);
  });
}

/** Loads the production model once (the service starts without one) and watches the registry. */
async function startModels(options: {
  env: OnlineEnv;
  kb: ReturnType<typeof loadKnowledgeBase>;
  logger: Logger;
  registry: Registry;
}): Promise<ModelHolder> {
  const { env, kb, logger } = options;
  const models = createModelHolder({
    registry: createFileModelRegistry({ root: modelRegistryDir(env) }),
    loadModel: ({ manifest, bytes }) =>
      loadOnnxDiagnosisModel({ manifest, bytes, knowsCondition: (id) => !!kb.condition(id) }),
    logger,
    onLoad: createModelLoadCounter(options.registry),
  });
  await models.refresh();
  models.start(env.MODEL_POLL_MS);
  const status = models.status();
  if (status.state !== 'loaded') {
    logger.warn({ model: status }, 'no diagnosis model serving: assist answers from guidelines');
  }
  return models;
}

function waitForSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals): void => {
      resolve(signal);
      // A second signal while draining stops at once.
      process.once(signal, () => process.exit(1));
    };
    process.once('SIGTERM', onSignal);
    process.once('SIGINT', onSignal);
  });
}

async function main(logger: Logger): Promise<void> {
  const env = parseEnv(OnlineEnvSchema);
  logger.level = env.LOG_LEVEL;
  const kb = loadKnowledgeBase();
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  if (cluster.isWorker) {
    // Multi-process mode (serve-cluster.ts): the primary can add every worker's metrics up.
    // Constructing one installs prom-client's worker-side reply listener (prom-client 15).
    new AggregatorRegistry();
    AggregatorRegistry.setRegistries([registry]);
  }
  const metrics = createMetrics({ registry });
  const auth = await createAuth(env, logger);
  const redis = createRedis(env, logger);
  if (!(await redisReady(redis, 2_000))) {
    logger.warn(
      'redis not reachable yet: starting in guideline-only mode with local rate limiting',
    );
  }
  const policy = { capacity: env.RATE_LIMIT_BURST, refillPerSecond: env.RATE_LIMIT_PER_SECOND };
  const rateLimiter = createFallbackRateLimiter({
    primary: createLeasedRateLimiter({
      source: createRedisRateLimiter({ redis, policy, keyPrefix: env.REDIS_KEY_PREFIX }),
      policy,
      leaseMs: env.RATE_LIMIT_LEASE_MS,
    }),
    fallback: createMemoryRateLimiter({ policy, clock: systemClock }),
    logger,
    onFallback: () => {
      metrics.rateLimitBackendFallbacks.inc();
    },
    timeoutMs: env.RATE_LIMIT_REDIS_TIMEOUT_MS,
  });
  const audit = createFileAuditLog({
    dir: auditDir(env),
    logger,
    flushIntervalMs: env.AUDIT_FLUSH_MS,
    onRecord: () => {
      metrics.auditRecords.inc();
    },
    onWriteFailure: () => {
      metrics.auditWriteFailures.inc();
    },
  });
  const models = await startModels({ env, kb, logger, registry });
  const textExtractor = createTextExtractor({ kb });
  const shedder = createLoadShedder({ maxInFlight: env.ASSIST_MAX_IN_FLIGHT });
  // Answers and latency by model version, so a canary can be compared with production.
  const assist = withModelVersionMetrics({
    models,
    metrics: createModelVersionMetrics({ registry }),
    service: createAssistService({
      kb,
      logger,
      metrics,
      clock: systemClock,
      features: createFeatureReader({
        store: new RedisOnlineStore({
          redis,
          registry: featureRegistry,
          keyPrefix: env.REDIS_KEY_PREFIX,
        }),
        logger,
        timeoutMs: env.ASSIST_FEATURE_TIMEOUT_MS,
      }),
      models,
      textExtractor,
      pseudonymKey: env.PSEUDONYM_KEY,
      modelTimeoutMs: env.ASSIST_MODEL_TIMEOUT_MS,
      shedder,
    }),
  });
  // Visit and feedback events go to the nearline tier through its refresh queue (fail fast: 503).
  const nearlineKeys = createNearlineKeys(env.REDIS_KEY_PREFIX);
  const refreshQueue = new Queue(NEARLINE_QUEUES.refresh, {
    connection: redis,
    prefix: nearlineKeys.queuePrefix,
  });
  const eventIntake = createEventIntake({ redis, refreshQueue, keys: nearlineKeys });
  // The admin queue dashboard (/admin/queues): nearline's queues and the offline tier's.
  const dashboardQueues = [
    refreshQueue,
    new Queue(NEARLINE_QUEUES.deadLetter, { connection: redis, prefix: nearlineKeys.queuePrefix }),
    new Queue(OFFLINE_QUEUE_NAME, {
      connection: redis,
      prefix: offlineQueuePrefix(env.REDIS_KEY_PREFIX),
    }),
  ];
  // Without a listener BullMQ prints a queue's connection errors to stderr, bypassing the logger.
  for (const queue of dashboardQueues) {
    queue.on('error', (error) => {
      logger.warn({ queue: queue.name, error: safeErrorFields(error) }, 'queue error');
    });
  }
  // The doctor's web app: its files, the patient record it opens, demo patients, the local key.
  const web = {
    assets: loadWebAssets(webDistDir(env)),
    localClinicianKey:
      env.LOCAL_DEV_KEYS && env.WEB_LOCAL_KEY
        ? (await ensureLocalApiKeys({ keysFile: apiKeysFile(env), clock: systemClock })).keys
            .clinician
        : undefined,
  };
  if (!web.assets) {
    logger.warn({ dir: webDistDir(env) }, 'web app not built: / answers 404 (npm run build)');
  }
  const patientSummaries = createPatientSummaries({
    kb,
    features: createFeatureReader({
      store: new RedisOnlineStore({
        redis,
        registry: featureRegistry,
        keyPrefix: env.REDIS_KEY_PREFIX,
      }),
      logger,
      timeoutMs: env.PATIENT_FEATURE_TIMEOUT_MS,
    }),
    registry: featureRegistry,
    now: () => new Date(systemClock.now()),
  });
  const demoPatients = env.WEB_DEMO_PATIENTS
    ? createRedisDemoPatientSource({ redis, keyPrefix: env.REDIS_KEY_PREFIX })
    : undefined;
  const lifecycle = createLifecycle();
  const app = createApp({
    kb,
    logger,
    metrics,
    auth,
    audit,
    rateLimiter,
    redis,
    model: models,
    assist,
    lifecycle,
    clock: systemClock,
    config: {
      corsOrigins: env.CORS_ORIGINS,
      bodyLimitBytes: env.BODY_LIMIT_BYTES,
      readinessPingTimeoutMs: env.READINESS_PING_TIMEOUT_MS,
    },
    docs: loadDocsAssets(),
    textExtractor,
    patientSummaries,
    demoPatients,
    web,
    queues: dashboardQueues,
    eventIntake,
    pseudonymKey: env.PSEUDONYM_KEY,
    cdsHooks: await createCdsHooksDeps({ env, redis, assist, logger, clock: systemClock }),
  });
  const server = await startHttpServer({ fetch: app.fetch, port: env.PORT, hostname: env.HOST });
  logger.info(
    { host: env.HOST, port: server.port, kbVersion: kb.version },
    'online service listening',
  );

  const signal = await waitForSignal();
  logger.info({ signal }, 'shutting down: draining');
  lifecycle.startDraining();
  await sleep(env.SHUTDOWN_DRAIN_DELAY_MS);
  await server.close(env.SHUTDOWN_GRACE_MS);
  try {
    await models.close();
    await audit.close();
    await Promise.all(dashboardQueues.map((q) => q.close()));
  } finally {
    await redis.quit().catch(() => {
      redis.disconnect();
    });
  }
  logger.info('stopped');
  // Anything still holding the event loop open (a stuck socket) must not keep a stopped service alive.
  setTimeout(() => process.exit(), 2_000).unref();
}

// One line per request: batched writes (4 KB or 1 s) keep write(2) calls off the request path.
const logger = createLogger({ name: 'online', bufferBytes: 4096 });
main(logger).catch((thrown: unknown) => {
  const error = toAppError(thrown);
  logger.fatal(
    { code: error.code, details: error.details, error: safeErrorFields(thrown) },
    error.message,
  );
  process.exitCode = 1;
});
