/**
 * The offline worker process: runs the offline queue's jobs (scheduled slots, or any registry job
 * enqueued by hand) one at a time, with retries and backoff from the job options. SIGTERM stops
 * taking jobs, aborts the running one cleanly (it will be retried) and exits.
 */
import { parseEnv } from '@mediassist/shared/config';
import { offlineQueuePrefix } from '@mediassist/shared/events';
import { createLogger } from '@mediassist/shared/logger';
import { Worker } from 'bullmq';
import {
  createRedisConnection,
  requireRedisTarget,
} from '@mediassist/feature-store/redis-connection';
import { createProgressFactory } from './io/progress.js';
import { hourlyStages, nightlyStages } from './pipeline/model-stages.js';
import { createOfflineProcessor } from './schedule/offline-processor.js';
import { OFFLINE_QUEUE, type OfflineJobData } from './schedule/offline-queue.js';
import { ScheduleEnvSchema } from './schedule/scheduler-config.js';

function main(): void {
  const env = parseEnv(ScheduleEnvSchema);
  const logger = createLogger({ name: 'offline:worker', level: env.LOG_LEVEL });
  // One node or a cluster (the queue's prefix is hash-tagged); BullMQ's worker options.
  const redis = createRedisConnection({ target: requireRedisTarget(env), role: 'worker' });
  const shutdown = new AbortController();
  const processor = createOfflineProcessor({
    context: (job) => {
      const jobLogger = logger.child({ jobId: job.id, job: job.name });
      return {
        env,
        logger: jobLogger,
        progress: createProgressFactory({ logger: jobLogger, interactive: false }),
        signal: shutdown.signal,
      };
    },
    schedules: {
      nightly: () => nightlyStages({ materialize: true }),
      hourly: () => hourlyStages({ materialize: true }),
    },
  });
  const worker = new Worker<OfflineJobData>(OFFLINE_QUEUE, processor, {
    connection: redis,
    prefix: offlineQueuePrefix(env.REDIS_KEY_PREFIX),
    concurrency: 1,
    lockDuration: env.OFFLINE_LOCK_MS,
    maxStalledCount: 1,
  });
  worker.on('completed', (job) => {
    logger.info({ jobId: job.id, job: job.name }, 'offline job completed');
  });
  worker.on('failed', (job, error) => {
    logger.error(
      {
        jobId: job?.id ?? null,
        job: job?.name ?? null,
        attempts: job?.attemptsMade ?? 0,
        error: error.name,
      },
      'offline job failed',
    );
  });
  logger.info({ queue: OFFLINE_QUEUE }, 'offline worker started');
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      shutdown.abort();
      void worker
        .close()
        .then(() => {
          redis.disconnect();
        })
        .finally(() => process.exit(0));
    });
  }
}

main();
