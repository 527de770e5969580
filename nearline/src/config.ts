/** The nearline process's environment, parsed once in main.ts; every tuning knob has a default. */
import path from 'node:path';
import {
  checkRedisTarget,
  redisConnectionEnvFields,
} from '@mediassist/feature-store/redis-connection';
import { z } from 'zod';

const positiveInt = z.coerce.number().int().positive();

export const NearlineEnvSchema = z
  .object({
    /** One Redis node (REDIS_URL) or a Redis Cluster (REDIS_CLUSTER_NODES=host:port,…), not both. */
    ...redisConnectionEnvFields,
    MEDIASSIST_HOME: z.string().min(1),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace']).default('info'),
    /** Prefix of every Redis key (online store, queues, ledger); the same in every service. */
    REDIS_KEY_PREFIX: z.string().default('mediassist:'),
    /** Lake folder; default `$MEDIASSIST_HOME/lake`. */
    LAKE_DIR: z.string().min(1).optional(),
    /** Model registry folder; default `$MEDIASSIST_HOME/registry`. */
    REGISTRY_DIR: z.string().min(1).optional(),
    /** Patient refreshes run in parallel by this process. */
    NEARLINE_CONCURRENCY: positiveInt.default(32),
    /** Prometheus endpoint (`/metrics`, `/healthz`); port 0 picks a free one (logged). */
    METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(9464),
    METRICS_HOST: z.string().min(1).default('127.0.0.1'),
    /** Lake micro-batches: flush after this long or this many events, whichever comes first. */
    LAKE_FLUSH_MS: positiveInt.default(5_000),
    LAKE_FLUSH_ROWS: positiveInt.default(5_000),
    /** Stream entries and jobs of a process that died are taken over after this long. */
    LAKE_CLAIM_IDLE_MS: positiveInt.default(60_000),
    NEARLINE_LOCK_MS: positiveInt.default(30_000),
    NEARLINE_STALLED_INTERVAL_MS: positiveInt.default(30_000),
    NEARLINE_SWEEP_INTERVAL_MS: z.coerce.number().int().min(0).default(600_000),
    /** How long processed event ids are remembered (a re-sent event within it is ignored). */
    PROCESSED_RETENTION_DAYS: positiveInt.default(30),
    /** How often the registry's production pointer is checked for a new encoder. */
    ENCODER_POLL_MS: positiveInt.default(5_000),
    /** On SIGTERM: running refreshes and the lake flush get this long, then the process exits. */
    SHUTDOWN_GRACE_MS: positiveInt.default(20_000),
  })
  .superRefine(checkRedisTarget({ required: true }));

export type NearlineEnv = z.infer<typeof NearlineEnvSchema>;

export function lakeDir(env: NearlineEnv): string {
  return env.LAKE_DIR ?? path.join(env.MEDIASSIST_HOME, 'lake');
}

export function registryDir(env: NearlineEnv): string {
  return env.REGISTRY_DIR ?? path.join(env.MEDIASSIST_HOME, 'registry');
}
