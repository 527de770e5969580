/**
 * The evaluation set of a split: every test example (held-out patients at any date, and everyone's
 * visits from the cutoff on) with its point-in-time history, optionally a deterministic sample. The
 * promotion gate scores the candidate and production on this same set.
 */
import type { OfflineStore } from '@mediassist/feature-store/offline';
import path from 'node:path';
import { createHash } from 'node:crypto';
import type { DuckDbSession } from '../lake/duckdb-session.js';
import { patientBucket, type SplitSpec } from '../train/data-split.js';
import { attachHistory, readExamples, type Example } from '../train/load-examples.js';
import { feedbackFiles } from '../train/run-train.js';

export type Slice = 'all' | 'heldOutPatients' | 'laterWindow';

export function inSlice(slice: Slice, split: SplitSpec, e: Example): boolean {
  switch (slice) {
    case 'all':
      return true;
    case 'heldOutPatients':
      return patientBucket(e.patientId) < split.testShare;
    case 'laterWindow':
      return e.visitDate >= split.cutoff;
    default:
      return slice satisfies never;
  }
}

const sampleKey = (e: Example): number =>
  createHash('sha256').update(`evaluation-sample:${e.encounterId}`).digest().readUInt32BE(0);

export async function loadEvaluationSet(options: {
  session: DuckDbSession;
  store: Pick<OfflineStore, 'trainingSet'>;
  lakeDir: string;
  split: SplitSpec;
  /** Keep at most this many examples (the same ones every time for the same data). */
  maxExamples: number;
  signal?: AbortSignal;
}): Promise<{ examples: Example[]; available: number }> {
  const all = await readExamples(options.session.connection, {
    examplesFile: path.join(options.lakeDir, 'training', 'examples', 'examples.parquet'),
    feedbackFiles: await feedbackFiles(options.lakeDir),
    split: options.split,
    parts: ['test'],
  });
  const examples =
    all.length <= options.maxExamples
      ? all
      : all
          .map((e) => ({ e, key: sampleKey(e) }))
          .sort((a, b) => a.key - b.key)
          .slice(0, options.maxExamples)
          .map(({ e }) => e)
          .sort(
            (a, b) =>
              a.patientId.localeCompare(b.patientId) || a.visitDate.localeCompare(b.visitDate),
          );
  await attachHistory({
    store: options.store,
    examples,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return { examples, available: all.length };
}
