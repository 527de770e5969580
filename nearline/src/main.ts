/**
 * The nearline worker process's composition root: parse the environment, create the clients
 * (Redis, the online store, the encoder from the registry, DuckDB for the lake), start the workers
 * and the metrics endpoint, and on SIGTERM/SIGINT let running refreshes finish, flush the lake
 * writer and close every connection.
 */
import {
  featureRegistry,
  PATIENT_EMBEDDING_DIMENSION,
} from '@mediassist/feature-store/definitions';
import { createFileModelRegistry } from '@mediassist/feature-store/model-registry';
import { RedisOnlineStore } from '@mediassist/feature-store/online';
import { parseEnv } from '@mediassist/shared/config';
import { toAppError } from '@mediassist/shared/errors';
import { createNearlineKeys } from '@mediassist/shared/events';
import { createInteractionChecker } from '@mediassist/shared/interactions';
import { loadKnowledgeBase } from '@mediassist/shared/kb';
import { createLogger, type Logger } from '@mediassist/shared/logger';
import {
  createRedisConnection,
  requireRedisTarget,
  type RedisTarget,
} from '@mediassist/feature-store/redis-connection';
import type { Cluster, Redis } from 'ioredis';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { lakeDir, NearlineEnvSchema, registryDir } from './config.js';
import { createRegistryEncoderSource } from './embedding/registry-encoder-source.js';
import { createDuckDbLakeFileWriter } from './lake/duckdb-lake-file-writer.js';
import { startMetricsServer } from './metrics/metrics-server.js';
import { createNearlineMetrics } from './metrics/nearline-metrics.js';
import { createCareGapsFn } from './refresh/care-gaps-fn.js';
import { createFeatureDeriver } from './refresh/derive-features.js';
import { startWorkers } from './workers.js';

function waitForSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals): void => {
      resolve(signal);
      process.once(signal, () => process.exit(1));
    };
    process.once('SIGTERM', onSignal);
    process.once('SIGINT', onSignal);
  });
}

function createRedis(target: RedisTarget, logger: Logger): Redis | Cluster {
  // Workers wait out a Redis outage instead of failing jobs (BullMQ's production guidance).
  const redis = createRedisConnection({ target, role: 'worker' });
  let lastLogged = 0;
  redis.on('error', (error: Error) => {
    if (Date.now() - lastLogged > 30_000) {
      lastLogged = Date.now();
      logger.warn({ message: error.message }, 'redis connection error (retrying)');
    }
  });
  return redis;
}

async function main(logger: Logger): Promise<void> {
  const env = parseEnv(NearlineEnvSchema);
  logger.level = env.LOG_LEVEL;
  const clock = () => new Date();
  const kb = loadKnowledgeBase();
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const metrics = createNearlineMetrics({ registry });
  // One Redis node (REDIS_URL) or a Redis Cluster (REDIS_CLUSTER_NODES).
  const target = requireRedisTarget(env);
  const redis = createRedis(target, logger);
  const blockingRedis = createRedis(target, logger);

  const encoders = createRegistryEncoderSource({
    registry: createFileModelRegistry({ root: registryDir(env) }),
    expectedDimension: PATIENT_EMBEDDING_DIMENSION,
    logger,
    pollIntervalMs: env.ENCODER_POLL_MS,
    onEvent: (event) => {
      metrics.encoderLoads.inc({ result: event.kind });
      if (event.kind === 'loaded') {
        metrics.encoderVersion.reset();
        metrics.encoderVersion.set({ version: event.version }, 1);
      }
    },
  });
  await encoders.refresh();
  if (!encoders.current()) {
    logger.warn('no production model in the registry yet: patient embeddings are left as they are');
  }
  const lakeFiles = await createDuckDbLakeFileWriter();
  const workers = await startWorkers(
    {
      redis,
      blockingRedis,
      store: new RedisOnlineStore({
        redis,
        registry: featureRegistry,
        keyPrefix: env.REDIS_KEY_PREFIX,
      }),
      kb,
      deriver: createFeatureDeriver({
        kb,
        interactions: createInteractionChecker(kb),
        careGaps: createCareGapsFn(kb),
        encoder: () => encoders.current(),
      }),
      lakeFiles,
      keys: createNearlineKeys(env.REDIS_KEY_PREFIX),
      metrics,
      logger,
      clock,
    },
    {
      concurrency: env.NEARLINE_CONCURRENCY,
      lakeDir: lakeDir(env),
      lake: {
        flushMs: env.LAKE_FLUSH_MS,
        maxRows: env.LAKE_FLUSH_ROWS,
        claimIdleMs: env.LAKE_CLAIM_IDLE_MS,
        claimIntervalMs: Math.max(1_000, Math.floor(env.LAKE_CLAIM_IDLE_MS / 2)),
      },
      lockDurationMs: env.NEARLINE_LOCK_MS,
      stalledIntervalMs: env.NEARLINE_STALLED_INTERVAL_MS,
      sweepIntervalMs: env.NEARLINE_SWEEP_INTERVAL_MS,
      processedRetentionSeconds: env.PROCESSED_RETENTION_DAYS * 86_400,
    },
  );
  const metricsServer = await startMetricsServer({
    registry,
    port: env.METRICS_PORT,
    host: env.METRICS_HOST,
  });
  logger.info(
    {
      metricsPort: metricsServer.port,
      kbVersion: kb.version,
      model: encoders.current()?.version ?? null,
    },
    'nearline ready',
  );

  const signal = await waitForSignal();
  logger.info({ signal }, 'shutting down: finishing running refreshes and flushing the lake');
  setTimeout(() => {
    logger.error('shutdown grace period exceeded; exiting');
    process.exit(1);
  }, env.SHUTDOWN_GRACE_MS).unref();
  try {
    await workers.close();
  } finally {
    await metricsServer.close();
    await encoders.close();
    lakeFiles.close();
    await Promise.all([redis.quit(), blockingRedis.quit()]).catch(() => {
      redis.disconnect();
      blockingRedis.disconnect();
    });
  }
  logger.info('stopped');
}

const logger = createLogger({ name: 'nearline' });
process.on('unhandledRejection', (reason) => {
  logger.error({ code: toAppError(reason).code }, 'unhandled rejection');
});
main(logger).catch((thrown: unknown) => {
  const error = toAppError(thrown);
  logger.fatal({ code: error.code, details: error.details }, error.message);
  process.exitCode = 1;
  setTimeout(() => process.exit(1), 1_000).unref();
});
