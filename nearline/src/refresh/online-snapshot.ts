/** The online store's answer → the values a refresh builds on (fresh and stale ones; others count as absent). */
import type { PatientFeatureView } from '@mediassist/feature-store/definitions';
import type { FeatureState, PatientFeatures } from '@mediassist/feature-store/online';
import type { OnlineSnapshot } from './plan-refresh.js';
import { INPUT_VIEWS, type InputViewName } from './nearline-views.js';

export function onlineSnapshot(
  read: PatientFeatures<Extract<PatientFeatureView, { name: InputViewName }>>,
): OnlineSnapshot {
  const features: Readonly<Record<string, FeatureState<unknown> | undefined>> = read.features;
  const snapshot: Record<string, { value: unknown; asOfMs: number }> = {};
  for (const name of INPUT_VIEWS) {
    const state = features[name];
    if (state?.status === 'fresh' || state?.status === 'stale') {
      snapshot[name] = { value: state.value, asOfMs: state.asOf.getTime() };
    }
  }
  return snapshot;
}
