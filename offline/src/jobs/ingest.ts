/** `ingest --input <dir> [--lake <dir>] [--as-of YYYY-MM-DD]`: FHIR Bulk Data → de-identified lake. */
import path from 'node:path';
import { loadKnowledgeBase } from '@mediassist/shared/kb';
import { z } from 'zod';
import { requireEnv } from '../config.js';
import { runIngest } from '../ingest/run-ingest.js';
import { defineJob } from './job.js';

export const ingestJob = defineJob({
  name: 'ingest',
  description: 'Read a FHIR R4 Bulk Data export (ndjson[.gz]) into the de-identified lake',
  args: z.object({
    /** The export folder. */
    input: z.string().min(1),
    /** The lake (default: $MEDIASSIST_HOME/lake). */
    lake: z.string().min(1).optional(),
    /** Reference date for ages and the 90+ rule (default: the later of today and the last visit). */
    asOf: z.iso.date().optional(),
    threads: z.coerce.number().int().positive().max(256).optional(),
    /** DuckDB memory limit, e.g. `4GB`. */
    memoryLimit: z
      .string()
      .regex(/^\d+(?:\.\d+)?\s*(?:[KMGT]i?B)$/i)
      .optional(),
    /** Stop when more than this share of one file's lines is rejected (default 0.5). */
    maxRejectRatio: z.coerce.number().min(0).max(1).optional(),
  }),
  async run(ctx, args) {
    const result = await runIngest(
      {
        kb: loadKnowledgeBase(),
        key: requireEnv(ctx.env, 'PSEUDONYM_KEY'),
        logger: ctx.logger,
        progress: ctx.progress,
        signal: ctx.signal,
      },
      {
        inputDir: path.resolve(args.input),
        lakeDir:
          args.lake === undefined
            ? path.join(ctx.env.MEDIASSIST_HOME, 'lake')
            : path.resolve(args.lake),
        ...(args.asOf === undefined ? {} : { asOf: new Date(`${args.asOf}T00:00:00Z`) }),
        ...(args.threads === undefined ? {} : { threads: args.threads }),
        ...(args.memoryLimit === undefined ? {} : { memoryLimit: args.memoryLimit }),
        ...(args.maxRejectRatio === undefined ? {} : { maxRejectRatio: args.maxRejectRatio }),
      },
    );
    return { ...result };
  },
});
