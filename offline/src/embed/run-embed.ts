/**
 * The `embed` stage. `fitCandidateEncoder` learns a new patient-history encoder from the lake (or
 * reuses production's, so a canary shares the embeddings online already holds) and starts a
 * candidate with it; `writeCurrentEmbeddings` writes every patient's current embedding with a
 * registry version's encoder (production by default) into the offline store for materialization.
 */
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PATIENT_EMBEDDING_DIMENSION } from '@mediassist/feature-store/definitions';
import type { ModelRegistry } from '@mediassist/feature-store/model-registry';
import type { OfflineStore } from '@mediassist/feature-store/offline';
import { AppError } from '@mediassist/shared/errors';
import type { Logger } from '@mediassist/shared/logger';
import type { DuckDbSession } from '../lake/duckdb-session.js';
import { encoderOnnxBytes } from '../onnx/encoder-onnx.js';
import { createCandidate, newVersion, readJson, writeJson } from '../train/candidate.js';
import { resolveSplit } from '../train/resolve-split.js';
import { storeEncoder, StoredEncoderSchema, type StoredEncoder } from './encoder-weights.js';
import { fitLakeEncoder } from './fit-lake-encoder.js';
import { writeEmbeddings } from './write-embeddings.js';

export interface EmbedDeps {
  session: DuckDbSession;
  logger: Logger;
  signal: AbortSignal;
  now: () => Date;
}

export interface FitEncoderOptions {
  home: string;
  lakeDir: string;
  /** Reuse this registry's production encoder instead of fitting one. */
  fromProduction?: Pick<ModelRegistry, 'production' | 'layout'>;
  testMonths: number;
  testShare: number;
  validationShare: number;
  maxDocuments: number;
  minDocuments: number;
}

export interface FitEncoderResult {
  readonly version: string;
  readonly candidateDir: string;
  readonly source: 'fitted' | 'production';
  readonly vocabulary: number;
  readonly dimension: number;
  readonly documents: number;
  readonly explainedShare: number | null;
  readonly cutoff: string;
  readonly seconds: number;
}

export async function fitCandidateEncoder(
  deps: EmbedDeps,
  options: FitEncoderOptions,
): Promise<FitEncoderResult> {
  const started = performance.now();
  const { connection } = deps.session;
  const split = await resolveSplit({
    connection,
    examplesFile: path.join(options.lakeDir, 'training', 'examples', 'examples.parquet'),
    testMonths: options.testMonths,
    testShare: options.testShare,
    validationShare: options.validationShare,
  });
  const version = newVersion(deps.now());
  const candidate = await createCandidate(options.home, version);
  let stored: StoredEncoder;
  let documents = 0;
  let explainedShare: number | null = null;
  if (options.fromProduction) {
    const production = await options.fromProduction.production();
    if (!production) {
      throw new AppError('NOT_FOUND', 'No production model to take the encoder from');
    }
    const { layout } = options.fromProduction;
    const previous = await readJson({
      file: layout.artifact(production.version, 'encoder.json'),
      schema: StoredEncoderSchema,
      writtenBy: 'embed',
    });
    stored = { ...previous, split, fit: { ...previous.fit, reusedFrom: production.version } };
    await copyFile(layout.artifact(production.version, 'encoder.onnx'), candidate.file('encoder'));
  } else {
    const fit = await fitLakeEncoder({
      connection,
      lakeDir: options.lakeDir,
      split,
      dimension: PATIENT_EMBEDDING_DIMENSION,
      maxDocuments: options.maxDocuments,
      minDocuments: options.minDocuments,
    });
    if (fit.weights.vocabulary.length === 0) {
      throw new AppError(
        'NOT_FOUND',
        'No patient history before the cutoff to learn an encoder from',
      );
    }
    documents = fit.documents;
    explainedShare = fit.explainedShare;
    stored = storeEncoder({
      weights: fit.weights,
      split,
      fit: {
        documents,
        gramEntries: fit.gramEntries,
        explainedShare,
        eigenvalues: fit.eigenvalues,
        minDocuments: options.minDocuments,
        maxDocuments: options.maxDocuments,
      },
    });
    await writeFile(candidate.file('encoder'), encoderOnnxBytes(fit.weights));
  }
  await writeJson(candidate.file('encoderWeights'), stored);
  const result: FitEncoderResult = {
    version,
    candidateDir: candidate.dir,
    source: options.fromProduction ? 'production' : 'fitted',
    vocabulary: stored.vocabulary.length,
    dimension: stored.dimension,
    documents,
    explainedShare,
    cutoff: split.cutoff,
    seconds: Math.round(performance.now() - started) / 1000,
  };
  deps.logger.info({ ...result, candidateDir: undefined }, 'encoder ready');
  return result;
}

export async function writeCurrentEmbeddings(
  deps: EmbedDeps & { store: Pick<OfflineStore, 'writeSnapshot'> },
  options: {
    lakeDir: string;
    registry: Pick<ModelRegistry, 'production' | 'manifest' | 'layout'>;
    /** A registry version (default: production). */
    version?: string;
  },
): Promise<{ version: string; patients: number; seconds: number }> {
  const started = performance.now();
  const version = options.version ?? (await options.registry.production())?.version;
  if (version === undefined) {
    throw new AppError('NOT_FOUND', 'No production model: nothing to embed with');
  }
  const manifest = await options.registry.manifest(version);
  const bytes = await readFile(options.registry.layout.artifact(version, manifest.encoder.file));
  const { patients } = await writeEmbeddings({
    connection: deps.session.connection,
    store: deps.store,
    lakeDir: options.lakeDir,
    encoder: { spec: manifest.encoder, bytes, version },
    createdAt: deps.now(),
    signal: deps.signal,
  });
  deps.logger.info({ version, patients }, 'embeddings written');
  return { version, patients, seconds: Math.round(performance.now() - started) / 1000 };
}
