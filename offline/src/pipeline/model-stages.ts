/**
 * The stage lists: the model chain (embed → train → evaluate → promote → re-embed with production →
 * materialize), the full pipeline (generate → ingest → features → the model chain), the nightly and
 * the hourly schedules. Re-embedding and materialization run only when there is a production model
 * and (materialization) a Redis.
 */
import type { JobResult } from '../jobs/job.js';
import { embedJob } from '../jobs/embed.js';
import { evaluateJob } from '../jobs/evaluate.js';
import { featuresJob } from '../jobs/features.js';
import { generateJob } from '../jobs/generate.js';
import { ingestJob } from '../jobs/ingest.js';
import { materializeJob } from '../jobs/materialize.js';
import { promoteJob } from '../jobs/promote.js';
import { trainJob } from '../jobs/train.js';
import type { Stage } from './run-pipeline.js';

const version = (results: Readonly<Record<string, JobResult>>): string =>
  String(results['embed']?.['version']);

const hasProduction = (results: Readonly<Record<string, JobResult>>): boolean => {
  const promote = results['promote'];
  const action = promote?.['action'];
  // Refused or canary: the production model that was already there (if any) still serves.
  return (
    action === 'promoted' ||
    action === 'already-production' ||
    (promote?.['production'] ?? null) !== null
  );
};

export interface ModelStageOptions {
  lake?: string;
  /** Materialize into Redis at the end (needs REDIS_URL). */
  materialize: boolean;
  /** Extra train flags (e.g. `learningCurve: false`). */
  train?: Record<string, unknown>;
}

export function modelStages(options: ModelStageOptions): Stage[] {
  const lake = options.lake === undefined ? {} : { lake: options.lake };
  return [
    { name: 'embed', job: embedJob, args: () => ({ ...lake }) },
    {
      name: 'train',
      job: trainJob,
      args: (r) => ({ ...lake, ...options.train, version: version(r) }),
    },
    { name: 'evaluate', job: evaluateJob, args: (r) => ({ ...lake, version: version(r) }) },
    { name: 'promote', job: promoteJob, args: (r) => ({ ...lake, version: version(r) }) },
    {
      name: 'embed-all',
      job: embedJob,
      args: () => ({ ...lake, write: true }),
      when: hasProduction,
    },
    ...(options.materialize
      ? [{ name: 'materialize', job: materializeJob, args: () => ({ ...lake }) } satisfies Stage]
      : []),
  ];
}

export function pipelineStages(options: {
  patients: number;
  seed: number;
  exportDir: string;
  materialize: boolean;
  train?: Record<string, unknown>;
}): Stage[] {
  return [
    {
      name: 'generate',
      job: generateJob,
      args: () => ({ patients: options.patients, seed: options.seed, out: options.exportDir }),
    },
    { name: 'ingest', job: ingestJob, args: () => ({ input: options.exportDir }) },
    { name: 'features', job: featuresJob, args: () => ({ full: true }) },
    ...modelStages({
      materialize: options.materialize,
      ...(options.train ? { train: options.train } : {}),
    }),
  ];
}

/** Nightly: incremental features, then the model chain. */
export function nightlyStages(options: { materialize: boolean }): Stage[] {
  return [{ name: 'features', job: featuresJob, args: () => ({}) }, ...modelStages(options)];
}

/** Hourly: incremental features, then materialization of what changed. */
export function hourlyStages(options: { materialize: boolean }): Stage[] {
  return [
    { name: 'features', job: featuresJob, args: () => ({}) },
    ...(options.materialize
      ? [{ name: 'materialize', job: materializeJob, args: () => ({}) } satisfies Stage]
      : []),
  ];
}
