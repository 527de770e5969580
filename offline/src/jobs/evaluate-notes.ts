/**
 * `evaluate-notes [--source generated|synthea|both] [--limit N]`: scores the clinical text extractor
 * on visit notes against the same records' coded facts. Generated notes come from the lake (after
 * `generate` + `ingest`) or a generator export (`--generated <dir>`); Synthea notes from its Bulk
 * Data sample (`--synthea <dir>`, default `../shared/data/synthea_bulk_10pt`). `--input <dir>` names
 * the folder of a single source. See the README's "Consultation summary".
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '@mediassist/shared/errors';
import { loadKnowledgeBase } from '@mediassist/shared/kb';
import { createTextExtractor } from '@mediassist/shared/text';
import { z } from 'zod';
import { createLakeLayout } from '../lake/lake-layout.js';
import { runEvaluateNotes, type NotesSource } from '../notes-eval/run-evaluate-notes.js';
import { defineJob } from './job.js';

/** Where Synthea's sample sits beside a checkout (`npm run offline` runs from the project root). */
export const DEFAULT_SYNTHEA_DIR = path.join('..', 'shared', 'data', 'synthea_bulk_10pt');

export const EvaluateNotesArgsSchema = z
  .object({
    source: z.enum(['generated', 'synthea', 'both']).default('both'),
    /** The folder of the one selected source (an export folder; for generated notes, instead of the lake). */
    input: z.string().min(1).optional(),
    /** A generator export folder (default: the lake's restricted notes). */
    generated: z.string().min(1).optional(),
    synthea: z.string().min(1).optional(),
    /** The lake (default `$MEDIASSIST_HOME/lake`). */
    lake: z.string().min(1).optional(),
    /** Most notes per source (the first N in file or lake order). */
    limit: z.coerce.number().int().min(1).optional(),
  })
  .refine((a) => a.input === undefined || a.source !== 'both', {
    message: '--input names one source: add --source generated or --source synthea',
    path: ['input'],
  });
export type EvaluateNotesArgs = z.infer<typeof EvaluateNotesArgsSchema>;

/** The sources to read, with the reason each default one is left out (absent data). */
export function resolveSources(options: { args: EvaluateNotesArgs; home: string }): {
  sources: NotesSource[];
  skipped: string[];
} {
  const { args, home } = options;
  const sources: NotesSource[] = [];
  const skipped: string[] = [];
  const wants = (name: 'generated' | 'synthea') => args.source === name || args.source === 'both';
  const explicit = (name: 'generated' | 'synthea') =>
    args.source === name ? (args.input ?? args[name]) : args[name];

  if (wants('generated')) {
    const dir = explicit('generated');
    const layout = createLakeLayout(
      args.lake === undefined ? path.join(home, 'lake') : path.resolve(args.lake),
    );
    if (dir !== undefined) {
      sources.push({
        name: 'generated',
        rule: 'generated',
        location: { kind: 'export', dir: path.resolve(dir) },
      });
    } else if (existsSync(layout.notesTable)) {
      sources.push({ name: 'generated', rule: 'generated', location: { kind: 'lake', layout } });
    } else if (args.source === 'generated') {
      throw new AppError(
        'NOT_FOUND',
        `No notes in the lake at ${layout.root}: run \`generate\` and \`ingest\`, or pass --generated <export dir>`,
      );
    } else {
      skipped.push(`generated: no notes in the lake at ${layout.root}`);
    }
  }
  if (wants('synthea')) {
    const given = explicit('synthea');
    const dir = path.resolve(given ?? DEFAULT_SYNTHEA_DIR);
    if (existsSync(dir)) {
      sources.push({ name: 'synthea', rule: 'synthea', location: { kind: 'export', dir } });
    } else if (given !== undefined || args.source === 'synthea') {
      throw new AppError('NOT_FOUND', `No Synthea export at ${dir}: pass --synthea <dir>`);
    } else {
      skipped.push(`synthea: no export at ${dir}`);
    }
  }
  if (sources.length === 0) {
    throw new AppError('NOT_FOUND', `Nothing to evaluate (${skipped.join('; ')})`);
  }
  return { sources, skipped };
}

export const evaluateNotesJob = defineJob({
  name: 'evaluate-notes',
  description:
    'Score the note extractor (findings, conditions, medications) on generated and Synthea notes',
  args: EvaluateNotesArgsSchema,
  async run(ctx, args) {
    const { sources, skipped } = resolveSources({ args, home: ctx.env.MEDIASSIST_HOME });
    for (const reason of skipped) {
      ctx.logger.warn({ reason }, 'source skipped');
    }
    const kb = loadKnowledgeBase();
    const result = await runEvaluateNotes(
      {
        kb,
        extractor: createTextExtractor({ kb }),
        logger: ctx.logger,
        progress: ctx.progress,
        signal: ctx.signal,
        out: (text) => {
          process.stdout.write(text);
        },
      },
      { sources, limit: args.limit },
    );
    return { ...result, skipped };
  },
});
