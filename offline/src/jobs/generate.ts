/**
 * `generate`: writes a synthetic primary-care population as a FHIR R4 Bulk Data export (ndjson per
 * resource type, numbered parts, manifest.json). See the README's "Synthetic data".
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_TYPO_RATE, DEFAULT_WORLD_SEED } from '../generate/generation-config.js';
import { runGeneration } from '../generate/run-generation.js';
import { defineJob } from './job.js';

const flag = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);

export const GenerateArgsSchema = z.object({
  patients: z.coerce.number().int().min(1).max(10_000_000),
  seed: z.coerce.number().int().min(0).default(42),
  out: z.string().min(1),
  gzip: flag.default(false),
  years: z.coerce.number().int().min(1).max(30).default(8),
  endDate: z.iso.date().default('2026-10-31'),
  worldSeed: z.coerce.number().int().min(0).default(DEFAULT_WORLD_SEED),
  typoRate: z.coerce.number().min(0).max(0.5).default(DEFAULT_TYPO_RATE),
  partSize: z.coerce.number().int().min(100).max(1_000_000).default(5_000),
  workers: z.coerce.number().int().min(0).max(64).optional(),
});

export const generateJob = defineJob({
  name: 'generate',
  description: 'Write a synthetic primary-care EHR export (FHIR R4 Bulk Data ndjson)',
  args: GenerateArgsSchema,
  async run(ctx, args) {
    const started = performance.now();
    const workers = args.workers ?? availableParallelism();
    const progress = ctx.progress({ label: 'generate', total: args.patients, unit: 'patients' });
    const outDir = path.resolve(args.out);
    try {
      const result = await runGeneration({
        config: {
          seed: args.seed,
          worldSeed: args.worldSeed,
          years: args.years,
          endDate: args.endDate,
          typoRate: args.typoRate,
        },
        patients: args.patients,
        outDir,
        gzip: args.gzip,
        partSize: args.partSize,
        workers,
        onProgress: (n) => {
          progress.increment(n);
        },
        signal: ctx.signal,
      });
      const seconds = (performance.now() - started) / 1000;
      return {
        out: outDir,
        patients: result.patients,
        encounters: result.encounters,
        resources: result.manifest.generator.counts,
        files: result.manifest.output.length,
        aborted: result.aborted,
        workers,
        seconds: Math.round(seconds * 10) / 10,
        // maxRSS covers the whole process, worker threads included.
        peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      };
    } finally {
      progress.stop();
    }
  },
});
