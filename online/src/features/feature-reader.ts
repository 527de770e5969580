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
import { createGuardedCall, type GuardedFailure } from '../resilience/guarded-call.js';

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
 * breaker is open; `not-configured`: the service runs without a feature store; `overloaded`: not
 * asked while the service sheds work (see load-shedder.ts).
 */
export type FeatureUnavailableReason = GuardedFailure | 'not-configured' | 'overloaded';

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
  const guarded = createGuardedCall({
    logger,
    messages: {
      broken: 'feature store failing: assist answers from guidelines alone',
      reset: 'feature store answering again',
    },
    timeoutMs,
    failuresToBreak,
    halfOpenAfterMs,
  });
  return {
    async read(patientId, now) {
      const read = await guarded.run(() => store.read(patientId, ASSIST_VIEWS, { now }));
      return read.ok ? { ok: true, features: read.value } : read;
    },
  };
}
