/** `promote [--version v] [--canary <share>]`: the promotion gate, then production or a canary. */
import { loadKnowledgeBase } from '@mediassist/shared/kb';
import { z } from 'zod';
import { withLakeResources } from '../pipeline/lake-resources.js';
import { runPromote } from '../promote/run-promote.js';
import { DEFAULT_MAX_EVALUATION_EXAMPLES } from '../evaluate/run-evaluate.js';
import { defineJob } from './job.js';
import { lakeOptions } from './lake-options.js';
import { lakeArgs, versionArg } from './model-args.js';

export const PromoteArgsSchema = z.object({
  ...lakeArgs,
  version: versionArg,
  canary: z.coerce.number().gt(0).lt(1).optional(),
  maxExamples: z.coerce.number().int().min(1).default(DEFAULT_MAX_EVALUATION_EXAMPLES),
});

export const promoteJob = defineJob({
  name: 'promote',
  description:
    'Promote a published version if it passes the gate (loads, parity, ECE, beats production), or --canary <share>',
  args: PromoteArgsSchema,
  async run(ctx, args) {
    return withLakeResources(lakeOptions(ctx.env, args), async (r) => ({
      ...(await runPromote(
        {
          session: r.session,
          store: r.store,
          kb: loadKnowledgeBase(),
          registry: r.registry,
          logger: ctx.logger,
          signal: ctx.signal,
        },
        {
          lakeDir: r.lakeDir,
          ...(args.version ? { version: args.version } : {}),
          ...(args.canary === undefined ? {} : { canaryShare: args.canary }),
          maxExamples: args.maxExamples,
        },
      )),
    }));
  },
});
