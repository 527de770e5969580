/**
 * The `promote` stage: checks a published version against the promotion gate (promotion-gate.ts)
 * on the current evaluation set — candidate and production scored on the same visits — and makes it
 * production, or starts it as a canary with `canaryShare`. A refusal is an outcome, not an error:
 * production keeps serving and the result says why.
 */
import { readFile } from 'node:fs/promises';
import type { ModelRegistry } from '@mediassist/feature-store/model-registry';
import type { OfflineStore } from '@mediassist/feature-store/offline';
import { createDiagnosisEngine } from '@mediassist/shared/diagnosis';
import { AppError, toAppError } from '@mediassist/shared/errors';
import type { KnowledgeBase } from '@mediassist/shared/kb';
import type { Logger } from '@mediassist/shared/logger';
import { baselinePrediction } from '../evaluate/baseline.js';
import { loadEvaluationSet } from '../evaluate/evaluation-set.js';
import { rankingMetrics } from '../evaluate/metrics.js';
import { DEFAULT_MAX_EVALUATION_EXAMPLES } from '../evaluate/run-evaluate.js';
import { scoreVersion, type VersionArtefacts } from '../evaluate/score-version.js';
import type { DuckDbSession } from '../lake/duckdb-session.js';
import { checkParity, ParityFixtureSchema, type ParityReport } from '../onnx/parity.js';
import { readJson } from '../train/candidate.js';
import type { Example } from '../train/load-examples.js';
import { TrainingRecordSchema } from '../train/training-record.js';
import { promotionGate, type GateCheck } from './promotion-gate.js';

export type PromoteRegistry = Pick<
  ModelRegistry,
  'versions' | 'manifest' | 'production' | 'promote' | 'startCanary' | 'layout'
>;

export interface PromoteDeps {
  session: DuckDbSession;
  store: Pick<OfflineStore, 'trainingSet'>;
  kb: KnowledgeBase;
  registry: PromoteRegistry;
  logger: Logger;
  signal: AbortSignal;
}

export interface PromoteOptions {
  lakeDir: string;
  /** A published version (default: the newest one). */
  version?: string;
  /** Start a canary serving this share of patients instead of promoting. */
  canaryShare?: number;
  maxExamples?: number;
}

export interface PromoteResult {
  readonly version: string;
  readonly action: 'promoted' | 'canary' | 'refused' | 'already-production';
  readonly checks: readonly GateCheck[];
  readonly candidate: { top3: number; top1: number; ece: number } | null;
  readonly production: { version: string; top3: number; top1: number; ece: number } | null;
  readonly baselineTop3: number | null;
  readonly examples: number;
  readonly seconds: number;
}

async function artefacts(registry: PromoteRegistry, version: string): Promise<VersionArtefacts> {
  const manifest = await registry.manifest(version);
  return {
    manifest,
    model: await readFile(registry.layout.artifact(version, manifest.diagnosis.file)),
    encoder: await readFile(registry.layout.artifact(version, manifest.encoder.file)),
  };
}

export async function runPromote(
  deps: PromoteDeps,
  options: PromoteOptions,
): Promise<PromoteResult> {
  const started = performance.now();
  const { registry, logger } = deps;
  const version = options.version ?? (await registry.versions()).at(-1);
  if (version === undefined) {
    throw new AppError('NOT_FOUND', 'No published model version: run `offline -- evaluate` first');
  }
  const current = await registry.production();
  const seconds = (): number => Math.round(performance.now() - started) / 1000;
  if (current?.version === version && options.canaryShare === undefined) {
    return {
      version,
      action: 'already-production',
      checks: [],
      candidate: null,
      production: null,
      baselineTop3: null,
      examples: 0,
      seconds: seconds(),
    };
  }
  const candidate = await artefacts(registry, version);
  const fixture = await readJson({
    file: registry.layout.artifact(version, 'parity.json'),
    schema: ParityFixtureSchema,
    writtenBy: 'train',
  });
  let parity: ParityReport | null = null;
  let loads = true;
  try {
    parity = await checkParity({
      fixture,
      model: {
        bytes: candidate.model,
        inputName: candidate.manifest.diagnosis.inputName,
        outputName: candidate.manifest.diagnosis.outputName,
      },
      encoder: { bytes: candidate.encoder, ...candidate.manifest.encoder },
    });
  } catch (error) {
    if (toAppError(error).code !== 'MODEL_INVALID') {
      throw error;
    }
    loads = false;
  }
  const training = await readJson({
    file: registry.layout.artifact(version, 'training.json'),
    schema: TrainingRecordSchema,
    writtenBy: 'train',
  });
  const { examples } = await loadEvaluationSet({
    session: deps.session,
    store: deps.store,
    lakeDir: options.lakeDir,
    split: training.split,
    maxExamples: options.maxExamples ?? DEFAULT_MAX_EVALUATION_EXAMPLES,
    signal: deps.signal,
  });
  const labels = examples.map((e: Example) => e.label);
  const score = async (a: VersionArtefacts) => {
    const m = rankingMetrics({
      labels,
      predictions: await scoreVersion({ artefacts: a, examples, signal: deps.signal }),
    });
    return { top1: m.top1, top3: m.top3, ece: m.ece };
  };
  const candidateMetrics = loads ? await score(candidate) : null;
  let production: PromoteResult['production'] = null;
  let sameEncoder = false;
  if (current && current.version !== version) {
    const prod = await artefacts(registry, current.version);
    production = { version: current.version, ...(await score(prod)) };
    sameEncoder = Buffer.from(prod.encoder).equals(Buffer.from(candidate.encoder));
  }
  let baselineTop3: number | null = null;
  if (!production) {
    const engine = createDiagnosisEngine({ kb: deps.kb });
    baselineTop3 = rankingMetrics({
      labels,
      predictions: examples.map((e) => baselinePrediction(engine, e)),
    }).top3;
  }
  const canary = options.canaryShare !== undefined;
  const decision = promotionGate({
    loads,
    parity,
    candidate: candidateMetrics,
    production,
    baseline: baselineTop3 === null ? null : { top3: baselineTop3 },
    canary: canary ? { sameEncoder: production !== null && sameEncoder } : null,
  });
  let action: PromoteResult['action'] = 'refused';
  if (decision.pass && canary) {
    await registry.startCanary({ version, share: options.canaryShare ?? 0 });
    action = 'canary';
  } else if (decision.pass) {
    await registry.promote({ version, reason: decision.reason });
    action = 'promoted';
  }
  logger.info(
    { version, action, checks: decision.checks.map((c) => `${c.name}:${String(c.pass)}`) },
    'promotion gate',
  );
  return {
    version,
    action,
    checks: decision.checks,
    candidate: candidateMetrics,
    production,
    baselineTop3,
    examples: examples.length,
    seconds: seconds(),
  };
}
