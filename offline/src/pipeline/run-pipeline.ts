/**
 * Runs offline jobs one after another in this process, each with its own validated arguments, and
 * times them: the end-to-end pipeline and the scheduler's nightly/hourly chains are lists of stages.
 * A stage may be skipped by a condition on the results so far (e.g. nothing promoted → no re-embed).
 */
import type { JobContext, JobResult, OfflineJob } from '../jobs/job.js';

export interface Stage {
  readonly name: string;
  readonly job: OfflineJob;
  /** Raw arguments, validated by the job's schema; may depend on earlier results. */
  readonly args: (results: Readonly<Record<string, JobResult>>) => Record<string, unknown>;
  /** Run only when this holds (default: always). */
  readonly when?: (results: Readonly<Record<string, JobResult>>) => boolean;
}

export interface PipelineResult {
  readonly stages: Readonly<Record<string, JobResult>>;
  readonly seconds: Readonly<Record<string, number>>;
  readonly skipped: readonly string[];
  readonly totalSeconds: number;
}

export async function runStages(options: {
  ctx: JobContext;
  stages: readonly Stage[];
  onStage?: (event: { index: number; total: number; name: string }) => void | Promise<void>;
}): Promise<PipelineResult> {
  const { ctx, stages } = options;
  const results: Record<string, JobResult> = {};
  const seconds: Record<string, number> = {};
  const skipped: string[] = [];
  const started = performance.now();
  for (const [index, stage] of stages.entries()) {
    ctx.signal.throwIfAborted();
    if (stage.when && !stage.when(results)) {
      skipped.push(stage.name);
      continue;
    }
    await options.onStage?.({ index, total: stages.length, name: stage.name });
    ctx.logger.info(
      { stage: stage.name, step: `${String(index + 1)}/${String(stages.length)}` },
      'stage started',
    );
    const t = performance.now();
    const args = stage.job.args.parse(stage.args(results));
    results[stage.name] = await stage.job.run(ctx, args);
    seconds[stage.name] = Math.round(performance.now() - t) / 1000;
    ctx.logger.info({ stage: stage.name, seconds: seconds[stage.name] }, 'stage done');
  }
  return {
    stages: results,
    seconds,
    skipped,
    totalSeconds: Math.round(performance.now() - started) / 1000,
  };
}
