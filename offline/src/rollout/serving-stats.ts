/**
 * Per model version, what the online replicas measured: answers, how many came from the model,
 * fallbacks by reason, latency (mean and a p95 upper bound from the histogram buckets). Samples of
 * several replicas are added up. Metric names are the online service's (`model-version-metrics.ts`).
 */
import type { Sample } from './prometheus-text.js';

export const MODEL_REQUESTS_METRIC = 'mediassist_assist_model_requests_total';
export const MODEL_DURATION_METRIC = 'mediassist_assist_model_duration_seconds';

export interface VersionServing {
  readonly version: string;
  readonly answers: number;
  readonly modelAnswers: number;
  /** Answers from guidelines alone, by reason. */
  readonly fallbacks: Readonly<Record<string, number>>;
  /** (answers − model answers) / answers; null without answers. */
  readonly fallbackRate: number | null;
  readonly latencyMeanSeconds: number | null;
  /** The smallest bucket bound holding 95 % of answers (an upper bound of the p95). */
  readonly latencyP95Seconds: number | null;
}

interface Accumulator {
  answers: number;
  modelAnswers: number;
  fallbacks: Record<string, number>;
  sum: number;
  count: number;
  buckets: Map<number, number>;
}

export function servingByVersion(samples: readonly Sample[]): Map<string, VersionServing> {
  const byVersion = new Map<string, Accumulator>();
  const of = (version: string): Accumulator => {
    let acc = byVersion.get(version);
    if (!acc) {
      acc = { answers: 0, modelAnswers: 0, fallbacks: {}, sum: 0, count: 0, buckets: new Map() };
      byVersion.set(version, acc);
    }
    return acc;
  };
  for (const s of samples) {
    const version = s.labels['model_version'];
    if (version === undefined || version === 'none') {
      continue;
    }
    if (s.name === MODEL_REQUESTS_METRIC) {
      const acc = of(version);
      const outcome = s.labels['outcome'] ?? 'model';
      acc.answers += s.value;
      if (outcome === 'model') {
        acc.modelAnswers += s.value;
      } else {
        acc.fallbacks[outcome] = (acc.fallbacks[outcome] ?? 0) + s.value;
      }
    } else if (s.name === `${MODEL_DURATION_METRIC}_sum`) {
      of(version).sum += s.value;
    } else if (s.name === `${MODEL_DURATION_METRIC}_count`) {
      of(version).count += s.value;
    } else if (s.name === `${MODEL_DURATION_METRIC}_bucket`) {
      const le = s.labels['le'] === '+Inf' ? Infinity : Number(s.labels['le']);
      const acc = of(version);
      acc.buckets.set(le, (acc.buckets.get(le) ?? 0) + s.value);
    }
  }
  const result = new Map<string, VersionServing>();
  for (const [version, acc] of byVersion) {
    result.set(version, {
      version,
      answers: acc.answers,
      modelAnswers: acc.modelAnswers,
      fallbacks: acc.fallbacks,
      fallbackRate: acc.answers > 0 ? (acc.answers - acc.modelAnswers) / acc.answers : null,
      latencyMeanSeconds: acc.count > 0 ? acc.sum / acc.count : null,
      latencyP95Seconds: quantileUpperBound(acc.buckets, acc.count, 0.95),
    });
  }
  return result;
}

function quantileUpperBound(
  buckets: ReadonlyMap<number, number>,
  count: number,
  q: number,
): number | null {
  if (count === 0) {
    return null;
  }
  const bounds = [...buckets.keys()].sort((a, b) => a - b);
  const bound = bounds.find((le) => (buckets.get(le) ?? 0) >= q * count);
  return bound === undefined || bound === Infinity ? null : bound;
}
