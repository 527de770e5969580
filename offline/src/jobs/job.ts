/** What every offline job is: a named, described function of validated arguments. */
import type { Logger } from '@mediassist/shared/logger';
import type { z } from 'zod';
import type { OfflineEnv } from '../config.js';
import type { ProgressFactory } from '../io/progress.js';

export interface JobContext {
  env: OfflineEnv;
  logger: Logger;
  progress: ProgressFactory;
  /** Aborted on SIGINT/SIGTERM; long jobs check it between batches and stop cleanly. */
  signal: AbortSignal;
}

/** A job's outcome: printed as the last stdout line (one JSON object) by the CLI. */
export type JobResult = Readonly<Record<string, unknown>>;

export interface OfflineJob<TArgs extends z.ZodType = z.ZodType> {
  name: string;
  description: string;
  /** Validates CLI flags (strings and booleans, camelCased) or a scheduler's job data. */
  args: TArgs;
  run(ctx: JobContext, args: z.infer<TArgs>): Promise<JobResult>;
}

/** Keeps each job's argument type while collecting jobs in one list. */
export function defineJob<TArgs extends z.ZodType>(job: OfflineJob<TArgs>): OfflineJob<TArgs> {
  return job;
}
