/**
 * `startWorkers(deps, config)`: the refresh worker (BullMQ), the lake writer (stream consumer) and
 * the pending sweep, wired on clients main.ts (or a test) created. Refuses to start unless Redis is
 * `noeviction`. `close()` lets running refreshes finish, flushes the lake buffer and closes queues.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { OnlineStore } from '@mediassist/feature-store/online';
import { toAppError } from '@mediassist/shared/errors';
import {
  DEFAULT_RETRY_POLICY,
  NEARLINE_QUEUES,
  REFRESH_JOB_NAME,
  RefreshJobDataSchema,
  refreshJobOptions,
  type DeadLetter,
  type NearlineKeys,
  type RetryPolicy,
} from '@mediassist/shared/events';
import type { PatientId } from '@mediassist/shared/ids';
import type { KnowledgeBase } from '@mediassist/shared/kb';
import type { Logger } from '@mediassist/shared/logger';
import { Queue, UnrecoverableError, Worker } from 'bullmq';
import type { Cluster, Redis } from 'ioredis';
import { createQueueDeadLetterSink, deadLetter } from './dead-letter/dead-letter-sink.js';
import type { LakeFileWriter } from './lake/duckdb-lake-file-writer.js';
import { createLakeEventWriter, type LakeEventWriterConfig } from './lake/lake-event-writer.js';
import { createRedisLakeStream } from './lake/lake-stream.js';
import { createRedisPatientLedger } from './ledger/patient-ledger.js';
import { registerQueueDepthGauge, type NearlineMetrics } from './metrics/nearline-metrics.js';
import { createRefreshPatientProcessor } from './processors/refresh-patient.js';
import { sweepPendingPatients } from './processors/sweep-pending.js';
import type { FeatureDeriver } from './refresh/derive-features.js';
import { assertNoEviction } from './redis/eviction-policy.js';

export interface NearlineDeps {
  /**
   * Commands (queues, ledger, lake stream); created with `maxRetriesPerRequest: null`. A Redis
   * Cluster client works too: every multi-key script and the queues use hash-tagged keys.
   */
  redis: Redis | Cluster;
  /** A second connection for the lake writer's blocking reads (closed by `close()`). */
  blockingRedis: Redis | Cluster;
  store: OnlineStore;
  kb: Pick<KnowledgeBase, 'condition'>;
  deriver: FeatureDeriver;
  lakeFiles: LakeFileWriter;
  keys: NearlineKeys;
  /** On the registry the metrics endpoint serves (createNearlineMetrics). */
  metrics: NearlineMetrics;
  logger: Logger;
  clock: () => Date;
}

export interface WorkersConfig {
  /** Refresh jobs run in parallel per process. */
  concurrency: number;
  lakeDir: string;
  lake: LakeEventWriterConfig;
  /** Used for follow-up refresh jobs this process adds. */
  retry?: RetryPolicy;
  /** BullMQ lock and stall check: a killed worker's job is taken over after about this long. */
  lockDurationMs?: number;
  stalledIntervalMs?: number;
  maxStalledCount?: number;
  /** How often to look for patients with waiting events and no job (0: only at start). */
  sweepIntervalMs?: number;
  maxBatch?: number;
  processedRetentionSeconds?: number;
  /** Consumer name in the lake stream group (default host-pid-random). */
  consumer?: string;
  /** Fault injection for tests. */
  afterLakeRename?: (file: string) => Promise<void>;
}

export interface RunningWorkers {
  close(): Promise<void>;
}

const JOB_STATES = ['waiting', 'active', 'delayed', 'prioritized', 'failed'] as const;

export async function startWorkers(
  deps: NearlineDeps,
  config: WorkersConfig,
): Promise<RunningWorkers> {
  const { redis, keys, logger, clock } = deps;
  await assertNoEviction(redis);
  const retry = config.retry ?? DEFAULT_RETRY_POLICY;
  const prefix = keys.queuePrefix;
  const refreshQueue = new Queue(NEARLINE_QUEUES.refresh, { connection: redis, prefix });
  const deadQueue = new Queue<DeadLetter>(NEARLINE_QUEUES.deadLetter, {
    connection: redis,
    prefix,
  });
  for (const queue of [refreshQueue, deadQueue]) {
    queue.on('error', (error) => {
      logger.error({ queue: queue.name, message: error.message }, 'queue error');
    });
  }
  const { metrics } = deps;
  registerQueueDepthGauge({
    registry: metrics.registry,
    read: async () => {
      const depth = [];
      for (const queue of [refreshQueue, deadQueue]) {
        const counts = await queue.getJobCounts(...JOB_STATES);
        for (const state of JOB_STATES) {
          depth.push({ queue: queue.name, state, count: counts[state] ?? 0 });
        }
      }
      return depth;
    },
  });
  const deadLetters = createQueueDeadLetterSink({ queue: deadQueue });
  const requeue = async (patientId: PatientId): Promise<void> => {
    await refreshQueue.add(REFRESH_JOB_NAME, { patientId }, refreshJobOptions(patientId, retry));
  };

  const processor = createRefreshPatientProcessor({
    ledger: createRedisPatientLedger({
      redis,
      keys,
      clock,
      ...(config.processedRetentionSeconds === undefined
        ? {}
        : { processedRetentionSeconds: config.processedRetentionSeconds }),
    }),
    store: deps.store,
    deriver: deps.deriver,
    kb: deps.kb,
    deadLetters,
    requeue,
    metrics,
    logger,
    clock,
    ...(config.maxBatch === undefined ? {} : { maxBatch: config.maxBatch }),
  });
  const worker = new Worker(NEARLINE_QUEUES.refresh, (job) => processor(job), {
    connection: redis,
    prefix,
    concurrency: config.concurrency,
    lockDuration: config.lockDurationMs ?? 30_000,
    stalledInterval: config.stalledIntervalMs ?? 30_000,
    // A refresh is safe to re-run, so a job whose worker died is retried rather than failed.
    maxStalledCount: config.maxStalledCount ?? 5,
  });
  worker.on('completed', () => {
    metrics.refreshJobs.inc({ outcome: 'completed' });
  });
  worker.on('failed', (job, error) => {
    const final =
      !job || error instanceof UnrecoverableError || job.attemptsMade >= (job.opts.attempts ?? 1);
    metrics.refreshJobs.inc({ outcome: final ? 'failed' : 'retried' });
    const code = toAppError(error).code;
    if (!final) {
      logger.warn(
        { jobId: job.id, attempts: job.attemptsMade, message: error.message },
        'refresh retried',
      );
      return;
    }
    logger.error({ jobId: job?.id, message: error.message, code }, 'refresh failed');
    if (error instanceof UnrecoverableError) {
      const data = RefreshJobDataSchema.safeParse(job?.data);
      metrics.deadLettered.inc({ stage: 'refresh', code: 'VALIDATION_FAILED' });
      void deadLetters
        .add(
          deadLetter({
            event: null,
            patientId: data.success ? data.data.patientId : null,
            reason: { code: 'VALIDATION_FAILED', message: error.message },
            attempts: job?.attemptsMade ?? 1,
            stage: 'refresh',
            at: clock(),
          }),
        )
        // The dead letter keeps ids only; the job (its payload may be anything a producer sent,
        // PHI included) must not stay in the failed set.
        .then(() => job?.remove())
        .catch((failure: unknown) => {
          logger.error({ code: toAppError(failure).code }, 'could not store a dead letter');
        });
    }
  });
  worker.on('stalled', (jobId) => {
    // The process running it died (or blocked past its lock); the refresh runs again elsewhere.
    metrics.refreshJobs.inc({ outcome: 'stalled' });
    logger.warn({ jobId }, 'refresh job stalled; running it again');
  });
  worker.on('error', (error) => {
    logger.error({ message: error.message }, 'refresh worker error');
  });

  const consumer =
    config.consumer ?? `${hostname()}-${String(process.pid)}-${randomUUID().slice(0, 8)}`;
  const lakeWriter = createLakeEventWriter(
    {
      stream: createRedisLakeStream({ redis, blocking: deps.blockingRedis, keys, consumer }),
      files: deps.lakeFiles,
      lakeDir: config.lakeDir,
      deadLetters,
      metrics,
      logger,
      clock,
      ...(config.afterLakeRename ? { afterRename: config.afterLakeRename } : {}),
    },
    config.lake,
  );
  lakeWriter.start();

  const sweep = async (): Promise<void> => {
    try {
      const found = await sweepPendingPatients({ redis, keys, requeue });
      metrics.sweptPatients.inc(found);
    } catch (thrown) {
      logger.error({ code: toAppError(thrown).code }, 'pending sweep failed');
    }
  };
  void sweep();
  const sweepTimer =
    (config.sweepIntervalMs ?? 60_000) > 0
      ? setInterval(() => void sweep(), config.sweepIntervalMs ?? 60_000)
      : undefined;
  sweepTimer?.unref();

  logger.info({ concurrency: config.concurrency, consumer }, 'nearline workers started');
  return {
    async close() {
      clearInterval(sweepTimer);
      await worker.close();
      await lakeWriter.close();
      await Promise.all([refreshQueue.close(), deadQueue.close()]);
    },
  };
}
