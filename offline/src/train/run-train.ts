/**
 * The `train` stage: point-in-time training and validation examples → the candidate's diagnosis
 * model (wide-and-deep softmax, Adam, early stopping), temperature-calibrated on validation, exported
 * to ONNX with the temperature folded in, checked for parity against onnxruntime, with a learning
 * curve and a draft manifest. Inputs use the serving layout and the candidate's encoder.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { OfflineStore } from '@mediassist/feature-store/offline';
import { AppError } from '@mediassist/shared/errors';
import type { KnowledgeBase } from '@mediassist/shared/kb';
import type { Logger } from '@mediassist/shared/logger';
import { encoderTokens, type ModelManifest } from '@mediassist/shared/model';
import {
  ENCODER_INPUT_NAME,
  ENCODER_OUTPUT_NAME,
  createEncoderForward,
  loadStoredEncoder,
  StoredEncoderSchema,
} from '../embed/encoder-weights.js';
import type { DuckDbSession } from '../lake/duckdb-session.js';
import { diagnosisOnnxBytes, MODEL_INPUT_NAME, MODEL_OUTPUT_NAME } from '../onnx/diagnosis-onnx.js';
import { buildParityFixture, checkParity } from '../onnx/parity.js';
import { findCandidate, readJson, writeJson } from './candidate.js';
import { buildExampleCountsSql } from './examples-sql.js';
import { classesFrom, featurize, inputSpecFrom } from './featurize.js';
import { DEFAULT_FIT, fitModel, type FitOptions } from './fit-model.js';
import { learningCurve, topAccuracy } from './learning-curve.js';
import { attachHistory, readExamples, type Example } from './load-examples.js';
import { allLogits } from './mlp.js';
import { selectRows } from './sparse-rows.js';
import { fitTemperature, negativeLogLikelihood } from './temperature.js';
import type { TrainingRecord } from './training-record.js';
import { queryRows } from '../lake/duckdb-session.js';

export const MIN_CLASS_EXAMPLES = 5;
/**
 * Training rows used for fitting at most (a hash-chosen sample beyond it): the learning curve
 * flattens well before (20,000 patients: 64k rows → top-1 0.918, 16k → 0.891), and fitting time is
 * linear in rows. All examples still shape the vocabularies, classes and snapshot hash.
 */
export const DEFAULT_MAX_TRAIN_EXAMPLES = 200_000;
const PARITY_ROWS = 256;

export interface TrainDeps {
  session: DuckDbSession;
  store: Pick<OfflineStore, 'trainingSet'>;
  kb: KnowledgeBase;
  logger: Logger;
  signal: AbortSignal;
  now: () => Date;
}

export interface TrainOptions {
  home: string;
  lakeDir: string;
  version?: string;
  fit?: Partial<FitOptions>;
  learningCurve?: boolean;
  maxTrainExamples?: number;
}

export interface TrainResult {
  readonly version: string;
  readonly trainExamples: number;
  readonly validationExamples: number;
  readonly classes: number;
  readonly inputs: number;
  readonly bestEpoch: number;
  readonly validationTop1: number;
  readonly temperature: number;
  readonly parity: TrainingRecord['parity'];
  readonly seconds: number;
}

export async function feedbackFiles(lakeDir: string): Promise<string[]> {
  try {
    const dir = path.join(lakeDir, 'feedback');
    return (await readdir(dir, { recursive: true }))
      .filter((n) => n.endsWith('.parquet'))
      .sort()
      .map((n) => path.join(dir, n));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return [];
    }
    throw error;
  }
}

/** Same examples (labels, findings, history) → same hash. */
export function snapshotHash(examples: readonly Example[]): string {
  const hash = createHash('sha256');
  for (const e of examples) {
    hash.update(
      `${JSON.stringify([e.patientId, e.encounterId, e.visitDate, e.label, e.present, e.absent, e.age, e.sex, e.history])}\n`,
    );
  }
  return hash.digest('hex').slice(0, 32);
}

export async function runTrain(deps: TrainDeps, options: TrainOptions): Promise<TrainResult> {
  const { kb, logger, signal } = deps;
  const seconds: Record<string, number> = {};
  let lap = performance.now();
  const mark = (stage: string): void => {
    const t = performance.now();
    seconds[stage] = Math.round(t - lap) / 1000;
    lap = t;
  };
  const started = lap;
  const candidate = await findCandidate(options.home, options.version);
  const stored = await readJson({
    file: candidate.file('encoderWeights'),
    schema: StoredEncoderSchema,
    writtenBy: 'embed',
  });
  const encoder = loadStoredEncoder(stored);
  const { split } = stored;
  const query = {
    examplesFile: path.join(options.lakeDir, 'training', 'examples', 'examples.parquet'),
    feedbackFiles: await feedbackFiles(options.lakeDir),
    split,
    parts: ['train', 'validation'] as const,
  };
  const [counts] = await queryRows(deps.session.connection, buildExampleCountsSql(query));
  const examples = await readExamples(deps.session.connection, query);
  await attachHistory({ store: deps.store, examples, signal });
  mark('load');
  const train = examples.filter((e) => e.part === 'train');
  const validation = examples.filter((e) => e.part === 'validation');
  if (train.length === 0 || validation.length === 0) {
    throw new AppError('VALIDATION_FAILED', 'Not enough examples to train and validate a model', {
      details: [{ path: 'examples', issue: 'too_few' }],
    });
  }
  const spec = inputSpecFrom({ examples: train, kb, embeddingDimension: encoder.dimension });
  const classes = classesFrom({ examples: train, kb, minExamples: MIN_CLASS_EXAMPLES });
  if (classes.length < 2) {
    throw new AppError('VALIDATION_FAILED', 'Fewer than two conditions have enough examples', {
      details: [{ path: 'classes', issue: 'too_few' }],
    });
  }
  const encode = createEncoderForward(encoder);
  const maxTrain = options.maxTrainExamples ?? DEFAULT_MAX_TRAIN_EXAMPLES;
  const fitted =
    train.length <= maxTrain
      ? train
      : train
          .map((e) => ({
            e,
            key: createHash('sha256')
              .update(`train-sample:${e.encounterId}`)
              .digest()
              .readUInt32BE(0),
          }))
          .sort((a, b) => a.key - b.key)
          .slice(0, maxTrain)
          .map(({ e }) => e);
  const trainRows = featurize({ examples: fitted, spec, classes, encode, dropout: true });
  const validationRows = featurize({ examples: validation, spec, classes, encode });
  mark('featurize');
  const fit: FitOptions = { ...DEFAULT_FIT, ...options.fit };
  const result = await fitModel({
    train: trainRows,
    validation: validationRows,
    classes: classes.length,
    fit,
    signal,
    onEpoch: (record) => {
      logger.info({ ...record }, 'epoch');
    },
  });
  mark('fit');
  const logits = allLogits(result.params, validationRows);
  const temperature = fitTemperature({
    logits,
    labels: validationRows.labels,
    classes: classes.length,
  });
  const nll = (t: number): number =>
    negativeLogLikelihood({
      logits,
      labels: validationRows.labels,
      classes: classes.length,
      temperature: t,
    });
  mark('calibrate');
  const curve =
    options.learningCurve === false
      ? // No refits: the full model's point only (the report's chart is never empty).
        [
          {
            examples: trainRows.count,
            ...topAccuracy({ logits, labels: validationRows.labels, classes: classes.length }),
          },
        ]
      : await learningCurve({
          train: trainRows,
          validation: validationRows,
          classes: classes.length,
          fit,
          full: result.params,
          signal,
        });
  mark('learningCurve');

  const modelBytes = diagnosisOnnxBytes({ params: result.params, temperature });
  await writeFile(candidate.file('model'), modelBytes);
  const step = Math.max(1, Math.floor(validation.length / PARITY_ROWS));
  const picks = Array.from(
    { length: Math.min(PARITY_ROWS, validation.length) },
    (_, i) => i * step,
  );
  const fixture = buildParityFixture({
    params: result.params,
    temperature,
    rows: selectRows(validationRows, picks),
    encoder,
    histories: picks.map((i) =>
      encoderTokens(
        (validation[i] ?? validation[0])?.history ?? {
          chronic: [],
          recentAcute: [],
          rxcuis: [],
          findings: [],
        },
      ),
    ),
  });
  await writeJson(candidate.file('parity'), fixture);
  const parity = await checkParity({
    fixture,
    model: { bytes: modelBytes, inputName: MODEL_INPUT_NAME, outputName: MODEL_OUTPUT_NAME },
    encoder: {
      bytes: await readFile(candidate.file('encoder')),
      inputName: ENCODER_INPUT_NAME,
      outputName: ENCODER_OUTPUT_NAME,
      vocabulary: encoder.vocabulary,
    },
  });
  if (!parity.pass) {
    throw new AppError('MODEL_INVALID', 'The exported model does not match the training code', {
      details: [{ path: 'parity', issue: 'max_abs_diff_above_tolerance' }],
    });
  }
  mark('export');
  const trainedOn = [...train, ...validation];
  const hash = snapshotHash(trainedOn);
  const first = trainedOn.reduce(
    (m, e) => (e.visitDate < m ? e.visitDate : m),
    trainedOn[0]?.visitDate ?? '',
  );
  const last = trainedOn.reduce((m, e) => (e.visitDate > m ? e.visitDate : m), '');
  const manifest: ModelManifest = {
    version: candidate.version,
    createdAt: deps.now().toISOString(),
    kbVersion: kb.version,
    trainingData: { snapshotHash: hash, examples: trainedOn.length, from: first, to: last },
    encoder: {
      file: 'encoder.onnx',
      inputName: ENCODER_INPUT_NAME,
      outputName: ENCODER_OUTPUT_NAME,
      vocabulary: [...encoder.vocabulary],
      dimension: encoder.dimension,
    },
    diagnosis: {
      file: 'model.onnx',
      inputName: MODEL_INPUT_NAME,
      outputName: MODEL_OUTPUT_NAME,
      input: spec,
      classes,
      temperature,
    },
    metrics: {},
  };
  await writeJson(candidate.file('manifest'), manifest);
  const best = result.history.find((h) => h.epoch === result.bestEpoch);
  const record: TrainingRecord = {
    version: candidate.version,
    split,
    examples: {
      train: train.length,
      fitted: fitted.length,
      validation: validation.length,
      ruledOut: Number(counts?.['ruled_out'] ?? 0),
      fromFeedback: Number(counts?.['from_feedback'] ?? 0),
      fromEvents: Number(counts?.['from_events'] ?? 0),
      unusedRareLabels: train.filter((e) => !classes.includes(e.label)).length,
      from: first,
      to: last,
    },
    model: {
      inputs: trainRows.width,
      hidden: fit.hidden,
      classes: classes.length,
      minClassExamples: MIN_CLASS_EXAMPLES,
    },
    fit: {
      epochs: fit.epochs,
      batchSize: fit.batchSize,
      learningRate: fit.adam.learningRate,
      learningRateDecay: fit.learningRateDecay ?? 1,
      l2: fit.adam.l2,
      patience: fit.patience,
      seed: fit.seed,
      bestEpoch: result.bestEpoch,
      history: result.history,
    },
    temperature,
    validation: { nllBefore: nll(1), nllAfter: nll(temperature) },
    learningCurve: curve,
    parity,
    snapshotHash: hash,
    seconds: { ...seconds, total: Math.round(performance.now() - started) / 1000 },
  };
  await writeJson(candidate.file('training'), record);
  logger.info(
    { version: candidate.version, classes: classes.length, temperature, parity },
    'model trained',
  );
  return {
    version: candidate.version,
    trainExamples: train.length,
    validationExamples: validation.length,
    classes: classes.length,
    inputs: trainRows.width,
    bestEpoch: result.bestEpoch,
    validationTop1: best?.validationTop1 ?? 0,
    temperature,
    parity,
    seconds: record.seconds['total'] ?? 0,
  };
}
