/**
 * The `evaluate` stage: scores the candidate's ONNX artefacts and the guideline-only baseline on the
 * same held-out visits, writes `metrics.json`, `report.html` and `model-card.md`, fills the
 * manifest's metrics and publishes the candidate to the registry as one immutable version.
 */
import { readFile, writeFile } from 'node:fs/promises';
import type { ModelRegistry } from '@mediassist/feature-store/model-registry';
import type { OfflineStore } from '@mediassist/feature-store/offline';
import { createDiagnosisEngine } from '@mediassist/shared/diagnosis';
import type { KnowledgeBase } from '@mediassist/shared/kb';
import type { Logger } from '@mediassist/shared/logger';
import { ModelManifestSchema } from '@mediassist/shared/model';
import type { DuckDbSession } from '../lake/duckdb-session.js';
import { modelCard } from '../report/model-card.js';
import { reportHtml } from '../report/report-html.js';
import { CANDIDATE_FILES, findCandidate, readJson, writeJson } from '../train/candidate.js';
import type { SplitSpec } from '../train/data-split.js';
import type { Example } from '../train/load-examples.js';
import { TrainingRecordSchema } from '../train/training-record.js';
import { baselinePrediction } from './baseline.js';
import {
  manifestMetrics,
  summary,
  type EvaluationReport,
  type SideMetrics,
} from './evaluation-report.js';
import { inSlice, loadEvaluationSet } from './evaluation-set.js';
import { ECE_BINS, rankingMetrics, type RankedPrediction } from './metrics.js';
import { scoreVersion } from './score-version.js';

export const DEFAULT_MAX_EVALUATION_EXAMPLES = 30_000;

export interface EvaluateDeps {
  session: DuckDbSession;
  store: Pick<OfflineStore, 'trainingSet'>;
  kb: KnowledgeBase;
  registry: Pick<ModelRegistry, 'publish'>;
  logger: Logger;
  signal: AbortSignal;
  now: () => Date;
}

export interface EvaluateOptions {
  home: string;
  lakeDir: string;
  version?: string;
  maxExamples?: number;
  /** Publish the evaluated candidate to the registry (default true). */
  publish?: boolean;
}

export interface EvaluateResult {
  readonly version: string;
  readonly examples: number;
  readonly top1: number;
  readonly top3: number;
  readonly top10: number;
  readonly ece: number;
  readonly macro_recall: number;
  readonly baseline_top1: number;
  readonly baseline_top3: number;
  readonly baseline_ece: number;
  readonly published: boolean;
  readonly report: string;
  readonly seconds: number;
}

export function sideMetrics(options: {
  examples: readonly Example[];
  predictions: readonly RankedPrediction[];
  split: SplitSpec;
}): SideMetrics {
  const { examples, predictions, split } = options;
  const of = (slice: 'heldOutPatients' | 'laterWindow') => {
    const keep = examples.map((e) => inSlice(slice, split, e));
    return summary(
      rankingMetrics({
        labels: examples.filter((_, i) => keep[i]).map((e) => e.label),
        predictions: predictions.filter((_, i) => keep[i]),
      }),
    );
  };
  return {
    all: rankingMetrics({ labels: examples.map((e) => e.label), predictions }),
    heldOutPatients: of('heldOutPatients'),
    laterWindow: of('laterWindow'),
  };
}

export async function runEvaluate(
  deps: EvaluateDeps,
  options: EvaluateOptions,
): Promise<EvaluateResult> {
  const started = performance.now();
  const candidate = await findCandidate(options.home, options.version);
  const manifest = await readJson({
    file: candidate.file('manifest'),
    schema: ModelManifestSchema,
    writtenBy: 'train',
  });
  const training = await readJson({
    file: candidate.file('training'),
    schema: TrainingRecordSchema,
    writtenBy: 'train',
  });
  const { split } = training;
  const { examples, available } = await loadEvaluationSet({
    session: deps.session,
    store: deps.store,
    lakeDir: options.lakeDir,
    split,
    maxExamples: options.maxExamples ?? DEFAULT_MAX_EVALUATION_EXAMPLES,
    signal: deps.signal,
  });
  const predictions = await scoreVersion({
    artefacts: {
      manifest,
      model: await readFile(candidate.file('model')),
      encoder: await readFile(candidate.file('encoder')),
    },
    examples,
    signal: deps.signal,
  });
  const engine = createDiagnosisEngine({ kb: deps.kb });
  const baseline = examples.map((e) => baselinePrediction(engine, e));
  const report: EvaluationReport = {
    version: manifest.version,
    evaluatedAt: deps.now().toISOString(),
    kbVersion: deps.kb.version,
    split,
    sample: { examples: examples.length, available },
    calibration: {
      bins: ECE_BINS,
      binning: `${String(ECE_BINS)} equal-width bins of the top suggestion's probability over [0, 1]; ECE = Σ (n_bin / N)·|accuracy − mean confidence|`,
    },
    model: sideMetrics({ examples, predictions, split }),
    baseline: sideMetrics({ examples, predictions: baseline, split }),
  };
  const complete = { ...manifest, metrics: manifestMetrics(report) };
  await writeJson(candidate.file('metrics'), report);
  await writeJson(candidate.file('manifest'), complete);
  const display = (id: string): string => deps.kb.condition(id)?.display ?? id;
  const html = reportHtml({ manifest: complete, training, report, display });
  const card = modelCard({ manifest: complete, training, report });
  await writeFile(candidate.file('report'), html);
  await writeFile(candidate.file('modelCard'), card);
  const publish = options.publish !== false;
  if (publish) {
    await deps.registry.publish({
      manifest: complete,
      files: {
        [CANDIDATE_FILES.model]: candidate.file('model'),
        [CANDIDATE_FILES.encoder]: candidate.file('encoder'),
        [CANDIDATE_FILES.encoderWeights]: candidate.file('encoderWeights'),
        [CANDIDATE_FILES.parity]: candidate.file('parity'),
        [CANDIDATE_FILES.training]: candidate.file('training'),
        [CANDIDATE_FILES.metrics]: candidate.file('metrics'),
      },
      texts: { [CANDIDATE_FILES.report]: html, [CANDIDATE_FILES.modelCard]: card },
    });
  }
  const m = report.model.all;
  const b = report.baseline.all;
  deps.logger.info(
    {
      version: manifest.version,
      top1: m.top1,
      top3: m.top3,
      ece: m.ece,
      baselineTop3: b.top3,
      publish,
    },
    'evaluated',
  );
  return {
    version: manifest.version,
    examples: examples.length,
    top1: m.top1,
    top3: m.top3,
    top10: m.top10,
    ece: m.ece,
    macro_recall: m.macroRecall,
    baseline_top1: b.top1,
    baseline_top3: b.top3,
    baseline_ece: b.ece,
    published: publish,
    report: candidate.file('report'),
    seconds: Math.round(performance.now() - started) / 1000,
  };
}
