/**
 * Is the canary at least as good as production? Compares, per model version: the fallback rate,
 * the p95 latency and the clinicians' acceptance of suggestions (accepted / (accepted + dismissed)
 * from the lake's feedback table). Too little data is its own verdict: nobody promotes on noise.
 */
import type { VersionServing } from './serving-stats.js';

export interface VersionFeedback {
  readonly accepted: number;
  readonly dismissed: number;
}

export interface ArmSummary {
  readonly version: string;
  readonly serving: VersionServing | null;
  readonly feedback: VersionFeedback;
  /** accepted / (accepted + dismissed); null without feedback. */
  readonly acceptanceRate: number | null;
}

export interface VerdictThresholds {
  /** Answers the canary must have served (summed over replicas) before it is judged. */
  readonly minAnswers: number;
  /** Accepted + dismissed suggestions the canary must have before acceptance is judged. */
  readonly minFeedback: number;
  /** Worse when the canary's fallback rate exceeds production's by more than this (absolute). */
  readonly maxFallbackRateIncrease: number;
  /** Worse when the canary's p95 latency exceeds production's by more than this factor. */
  readonly maxLatencyRatio: number;
  /** Worse when a one-sided two-proportion z-test finds lower acceptance (z below −this). */
  readonly acceptanceZ: number;
}

export const DEFAULT_THRESHOLDS: VerdictThresholds = {
  minAnswers: 200,
  minFeedback: 50,
  maxFallbackRateIncrease: 0.02,
  maxLatencyRatio: 1.5,
  acceptanceZ: 1.645,
};

export type CanaryVerdict =
  | { readonly verdict: 'no-canary' }
  | { readonly verdict: 'insufficient-data'; readonly reasons: readonly string[] }
  | { readonly verdict: 'worse'; readonly reasons: readonly string[] }
  | { readonly verdict: 'not-worse'; readonly reasons: readonly string[] };

export function summarizeArm(options: {
  version: string;
  serving: ReadonlyMap<string, VersionServing>;
  feedback: ReadonlyMap<string, VersionFeedback>;
}): ArmSummary {
  const feedback = options.feedback.get(options.version) ?? { accepted: 0, dismissed: 0 };
  const judged = feedback.accepted + feedback.dismissed;
  return {
    version: options.version,
    serving: options.serving.get(options.version) ?? null,
    feedback,
    acceptanceRate: judged > 0 ? feedback.accepted / judged : null,
  };
}

export function judgeCanary(options: {
  production: ArmSummary;
  canary: ArmSummary | null;
  thresholds?: VerdictThresholds;
}): CanaryVerdict {
  const t = options.thresholds ?? DEFAULT_THRESHOLDS;
  const { production, canary } = options;
  if (!canary) {
    return { verdict: 'no-canary' };
  }
  const missing: string[] = [];
  const answers = canary.serving?.answers ?? 0;
  if (answers < t.minAnswers) {
    missing.push(`canary served ${String(answers)} answers (< ${String(t.minAnswers)})`);
  }
  const judged = canary.feedback.accepted + canary.feedback.dismissed;
  if (judged < t.minFeedback) {
    missing.push(`canary has ${String(judged)} feedback events (< ${String(t.minFeedback)})`);
  }
  const worse: string[] = [];
  const ok: string[] = [];
  const canaryFallbacks = canary.serving?.fallbackRate ?? null;
  const productionFallbacks = production.serving?.fallbackRate ?? null;
  if (canaryFallbacks !== null && productionFallbacks !== null) {
    const increase = canaryFallbacks - productionFallbacks;
    (increase > t.maxFallbackRateIncrease ? worse : ok).push(
      `fallback rate ${pct(canaryFallbacks)} vs ${pct(productionFallbacks)}`,
    );
  }
  const canaryP95 = canary.serving?.latencyP95Seconds ?? null;
  const productionP95 = production.serving?.latencyP95Seconds ?? null;
  if (canaryP95 !== null && productionP95 !== null) {
    const ratio = canaryP95 / productionP95;
    (ratio > t.maxLatencyRatio ? worse : ok).push(
      `p95 latency ≤ ${ms(canaryP95)} vs ≤ ${ms(productionP95)}`,
    );
  }
  const z = acceptanceZ(canary.feedback, production.feedback);
  if (z !== null && canary.acceptanceRate !== null && production.acceptanceRate !== null) {
    (z < -t.acceptanceZ ? worse : ok).push(
      `acceptance ${pct(canary.acceptanceRate)} vs ${pct(production.acceptanceRate)} (z = ${z.toFixed(2)})`,
    );
  }
  // A canary that is clearly worse is worse even on little data; "not worse" needs enough of it.
  if (worse.length > 0) {
    return { verdict: 'worse', reasons: worse };
  }
  if (missing.length > 0) {
    return { verdict: 'insufficient-data', reasons: missing };
  }
  return { verdict: 'not-worse', reasons: ok };
}

/** Two-proportion z statistic of canary − production acceptance; null when either has no feedback. */
export function acceptanceZ(canary: VersionFeedback, production: VersionFeedback): number | null {
  const n1 = canary.accepted + canary.dismissed;
  const n2 = production.accepted + production.dismissed;
  if (n1 === 0 || n2 === 0) {
    return null;
  }
  const pooled = (canary.accepted + production.accepted) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  if (se === 0) {
    return 0;
  }
  return (canary.accepted / n1 - production.accepted / n2) / se;
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const ms = (seconds: number) => `${String(Math.round(seconds * 1000))} ms`;
