/**
 * The assist route's feature read: every view it uses in one online-store round trip, under a strict
 * deadline, behind a circuit breaker (cockatiel) that stops calling the store while it keeps
 * failing. It never throws: a failed, slow or skipped read is an `unavailable` result with a reason,
 * and the caller answers from guidelines alone.
 */
import type { OnlineStore, PatientFeatures } from '@mediassist/feature-store/online';
import type { PatientFeatureView } from '@mediassist/feature-store/definitions';
import type { PatientId } from '@mediassist/shared/ids';
import type { Logger } from '@mediassist/shared/logger';
import {
  BrokenCircuitError,
  circuitBreaker,
  ConsecutiveBreaker,
  handleAll,
  TaskCancelledError,
  timeout,
  TimeoutStrategy,
  wrap,
} from 'cockatiel';
import { safeErrorFields } from '../errors/safe-error.js';

/** The views the assist answer uses (medication alerts and vitals are re-derived locally). */
export const ASSIST_VIEWS = [
  'demographics',
  'condition_history',
  'medication_list',
  'recent_findings',
  'recent_tests',
  'care_gaps',
  'patient_embedding',
] as const satisfies readonly PatientFeatureView['name'][];
export type AssistViewName = (typeof ASSIST_VIEWS)[number];
export type AssistView = Extract<PatientFeatureView, { name: AssistViewName }>;
export type AssistFeatures = PatientFeatures<AssistView>;
/** The one store call the reader makes (a `RedisOnlineStore` or `MemoryOnlineStore` fits). */
export type AssistFeatureStore = Pick<OnlineStore<AssistView>, 'read'>;

/**
 * `timeout`: no answer in time; `unreachable`: the store failed; `circuit-open`: not asked while the
 * breaker is open; `not-configured`: the service runs without a feature store.
 */
export type FeatureUnavailableReason =
  'timeout' | 'unreachable' | 'circuit-open' | 'not-configured';

export type FeatureReadResult =
  | { readonly ok: true; readonly features: AssistFeatures }
  | { readonly ok: false; readonly reason: FeatureUnavailableReason };

export interface FeatureReader {
  read(patientId: PatientId, now: Date): Promise<FeatureReadResult>;
}

export interface FeatureReaderOptions {
  store: AssistFeatureStore;
  logger: Logger;
  /** Deadline for the one round trip. */
  timeoutMs: number;
  /** Consecutive failures (errors or timeouts) that open the breaker. */
  failuresToBreak?: number;
  /** How long the breaker stays open before one trial read. */
  halfOpenAfterMs?: number;
}

export function createFeatureReader(options: FeatureReaderOptions): FeatureReader {
  const { store, logger, timeoutMs, failuresToBreak = 5, halfOpenAfterMs = 2_000 } = options;
  const breaker = circuitBreaker(handleAll, {
    halfOpenAfter: halfOpenAfterMs,
    breaker: new ConsecutiveBreaker(failuresToBreak),
  });
  breaker.onBreak((reason) => {
    const error = 'error' in reason ? safeErrorFields(reason.error) : undefined;
    logger.warn({ error }, 'feature store failing: assist answers from guidelines alone');
  });
  breaker.onReset(() => {
    logger.info('feature store answering again');
  });
  // While the breaker is open, answer without asking it: cockatiel would build a BrokenCircuitError
  // (a stack trace) per request only for us to catch it. `openUntil` is when it lets one trial read
  // through (halfOpenAfter is a constant backoff).
  let openUntil = 0;
  breaker.onBreak(() => {
    openUntil = Date.now() + halfOpenAfterMs;
  });
  breaker.onReset(() => {
    openUntil = 0;
  });
  // abortOnReturn: false — the read takes no signal, so aborting it on return (which creates a
  // DOMException per call) would do nothing.
  const policy = wrap(
    breaker,
    timeout(timeoutMs, { strategy: TimeoutStrategy.Aggressive, abortOnReturn: false }),
  );
  return {
    async read(patientId, now) {
      if (openUntil > Date.now()) {
        return { ok: false, reason: 'circuit-open' };
      }
      try {
        const features = await policy.execute(() => store.read(patientId, ASSIST_VIEWS, { now }));
        return { ok: true, features };
      } catch (error) {
        if (error instanceof BrokenCircuitError) {
          return { ok: false, reason: 'circuit-open' };
        }
        return {
          ok: false,
          reason: error instanceof TaskCancelledError ? 'timeout' : 'unreachable',
        };
      }
    },
  };
}
