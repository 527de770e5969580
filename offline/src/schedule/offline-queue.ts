/**
 * The offline queue's contract: one BullMQ queue, job name = an offline job's name (see
 * jobs/registry.ts) or a schedule (`nightly`, `hourly`), data = the job's flags. Scheduled jobs get
 * one deterministic id per time slot, so any number of schedulers enqueue a slot once.
 */
import { OFFLINE_QUEUE_NAME } from '@mediassist/shared/events';
import { z } from 'zod';

export const OFFLINE_QUEUE = OFFLINE_QUEUE_NAME;

export const OfflineJobDataSchema = z.object({
  /** The job's flags (validated by the job's own schema when it runs). Ids and numbers, never PHI. */
  args: z.record(z.string(), z.unknown()).default({}),
  /** The schedule slot (ISO time) for scheduled jobs. */
  slot: z.iso.datetime().optional(),
});
export type OfflineJobData = z.infer<typeof OfflineJobDataSchema>;

/** Retries with exponential backoff; completed slots are kept long enough to de-duplicate. */
export const SCHEDULED_JOB_OPTIONS = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 60_000 },
  removeOnComplete: { age: 14 * 24 * 3600 },
  removeOnFail: { age: 30 * 24 * 3600 },
} as const;

/** `nightly-20261122T020000Z`: the slot's UTC time to the second (BullMQ ids may not contain ':'). */
export function slotJobId(options: { schedule: string; at: Date }): string {
  const stamp = new Date(Math.floor(options.at.getTime() / 1000) * 1000)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace('.000Z', 'Z');
  return `${options.schedule}-${stamp}`;
}
