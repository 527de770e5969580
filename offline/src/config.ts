/** The offline process's environment, parsed once in main.ts. Jobs that need more say so with `requireEnv`. */
import path from 'node:path';
import { AppError } from '@mediassist/shared/errors';
import {
  checkRedisTarget,
  redisConnectionEnvFields,
} from '@mediassist/feature-store/redis-connection';
import { PseudonymKeySchema } from '@mediassist/shared/pseudonym';
import { z } from 'zod';

/** The fields, unrefined, for schemas that extend them (`ScheduleEnvSchema`). */
export const OfflineEnvShape = z.object({
  /** Local state: lake, registry, secrets. Relative paths resolve against the working directory. */
  MEDIASSIST_HOME: z
    .string()
    .min(1)
    .default('.mediassist')
    .transform((p) => path.resolve(p)),
  /** One Redis node (REDIS_URL) or a Redis Cluster (REDIS_CLUSTER_NODES=host:port,…), not both. */
  ...redisConnectionEnvFields,
  PSEUDONYM_KEY: PseudonymKeySchema.optional(),
  /** The online store's key prefix (as the online and nearline services use it). */
  REDIS_KEY_PREFIX: z.string().default('mediassist:'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace']).default('info'),
  /** `rollout`: the online replicas' /metrics URLs, comma-separated (overridden by --metrics-urls). */
  ONLINE_METRICS_URLS: z.string().optional(),
  /** `rollout`: an API key with the data-scientist or admin role, sent to /metrics. */
  ONLINE_METRICS_API_KEY: z.string().min(1).optional(),
});

/** Redis is optional here (jobs that need it say so with `requireRedisTarget`), but never both variables. */
export const OfflineEnvSchema = OfflineEnvShape.superRefine(checkRedisTarget({ required: false }));

export type OfflineEnv = z.infer<typeof OfflineEnvSchema>;

/** Narrows an optional variable to present, or fails with CONFIG_INVALID naming it. */
export function requireEnv<TKey extends keyof OfflineEnv>(
  env: OfflineEnv,
  key: TKey,
): NonNullable<OfflineEnv[TKey]> {
  const value = env[key];
  if (value === undefined) {
    throw new AppError('CONFIG_INVALID', `${key} must be set for this job`, {
      details: [{ path: key, issue: 'required' }],
    });
  }
  return value;
}
