/** `features [--since YYYY-MM-DD] [--full] [--lake <dir>]`: lake → offline feature store + training examples. */
import path from 'node:path';
import { DuckDbOfflineStore } from '@mediassist/feature-store/offline';
import { loadKnowledgeBase } from '@mediassist/shared/kb';
import { z } from 'zod';
import { runFeatures } from '../features/run-features.js';
import { defineJob } from './job.js';

const flag = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);
const day = (value: string): Date => new Date(`${value}T00:00:00Z`);

export const featuresJob = defineJob({
  name: 'features',
  description:
    'Compute every feature view from the lake into the offline store, and the training examples',
  args: z.object({
    /** The lake (default: $MEDIASSIST_HOME/lake). */
    lake: z.string().min(1).optional(),
    /** Recompute day-before-visit snapshots from this day on (default: the recorded watermark). */
    since: z.iso.date().optional(),
    /** Recompute everything, ignoring the watermark. */
    full: flag.default(false),
    /** The current snapshot's day (default: today, UTC). */
    asOf: z.iso.date().optional(),
    threads: z.coerce.number().int().positive().max(256).optional(),
    memoryLimit: z
      .string()
      .regex(/^\d+(?:\.\d+)?\s*(?:[KMGT]i?B)$/i)
      .optional(),
  }),
  async run(ctx, args) {
    const lakeDir =
      args.lake === undefined
        ? path.join(ctx.env.MEDIASSIST_HOME, 'lake')
        : path.resolve(args.lake);
    const store = await DuckDbOfflineStore.open({
      lakeDir,
      ...(args.threads === undefined ? {} : { threads: args.threads }),
    });
    try {
      const result = await runFeatures(
        {
          kb: loadKnowledgeBase(),
          store,
          logger: ctx.logger,
          progress: ctx.progress,
          signal: ctx.signal,
        },
        {
          lakeDir,
          full: args.full,
          ...(args.since === undefined ? {} : { since: day(args.since) }),
          ...(args.asOf === undefined ? {} : { asOf: day(args.asOf) }),
          ...(args.threads === undefined ? {} : { threads: args.threads }),
          ...(args.memoryLimit === undefined ? {} : { memoryLimit: args.memoryLimit }),
        },
      );
      return { ...result };
    } finally {
      await store.close();
    }
  },
});
