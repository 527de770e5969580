/**
 * Lake → feature snapshots in the offline store, and the training examples table. DuckDB computes
 * the views from the lake (and nearline events); TypeScript applies the shared engines (care gaps,
 * interaction checks) and writes through the offline store, which validates every value.
 *
 * Snapshots (see docs/lake.md): for every visit day V, the day-before snapshot (facts ≤ V−1, stamped
 * V−1 23:59:59.999 UTC) of condition_history, recent_findings and medication_list — what the model and
 * the encoder read — plus, for every patient, a current snapshot of every view at `asOf`.
 */
import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { OfflineStore } from '@mediassist/feature-store/offline';
import { AppError } from '@mediassist/shared/errors';
import type { KnowledgeBase } from '@mediassist/shared/kb';
import type { Logger } from '@mediassist/shared/logger';
import type { ProgressFactory } from '../io/progress.js';
import { openDuckDbSession, queryRows } from '../lake/duckdb-session.js';
import { acquireLakeLock } from '../lake/lake-lock.js';
import { createLakeLayout } from '../lake/lake-layout.js';
import { buildTrainingExamplesSql } from './examples-sql.js';
import { readFeaturesState, writeFeaturesState } from './features-state.js';
import { prepareFacts } from './prepare-facts.js';
import { writeViews } from './write-views.js';

export interface FeaturesDeps {
  kb: KnowledgeBase;
  store: Pick<OfflineStore, 'writeSnapshot'>;
  logger: Logger;
  progress: ProgressFactory;
  signal: AbortSignal;
  now?: () => Date;
}

export interface FeaturesOptions {
  lakeDir: string;
  /** Recompute day-before-visit snapshots from this day on (default: from the recorded watermark). */
  since?: Date;
  /** Ignore the watermark and recompute every snapshot. */
  full?: boolean;
  /** The current snapshot's day (default: today, UTC). */
  asOf?: Date;
  threads?: number;
  memoryLimit?: string;
}

export interface FeaturesResult {
  readonly mode: 'full' | 'incremental';
  readonly since: string | null;
  readonly asOf: string;
  readonly ingestRunId: string;
  readonly patients: number;
  readonly snapshots: { readonly history: number; readonly current: number };
  /** Rows written per view. */
  readonly rows: Readonly<Record<string, number>>;
  readonly events: { readonly visits: number; readonly feedback: number };
  readonly trainingExamples: {
    readonly rows: number;
    readonly fromEvents: number;
    readonly path: string;
  };
  readonly seconds: number;
  /** Wall seconds per sub-stage: facts (lake → fact tables), views (DuckDB + store), examples. */
  readonly stageSeconds: {
    readonly facts: number;
    readonly views: number;
    readonly examples: number;
  };
}

const DAY_MS = 86_400_000;

const utcDay = (date: Date): Date => new Date(Math.floor(date.getTime() / DAY_MS) * DAY_MS);
const isoDay = (date: Date): string => date.toISOString().slice(0, 10);

async function parquetFilesUnder(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { recursive: true });
    return entries
      .filter((name) => name.endsWith('.parquet'))
      .sort()
      .map((name) => path.join(dir, name));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return [];
    }
    throw error;
  }
}

async function ingestRunId(manifest: string): Promise<string> {
  try {
    const parsed = JSON.parse(await readFile(manifest, 'utf8')) as { runId?: unknown };
    if (typeof parsed.runId === 'string') {
      return parsed.runId;
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw error;
    }
  }
  throw new AppError(
    'NOT_FOUND',
    `No ingested lake at ${path.dirname(path.dirname(manifest))}: run \`offline -- ingest\` first`,
  );
}

export async function runFeatures(
  deps: FeaturesDeps,
  options: FeaturesOptions,
): Promise<FeaturesResult> {
  const { kb, store, logger, signal } = deps;
  const now = (deps.now ?? (() => new Date()))();
  const started = performance.now();
  const layout = createLakeLayout(options.lakeDir);
  const runId = await ingestRunId(layout.ingestManifest);
  const asOf = utcDay(options.asOf ?? now);
  if (asOf.getTime() > utcDay(now).getTime()) {
    throw new AppError('VALIDATION_FAILED', 'asOf must not be in the future', {
      details: [{ path: 'asOf', issue: 'future_date' }],
    });
  }
  const currentMs = Math.min(now.getTime(), asOf.getTime() + DAY_MS - 1);
  const lock = await acquireLakeLock({
    file: path.join(layout.root, '.features.lock'),
    job: 'features',
  });
  const tmp = path.join(layout.root, `.features-tmp-${String(process.pid)}`);
  try {
    const state = await readFeaturesState(layout.state);
    const since =
      options.full === true
        ? undefined
        : (options.since ??
          (state?.ingestRunId === runId
            ? new Date(`${state.snapshotsBefore}T00:00:00Z`)
            : undefined));
    const eventFiles = await parquetFilesUnder(layout.events);
    const feedbackFiles = await parquetFilesUnder(path.join(layout.root, 'feedback'));
    await mkdir(tmp, { recursive: true });
    const session = await openDuckDbSession({
      tempDirectory: tmp,
      ...(options.threads === undefined ? {} : { threads: options.threads }),
      ...(options.memoryLimit === undefined ? {} : { memoryLimit: options.memoryLimit }),
    });
    const onAbort = (): void => {
      session.interrupt();
    };
    signal.addEventListener('abort', onAbort);
    try {
      const { connection } = session;
      let lap = performance.now();
      const lapSeconds = (): number => {
        const t = performance.now();
        const elapsed = Math.round(t - lap) / 1000;
        lap = t;
        return elapsed;
      };
      const prepared = await prepareFacts({
        connection,
        kb,
        layout,
        events: { eventFiles, feedbackFiles },
        snapshots: { asOf, since, currentMs },
      });
      const { history, current } = prepared;
      const factsSeconds = lapSeconds();
      const bar = deps.progress({
        label: 'features',
        total: history * 3 + current * 8,
        unit: 'rows',
      });
      const rows = await writeViews({
        connection,
        connect: () => session.connect(),
        store,
        kb,
        asOf,
        currentMs,
        snapshots: { history, current },
        createdAt: now,
        progress: bar,
        signal,
      });
      bar.stop();
      const viewsSeconds = lapSeconds();
      await mkdir(layout.trainingExamples, { recursive: true });
      const examplesPath = path.join(layout.trainingExamples, 'examples.parquet');
      const partial = path.join(
        layout.trainingExamples,
        `.examples-${String(process.pid)}.parquet.tmp`,
      );
      const examples = (await connection.run(buildTrainingExamplesSql(partial))).rowsChanged;
      await rename(partial, examplesPath);
      const [fromEvents] = await queryRows(
        connection,
        `SELECT count(*) AS n FROM read_parquet('${examplesPath.replaceAll("'", "''")}') WHERE source = 'event'`,
      );
      const examplesSeconds = lapSeconds();
      await writeFeaturesState({
        stateDir: layout.state,
        state: {
          ingestRunId: runId,
          snapshotsBefore: isoDay(asOf),
          finishedAt: new Date().toISOString(),
        },
      });
      const result: FeaturesResult = {
        mode: since === undefined ? 'full' : 'incremental',
        since: since === undefined ? null : isoDay(since),
        asOf: isoDay(asOf),
        ingestRunId: runId,
        patients: current,
        snapshots: { history, current },
        rows,
        events: { visits: prepared.visitEvents, feedback: prepared.feedbackEvents },
        trainingExamples: {
          rows: examples,
          fromEvents: Number(fromEvents?.['n'] ?? 0),
          path: examplesPath,
        },
        seconds: Math.round(performance.now() - started) / 1000,
        stageSeconds: { facts: factsSeconds, views: viewsSeconds, examples: examplesSeconds },
      };
      logger.info({ mode: result.mode, snapshots: result.snapshots, rows }, 'features written');
      return result;
    } finally {
      signal.removeEventListener('abort', onAbort);
      session.close();
    }
  } catch (error) {
    throw signal.aborted ? new AppError('INTERNAL', 'Features run cancelled') : error;
  } finally {
    await rm(tmp, { recursive: true, force: true });
    await lock.release();
  }
}
