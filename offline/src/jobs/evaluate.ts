/** `evaluate [--version v] [--max-examples 30000] [--publish false]`: metrics, report, model card, publish. */
import { loadKnowledgeBase } from '@mediassist/shared/kb';
import { z } from 'zod';
import { DEFAULT_MAX_EVALUATION_EXAMPLES, runEvaluate } from '../evaluate/run-evaluate.js';
import { withLakeResources } from '../pipeline/lake-resources.js';
import { defineJob } from './job.js';
import { lakeOptions } from './lake-options.js';
import { flag, lakeArgs, versionArg } from './model-args.js';

export const EvaluateArgsSchema = z.object({
  ...lakeArgs,
  version: versionArg,
  maxExamples: z.coerce.number().int().min(1).default(DEFAULT_MAX_EVALUATION_EXAMPLES),
  publish: flag.default(true),
});

export const evaluateJob = defineJob({
  name: 'evaluate',
  description:
    'Evaluate the candidate against the guideline-only baseline (metrics.json, report.html) and publish it',
  args: EvaluateArgsSchema,
  async run(ctx, args) {
    return withLakeResources(lakeOptions(ctx.env, args), async (r) => ({
      ...(await runEvaluate(
        {
          session: r.session,
          store: r.store,
          kb: loadKnowledgeBase(),
          registry: r.registry,
          logger: ctx.logger,
          signal: ctx.signal,
          now: () => new Date(),
        },
        {
          home: ctx.env.MEDIASSIST_HOME,
          lakeDir: r.lakeDir,
          ...(args.version ? { version: args.version } : {}),
          maxExamples: args.maxExamples,
          publish: args.publish,
        },
      )),
    }));
  },
});
