/** Every offline job, by name: the CLI and the scheduler's worker both run jobs from this list. */
import type { OfflineJob } from './job.js';
import { evaluateNotesJob } from './evaluate-notes.js';
import { featuresJob } from './features.js';
import { ingestJob } from './ingest.js';
import { generateJob } from './generate.js';
import { kbStatsJob } from './kb-stats.js';
import { embedJob } from './embed.js';
import { trainJob } from './train.js';
import { evaluateJob } from './evaluate.js';
import { promoteJob } from './promote.js';
import { materializeJob } from './materialize.js';
import { pipelineJob } from './pipeline.js';
import { rolloutJob } from './rollout.js';

export const JOBS: readonly OfflineJob[] = [
  generateJob,
  kbStatsJob,
  ingestJob,
  featuresJob,
  evaluateNotesJob,
  embedJob,
  trainJob,
  evaluateJob,
  promoteJob,
  materializeJob,
  pipelineJob,
  rolloutJob,
];

export function findJob(name: string): OfflineJob | undefined {
  return JOBS.find((job) => job.name === name);
}
