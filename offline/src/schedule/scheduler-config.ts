/** The scheduler's and the worker's environment: the offline one plus schedules and worker limits. */
import { checkRedisTarget } from '@mediassist/feature-store/redis-connection';
import { z } from 'zod';
import { OfflineEnvShape } from '../config.js';

/** Needs Redis (the offline queue): REDIS_URL or REDIS_CLUSTER_NODES. */
export const ScheduleEnvSchema = OfflineEnvShape.extend({
  /** Cron expressions (UTC unless SCHEDULE_TIMEZONE); empty disables a schedule. */
  SCHEDULE_NIGHTLY: z.string().default('0 2 * * *'),
  SCHEDULE_HOURLY: z.string().default('15 * * * *'),
  SCHEDULE_TIMEZONE: z.string().default('UTC'),
  /** How long a running offline job may go without renewing its lock before it counts as stalled. */
  OFFLINE_LOCK_MS: z.coerce.number().int().min(30_000).default(600_000),
}).superRefine(checkRedisTarget({ required: true }));
export type ScheduleEnv = z.infer<typeof ScheduleEnvSchema>;
