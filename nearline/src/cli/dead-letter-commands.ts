/** Operator commands on the dead-letter queue: list the letters, and redrive events after a fix. */
import { DeadLetterSchema, type DeadLetter, type EventIntake } from '@mediassist/shared/events';

/** The dead-letter queue as these commands use it; a BullMQ `Queue` fits. */
export interface DeadLetterQueueReader {
  getJobs(
    types: 'waiting'[],
    start: number,
    end: number,
  ): Promise<({ data: unknown; remove(): Promise<void> } | undefined)[]>;
}

export async function listDeadLetters(options: {
  queue: DeadLetterQueueReader;
  limit: number;
}): Promise<DeadLetter[]> {
  const jobs = await options.queue.getJobs(['waiting'], 0, options.limit - 1);
  return jobs.flatMap((job) => {
    const parsed = DeadLetterSchema.safeParse(job?.data);
    return parsed.success ? [parsed.data] : [];
  });
}

export interface RedriveReport {
  readonly redriven: number;
  /** Letters without a readable event (nothing to send again). */
  readonly skipped: number;
}

/** Submits each dead-lettered event again (same event id) and removes its letter. */
export async function redriveDeadLetters(options: {
  queue: DeadLetterQueueReader;
  intake: EventIntake;
  /** Only this event; all letters when absent. */
  eventId?: string | undefined;
  limit: number;
}): Promise<RedriveReport> {
  const jobs = await options.queue.getJobs(['waiting'], 0, options.limit - 1);
  let redriven = 0;
  let skipped = 0;
  for (const job of jobs) {
    const parsed = DeadLetterSchema.safeParse(job?.data);
    if (!job || !parsed.success) {
      continue;
    }
    const { event } = parsed.data;
    if (options.eventId !== undefined && parsed.data.eventId !== options.eventId) {
      continue;
    }
    if (!event) {
      skipped += 1;
      continue;
    }
    await options.intake.submit(event);
    await job.remove();
    redriven += 1;
  }
  return { redriven, skipped };
}
