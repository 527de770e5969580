/**
 * The offline scheduler process: node-cron triggers (nightly retraining, hourly feature refresh)
 * that enqueue one BullMQ job per slot into the offline queue; `worker-main.ts` runs them. Any
 * number of replicas may run: a slot's job id is deterministic.
 */
import { parseEnv } from '@mediassist/shared/config';
import { offlineQueuePrefix } from '@mediassist/shared/events';
import { createLogger } from '@mediassist/shared/logger';
import { Queue } from 'bullmq';
import {
  createRedisConnection,
  requireRedisTarget,
} from '@mediassist/feature-store/redis-connection';
import { OFFLINE_QUEUE, type OfflineJobData } from './schedule/offline-queue.js';
import { ScheduleEnvSchema } from './schedule/scheduler-config.js';
import { startScheduler } from './schedule/scheduler.js';
import { DEFAULT_SCHEDULES, type Schedule } from './schedule/schedules.js';

function main(): void {
  const env = parseEnv(ScheduleEnvSchema);
  const logger = createLogger({ name: 'offline:scheduler', level: env.LOG_LEVEL });
  // One node or a cluster (the queue's prefix is hash-tagged); BullMQ's worker options.
  const redis = createRedisConnection({ target: requireRedisTarget(env), role: 'worker' });
  const queue = new Queue<OfflineJobData>(OFFLINE_QUEUE, {
    connection: redis,
    prefix: offlineQueuePrefix(env.REDIS_KEY_PREFIX),
  });
  const crons: Record<Schedule['name'], string> = {
    nightly: env.SCHEDULE_NIGHTLY,
    hourly: env.SCHEDULE_HOURLY,
  };
  const schedules = DEFAULT_SCHEDULES.filter((s) => crons[s.name] !== '').map((s) => ({
    ...s,
    cron: crons[s.name],
  }));
  const scheduler = startScheduler({ queue, schedules, logger, timezone: env.SCHEDULE_TIMEZONE });
  const stop = async (): Promise<void> => {
    await scheduler.stop();
    await queue.close();
    redis.disconnect();
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void stop().then(() => process.exit(0));
    });
  }
}

main();
