/**
 * The provenance of one assist answer: which tier answered (`model`, `model+stale-features`,
 * `guidelines-only`) and why, the model and KB versions, every feature view's state, and the
 * components that did not contribute normally.
 */
import type { AssistResponse } from '@mediassist/shared/api';
import type { FeatureReadResult } from '../features/feature-reader.js';
import type { PatientContext } from '../features/patient-context.js';
import type { ModelOutcome } from './run-model.js';

export type Provenance = AssistResponse['provenance'];

export interface ProvenanceOptions {
  kbVersion: string;
  read: FeatureReadResult;
  context: PatientContext;
  model: ModelOutcome;
  modelWeight: number;
  now: Date;
  serverTimeMs: number;
}

export function describeProvenance(options: ProvenanceOptions): Provenance {
  const { kbVersion, read, context, model, modelWeight, now, serverTimeMs } = options;
  const degraded: Provenance['degraded'] = [];
  if (!read.ok) {
    degraded.push({ component: 'features', reason: read.reason });
  } else if (context.staleViews.length > 0) {
    degraded.push({ component: 'features', reason: 'stale' });
  }
  if (!model.ran) {
    degraded.push({ component: 'model', reason: model.reason });
  }
  const tier = !model.ran
    ? 'guidelines-only'
    : context.staleViews.length > 0
      ? 'model+stale-features'
      : 'model';
  return {
    tier,
    fallbackReason: model.ran ? null : model.reason,
    modelVersion: model.ran ? model.selection.model.version : null,
    modelRole: model.ran ? model.selection.role : null,
    modelWeight: model.ran ? modelWeight : null,
    kbVersion,
    features: { read: read.ok ? 'ok' : 'unavailable', views: context.views },
    degraded,
    serverTimeMs: Math.round(serverTimeMs * 100) / 100,
    generatedAt: now.toISOString(),
  };
}
