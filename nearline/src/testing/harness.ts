/**
 * Real Redis wiring for integration tests: a unique key prefix, the online store, the ledger, the
 * queues, the intake and a refresh processor — everything main.ts builds, on a test's prefix.
 */
import { featureRegistry } from '@mediassist/feature-store/definitions';
import { RedisOnlineStore } from '@mediassist/feature-store/online';
import {
  createEventIntake,
  createNearlineKeys,
  NEARLINE_QUEUES,
  REFRESH_JOB_NAME,
  refreshJobOptions,
  type DeadLetter,
  type EventIntake,
  type NearlineKeys,
  type RetryPolicy,
} from '@mediassist/shared/events';
import type { PatientId } from '@mediassist/shared/ids';
import { createInteractionChecker } from '@mediassist/shared/interactions';
import { loadKnowledgeBase, type KnowledgeBase } from '@mediassist/shared/kb';
import { createLogger, type Logger } from '@mediassist/shared/logger';
import {
  createRedisTestContext,
  type RedisTestContext,
} from '@mediassist/tooling/redis-test-context';
import { Queue } from 'bullmq';
import { Registry } from 'prom-client';
import { createQueueDeadLetterSink } from '../dead-letter/dead-letter-sink.js';
import type { PatientEncoder } from '../embedding/patient-encoder.js';
import { createRedisPatientLedger, type PatientLedger } from '../ledger/patient-ledger.js';
import { createNearlineMetrics, type NearlineMetrics } from '../metrics/nearline-metrics.js';
import {
  createRefreshPatientProcessor,
  type RefreshPatientDeps,
} from '../processors/refresh-patient.js';
import { createCareGapsFn } from '../refresh/care-gaps-fn.js';
import { createFeatureDeriver, type FeatureDeriver } from '../refresh/derive-features.js';

export const FAST_RETRY: RetryPolicy = { attempts: 3, backoffDelayMs: 20, jitter: 0.5 };

export interface Harness {
  readonly context: RedisTestContext;
  readonly keys: NearlineKeys;
  readonly store: RedisOnlineStore<(typeof featureRegistry.views)[number]>;
  readonly ledger: PatientLedger;
  readonly refreshQueue: Queue;
  readonly deadQueue: Queue<DeadLetter>;
  readonly intake: EventIntake;
  readonly metrics: NearlineMetrics;
  readonly logger: Logger;
  readonly kb: KnowledgeBase;
  deriver(options?: { encoder?: () => PatientEncoder | null }): FeatureDeriver;
  processor(
    overrides?: Partial<RefreshPatientDeps>,
  ): ReturnType<typeof createRefreshPatientProcessor>;
  /** A hand-made refresh job, as BullMQ would pass it. */
  job(
    patientId: PatientId,
    attempt?: { made: number; of: number },
  ): {
    data: unknown;
    attemptsMade: number;
    opts: { attempts: number };
  };
  deadLetters(): Promise<DeadLetter[]>;
  close(): Promise<void>;
}

export function createHarness(options: {
  redisUrl: string;
  /** The shipped KB by default; load it once per file and pass it in. */
  kb?: KnowledgeBase;
  retry?: RetryPolicy;
}): Harness {
  const context = createRedisTestContext(options.redisUrl);
  const { redis } = context;
  const keys = createNearlineKeys(context.prefix);
  const kb = options.kb ?? loadKnowledgeBase();
  const store = new RedisOnlineStore({
    redis,
    registry: featureRegistry,
    keyPrefix: context.prefix,
  });
  const ledger = createRedisPatientLedger({ redis, keys });
  const prefix = keys.queuePrefix;
  const refreshQueue = new Queue(NEARLINE_QUEUES.refresh, { connection: redis, prefix });
  const deadQueue = new Queue<DeadLetter>(NEARLINE_QUEUES.deadLetter, {
    connection: redis,
    prefix,
  });
  const intake = createEventIntake({
    redis,
    refreshQueue,
    keys,
    retry: options.retry ?? FAST_RETRY,
  });
  const metrics = createNearlineMetrics({ registry: new Registry() });
  const logger = createLogger({ name: 'nearline-test', level: 'silent' });
  const deriver = (deriverOptions: { encoder?: () => PatientEncoder | null } = {}) =>
    createFeatureDeriver({
      kb,
      interactions: createInteractionChecker(kb),
      careGaps: createCareGapsFn(kb),
      encoder: deriverOptions.encoder ?? (() => null),
    });
  return {
    context,
    keys,
    store,
    ledger,
    refreshQueue,
    deadQueue,
    intake,
    metrics,
    logger,
    kb,
    deriver,
    processor: (overrides = {}) =>
      createRefreshPatientProcessor({
        ledger,
        store,
        deriver: deriver(),
        kb,
        deadLetters: createQueueDeadLetterSink({ queue: deadQueue }),
        requeue: async (patientId) => {
          await refreshQueue.add(REFRESH_JOB_NAME, { patientId }, refreshJobOptions(patientId));
        },
        metrics,
        logger,
        clock: () => new Date(),
        ...overrides,
      }),
    job: (patientId, attempt = { made: 0, of: 3 }) => ({
      data: { patientId },
      attemptsMade: attempt.made,
      opts: { attempts: attempt.of },
    }),
    async deadLetters() {
      const jobs = await deadQueue.getJobs(['waiting'], 0, 1000);
      return jobs.map((j) => j.data);
    },
    async close() {
      await Promise.all([refreshQueue.close(), deadQueue.close()]);
      await context.cleanup();
    },
  };
}

/** Reads one metric's value (a counter, or a histogram's count) from the harness registry. */
export async function metricValue(
  metrics: NearlineMetrics,
  name: string,
  labels: Record<string, string> = {},
): Promise<number> {
  const metric = (await metrics.registry.getMetricsAsJSON()).find((m) => m.name === name);
  const wanted = Object.entries(labels);
  const values = (metric?.values ?? []) as {
    value: number;
    labels: Record<string, string | number>;
    metricName?: string;
  }[];
  const histogram = String(metric?.type) === 'histogram';
  return values
    .filter((v) => !histogram || v.metricName === `${name}_count`)
    .filter((v) => wanted.every(([k, want]) => String(v.labels[k]) === want))
    .reduce((sum, v) => sum + v.value, 0);
}
