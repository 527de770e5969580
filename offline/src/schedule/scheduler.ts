/**
 * node-cron triggers that only enqueue: each firing adds one BullMQ job whose id is derived from the
 * schedule and the slot time, so two (or more) scheduler replicas firing for the same slot produce
 * one job — BullMQ ignores an add whose id exists. The work itself runs in the offline worker.
 */
import type { Queue } from 'bullmq';
import { toAppError } from '@mediassist/shared/errors';
import type { Logger } from '@mediassist/shared/logger';
import cron, { type ScheduledTask } from 'node-cron';
import { SCHEDULED_JOB_OPTIONS, slotJobId, type OfflineJobData } from './offline-queue.js';
import type { Schedule } from './schedules.js';

export interface Scheduler {
  stop(): Promise<void>;
}

export type SlotQueue = Pick<Queue<OfflineJobData>, 'add'>;

/** Enqueues one slot of a schedule (idempotent per slot); returns the job id. */
export async function enqueueSlot(options: {
  queue: SlotQueue;
  schedule: Pick<Schedule, 'name'>;
  at: Date;
}): Promise<string> {
  const jobId = slotJobId({ schedule: options.schedule.name, at: options.at });
  await options.queue.add(
    options.schedule.name,
    { args: {}, slot: new Date(Math.floor(options.at.getTime() / 1000) * 1000).toISOString() },
    { ...SCHEDULED_JOB_OPTIONS, jobId },
  );
  return jobId;
}

export function startScheduler(options: {
  queue: SlotQueue;
  schedules: readonly Schedule[];
  logger: Logger;
  timezone?: string;
}): Scheduler {
  const { queue, logger } = options;
  const tasks: ScheduledTask[] = options.schedules.map((schedule) =>
    cron.schedule(
      schedule.cron,
      async (context) => {
        try {
          const jobId = await enqueueSlot({ queue, schedule, at: context.date });
          logger.info({ schedule: schedule.name, jobId }, 'slot enqueued');
        } catch (error) {
          const e = toAppError(error);
          logger.error({ schedule: schedule.name, code: e.code }, 'could not enqueue slot');
        }
      },
      { name: schedule.name, timezone: options.timezone ?? 'UTC' },
    ),
  );
  for (const schedule of options.schedules) {
    logger.info({ schedule: schedule.name, cron: schedule.cron }, 'schedule armed');
  }
  return {
    async stop() {
      for (const task of tasks) {
        // node-cron returns void or a promise depending on the task kind.
        await Promise.resolve(task.destroy());
      }
    },
  };
}
