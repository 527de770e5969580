/**
 * `pipeline [--patients 20000] [--seed 42] [--out <dir>] [--learning-curve true]`: everything end to end — generate → ingest →
 * features → embed → train → evaluate → promote → re-embed with production → materialize into
 * REDIS_URL or REDIS_CLUSTER_NODES (skipped without either). The result has per-stage seconds and the evaluation figures.
 */
import path from 'node:path';
import { redisTargetOf } from '@mediassist/feature-store/redis-connection';
import { z } from 'zod';
import { pipelineStages } from '../pipeline/model-stages.js';
import { runStages } from '../pipeline/run-pipeline.js';
import { defineJob } from './job.js';
import { flag } from './model-args.js';

export const pipelineJob = defineJob({
  name: 'pipeline',
  description:
    'Generate, ingest, compute features, train, evaluate, promote and materialize, end to end',
  args: z.object({
    patients: z.coerce.number().int().min(100).max(10_000_000).default(20_000),
    seed: z.coerce.number().int().min(0).default(42),
    /** Where the synthetic export is written (default: $MEDIASSIST_HOME/work/export). */
    out: z.string().min(1).optional(),
    /**
     * Refit on 1/64, 1/16 and 1/4 of the rows for the report's learning curve: off here (about a fifth
     * of the train stage), on in the nightly chain and in `train`; `--learning-curve true` to have it.
     */
    learningCurve: flag.default(false),
  }),
  async run(ctx, args) {
    const exportDir = path.resolve(
      args.out ?? path.join(ctx.env.MEDIASSIST_HOME, 'work', 'export'),
    );
    const result = await runStages({
      ctx,
      stages: pipelineStages({
        patients: args.patients,
        seed: args.seed,
        exportDir,
        materialize: redisTargetOf(ctx.env) !== undefined,
        train: { learningCurve: args.learningCurve },
      }),
      onStage: ({ index, total, name }) => {
        process.stderr.write(`[pipeline] ${String(index + 1)}/${String(total)} ${name}…\n`);
      },
    });
    const evaluation = result.stages['evaluate'] ?? {};
    const promote = result.stages['promote'] ?? {};
    return {
      patients: args.patients,
      seconds: result.seconds,
      total_seconds: result.totalSeconds,
      skipped: result.skipped,
      version: evaluation['version'] ?? null,
      promoted: promote['action'] ?? null,
      top1: evaluation['top1'] ?? null,
      top3: evaluation['top3'] ?? null,
      ece: evaluation['ece'] ?? null,
      baseline_top1: evaluation['baseline_top1'] ?? null,
      baseline_top3: evaluation['baseline_top3'] ?? null,
      baseline_ece: evaluation['baseline_ece'] ?? null,
    };
  },
});
