/** `train [--version v] [--hidden 16] [--epochs 8] [--learning-curve false]`: the candidate's diagnosis model. */
import { loadKnowledgeBase } from '@mediassist/shared/kb';
import { z } from 'zod';
import { withLakeResources } from '../pipeline/lake-resources.js';
import { DEFAULT_FIT } from '../train/fit-model.js';
import { DEFAULT_MAX_TRAIN_EXAMPLES, runTrain } from '../train/run-train.js';
import { defineJob } from './job.js';
import { lakeOptions } from './lake-options.js';
import { flag, lakeArgs, versionArg } from './model-args.js';

export const TrainArgsSchema = z.object({
  ...lakeArgs,
  version: versionArg,
  hidden: z.coerce.number().int().min(0).max(512).default(DEFAULT_FIT.hidden),
  epochs: z.coerce.number().int().min(1).max(100).default(DEFAULT_FIT.epochs),
  batchSize: z.coerce.number().int().min(16).max(65_536).default(DEFAULT_FIT.batchSize),
  learningRate: z.coerce.number().positive().max(1).default(DEFAULT_FIT.adam.learningRate),
  l2: z.coerce.number().min(0).max(1).default(DEFAULT_FIT.adam.l2),
  seed: z.coerce.number().int().min(0).default(DEFAULT_FIT.seed),
  learningCurve: flag.default(true),
  maxTrainExamples: z.coerce.number().int().min(100).default(DEFAULT_MAX_TRAIN_EXAMPLES),
});

export const trainJob = defineJob({
  name: 'train',
  description: "Train the candidate's diagnosis model (ONNX, calibrated, parity-checked)",
  args: TrainArgsSchema,
  async run(ctx, args) {
    return withLakeResources(lakeOptions(ctx.env, args), async (r) => ({
      ...(await runTrain(
        {
          session: r.session,
          store: r.store,
          kb: loadKnowledgeBase(),
          logger: ctx.logger,
          signal: ctx.signal,
          now: () => new Date(),
        },
        {
          home: ctx.env.MEDIASSIST_HOME,
          lakeDir: r.lakeDir,
          ...(args.version ? { version: args.version } : {}),
          learningCurve: args.learningCurve,
          maxTrainExamples: args.maxTrainExamples,
          fit: {
            hidden: args.hidden,
            epochs: args.epochs,
            batchSize: args.batchSize,
            seed: args.seed,
            adam: { learningRate: args.learningRate, l2: args.l2 },
          },
        },
      )),
    }));
  },
});
