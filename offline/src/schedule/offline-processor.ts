/**
 * The offline worker's processor: a queued job runs an offline job from the registry by name, or a
 * schedule's stage list (nightly, hourly) in order. Progress (stage i of n) and each stage's result
 * go to the job, so the queue dashboard shows where a run is. Invalid data or an unknown name fails
 * without retrying (UnrecoverableError); other errors are retried with the job's backoff.
 */
import { UnrecoverableError, type Job } from 'bullmq';
import { toAppError } from '@mediassist/shared/errors';
import type { JobContext, JobResult } from '../jobs/job.js';
import { findJob } from '../jobs/registry.js';
import { runStages, type Stage } from '../pipeline/run-pipeline.js';
import { OfflineJobDataSchema, type OfflineJobData } from './offline-queue.js';

export interface OfflineProcessorDeps {
  /** A context per job run (logger with the job id, a signal aborted on shutdown). */
  context: (job: Job<OfflineJobData>) => JobContext;
  /** The stage lists of the schedules, by name. */
  schedules: Readonly<Record<string, () => readonly Stage[]>>;
}

export function createOfflineProcessor(
  deps: OfflineProcessorDeps,
): (job: Job<OfflineJobData>) => Promise<JobResult> {
  return async (job) => {
    const data = OfflineJobDataSchema.safeParse(job.data);
    if (!data.success) {
      throw new UnrecoverableError('Invalid offline job data');
    }
    const ctx = deps.context(job);
    const stages = deps.schedules[job.name];
    try {
      if (stages) {
        const result = await runStages({
          ctx,
          stages: stages(),
          onStage: async ({ index, total, name }) => {
            await job.updateProgress({ stage: name, step: index + 1, of: total });
            await job.log(`stage ${String(index + 1)}/${String(total)}: ${name}`);
          },
        });
        return {
          seconds: result.seconds,
          skipped: result.skipped,
          total_seconds: result.totalSeconds,
        };
      }
      const offlineJob = findJob(job.name);
      if (!offlineJob) {
        throw new UnrecoverableError(`Unknown offline job ${job.name}`);
      }
      const args = offlineJob.args.safeParse(data.data.args);
      if (!args.success) {
        throw new UnrecoverableError(`Invalid arguments for ${job.name}`);
      }
      return await offlineJob.run(ctx, args.data);
    } catch (error) {
      if (error instanceof UnrecoverableError) {
        throw error;
      }
      const e = toAppError(error);
      // Non-retryable codes (bad data, invalid model) would fail the same way again.
      throw e.retryable ? e : new UnrecoverableError(`${e.code}: ${e.message}`);
    }
  };
}
