/**
 * A candidate model being built: a folder under `$MEDIASSIST_HOME/work/candidates/<version>/` that
 * `embed` creates (encoder), `train` fills (model, parity fixture, training record) and `evaluate`
 * completes (metrics, report, model card) before publishing it to the registry as one immutable
 * version. Later stages find their candidate by version, or take the newest.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '@mediassist/shared/errors';
import type { z } from 'zod';

export const CANDIDATE_FILES = {
  encoderWeights: 'encoder.json',
  encoder: 'encoder.onnx',
  model: 'model.onnx',
  manifest: 'manifest.json',
  training: 'training.json',
  parity: 'parity.json',
  metrics: 'metrics.json',
  report: 'report.html',
  modelCard: 'model-card.md',
} as const;
export type CandidateFile = keyof typeof CANDIDATE_FILES;

export interface Candidate {
  readonly version: string;
  readonly dir: string;
  file(name: CandidateFile): string;
}

export function candidatesRoot(home: string): string {
  return path.join(home, 'work', 'candidates');
}

/** `v20261122T140512Z`: sortable by creation time, valid as a registry version. */
export function newVersion(now: Date): string {
  return `v${now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')}`;
}

export function candidate(home: string, version: string): Candidate {
  const dir = path.join(candidatesRoot(home), version);
  return { version, dir, file: (name) => path.join(dir, CANDIDATE_FILES[name]) };
}

export async function createCandidate(home: string, version: string): Promise<Candidate> {
  const c = candidate(home, version);
  await mkdir(c.dir, { recursive: true });
  return c;
}

/** The named candidate, or the newest one when no version is given. */
export async function findCandidate(home: string, version?: string): Promise<Candidate> {
  if (version !== undefined) {
    return candidate(home, version);
  }
  let names: string[] = [];
  try {
    names = (await readdir(candidatesRoot(home))).filter((n) => /^v\d{8}T\d{6}Z/.test(n)).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw error;
    }
  }
  const newest = names.at(-1);
  if (newest === undefined) {
    throw new AppError('NOT_FOUND', 'No candidate model: run `offline -- embed` first');
  }
  return candidate(home, newest);
}

export async function writeJson(file: string, value: unknown): Promise<void> {
  await writeFile(file, `${JSON.stringify(value, null, 1)}\n`);
}

/** Reads and validates a candidate's JSON file; NOT_FOUND names the stage that writes it. */
export async function readJson<TSchema extends z.ZodType>(options: {
  file: string;
  schema: TSchema;
  writtenBy: string;
}): Promise<z.infer<TSchema>> {
  let text: string;
  try {
    text = await readFile(options.file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new AppError(
        'NOT_FOUND',
        `${path.basename(options.file)} is missing: run \`offline -- ${options.writtenBy}\` first`,
      );
    }
    throw error;
  }
  const parsed = options.schema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    throw new AppError('MODEL_INVALID', `${path.basename(options.file)} is not valid`, {
      details: [{ path: path.basename(options.file), issue: 'invalid' }],
    });
  }
  return parsed.data;
}
