/**
 * `embed [--from-production] [--test-months 6]`: learns a new candidate's patient-history encoder
 * from the lake (or reuses production's). `embed --write [--version v]`: writes every patient's
 * current embedding with a registry version's encoder (default production) to the offline store.
 */
import { z } from 'zod';
import { fitCandidateEncoder, writeCurrentEmbeddings } from '../embed/run-embed.js';
import { withLakeResources } from '../pipeline/lake-resources.js';
import {
  DEFAULT_TEST_MONTHS,
  DEFAULT_TEST_SHARE,
  DEFAULT_VALIDATION_SHARE,
} from '../train/data-split.js';
import { defineJob } from './job.js';
import { lakeOptions } from './lake-options.js';
import { flag, lakeArgs, versionArg } from './model-args.js';

export const EmbedArgsSchema = z.object({
  ...lakeArgs,
  write: flag.default(false),
  version: versionArg,
  fromProduction: flag.default(false),
  testMonths: z.coerce.number().int().min(1).max(36).default(DEFAULT_TEST_MONTHS),
  testShare: z.coerce.number().min(0.01).max(0.5).default(DEFAULT_TEST_SHARE),
  validationShare: z.coerce.number().min(0.01).max(0.5).default(DEFAULT_VALIDATION_SHARE),
  maxDocuments: z.coerce.number().int().min(100).default(200_000),
  minDocuments: z.coerce.number().int().min(1).default(5),
});

export const embedJob = defineJob({
  name: 'embed',
  description:
    "Learn a candidate's patient-history encoder (ONNX), or --write every patient's embedding",
  args: EmbedArgsSchema,
  async run(ctx, args) {
    return withLakeResources(lakeOptions(ctx.env, args), async (r) => {
      const deps = {
        session: r.session,
        logger: ctx.logger,
        signal: ctx.signal,
        now: () => new Date(),
      };
      if (args.write) {
        return {
          ...(await writeCurrentEmbeddings(
            { ...deps, store: r.store },
            {
              lakeDir: r.lakeDir,
              registry: r.registry,
              ...(args.version ? { version: args.version } : {}),
            },
          )),
        };
      }
      return {
        ...(await fitCandidateEncoder(deps, {
          home: ctx.env.MEDIASSIST_HOME,
          lakeDir: r.lakeDir,
          ...(args.fromProduction ? { fromProduction: r.registry } : {}),
          testMonths: args.testMonths,
          testShare: args.testShare,
          validationShare: args.validationShare,
          maxDocuments: args.maxDocuments,
          minDocuments: args.minDocuments,
        })),
      };
    });
  },
});
