/**
 * Assist answers and their latency by the model version that served (or was routed to serve) the
 * patient, so a canary can be compared with production: `outcome` is `model` or the fallback
 * reason (a closed list). Label values are versions and fixed words only — never patient data.
 */
import type { AssistFallbackReason } from '@mediassist/shared/api';
import { Counter, Histogram, type Registry } from 'prom-client';
import type { AssistService } from '../assist/assist-service.js';
import type { DiagnosisModelSource } from '../model/diagnosis-model.js';
import { LATENCY_BUCKETS } from './metrics.js';

export const MODEL_REQUESTS_METRIC = 'mediassist_assist_model_requests_total';
export const MODEL_DURATION_METRIC = 'mediassist_assist_model_duration_seconds';

/** `none` when no model was loaded for the patient. */
export type ModelRoleLabel = 'production' | 'canary' | 'none';
type Labels = 'model_version' | 'model_role';

export interface ModelVersionMetrics {
  readonly requests: Counter<Labels | 'outcome'>;
  readonly duration: Histogram<Labels>;
}

export function createModelVersionMetrics(options: { registry: Registry }): ModelVersionMetrics {
  const registers = [options.registry];
  return {
    requests: new Counter({
      name: MODEL_REQUESTS_METRIC,
      help: 'Assist answers by model version and role; outcome is "model" or the fallback reason',
      labelNames: ['model_version', 'model_role', 'outcome'] as const,
      registers,
    }),
    duration: new Histogram({
      name: MODEL_DURATION_METRIC,
      help: 'Assist service time (features, model, guidelines) by model version and role',
      labelNames: ['model_version', 'model_role'] as const,
      buckets: LATENCY_BUCKETS,
      registers,
    }),
  };
}

/** Wraps an assist service so every answer is counted and timed under its model version. */
export function withModelVersionMetrics(options: {
  service: AssistService;
  models: DiagnosisModelSource | undefined;
  metrics: ModelVersionMetrics;
}): AssistService {
  const { service, models, metrics } = options;
  return {
    patientId: (ref) => service.patientId(ref),
    async assist(call) {
      // The same routing the service applies (canaryServes by patient): known even on a fallback.
      const routed = models?.select(call.patientId);
      const started = performance.now();
      const response = await service.assist(call);
      const seconds = (performance.now() - started) / 1000;
      const { provenance } = response;
      const labels = {
        model_version: provenance.modelVersion ?? routed?.model.version ?? 'none',
        model_role: (provenance.modelRole ?? routed?.role ?? 'none') satisfies ModelRoleLabel,
      };
      const outcome: 'model' | AssistFallbackReason = provenance.fallbackReason ?? 'model';
      metrics.requests.inc({ ...labels, outcome });
      metrics.duration.observe(labels, seconds);
      return response;
    },
  };
}
