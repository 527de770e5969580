/** One feature cell of a training row, judged with the online staleness rule at the label's time. */
import { AppError } from '@mediassist/shared/errors';
import type { AnyFeatureView, FeatureValueOf } from '../definitions/feature-view.js';
import { featureAge } from '../definitions/staleness.js';
import { decodeFeatureValue } from '../definitions/value-codec.js';
import { PatientIdSchema } from '@mediassist/shared/ids';
import type { TrainingFeature, TrainingLabel } from './offline-store.js';

export function trainingFeature<TView extends AnyFeatureView>(options: {
  view: TView;
  bytes: Uint8Array | null;
  asOfMs: number | null;
  labelMs: number;
}): TrainingFeature<FeatureValueOf<TView>> {
  const { view, bytes, asOfMs, labelMs } = options;
  if (bytes === null || asOfMs === null) {
    return { status: 'missing' };
  }
  const decoded = decodeFeatureValue(view, bytes);
  if (!decoded.ok) {
    // The lake only holds values validated on write; anything else is corruption, not data.
    throw new AppError('INTERNAL', `Unreadable ${view.name} value in the lake (${decoded.issue})`);
  }
  const { ageMs, stale } = featureAge({ view, asOfMs, nowMs: labelMs });
  return { status: stale ? 'stale' : 'fresh', value: decoded.value, asOf: new Date(asOfMs), ageMs };
}

/** Labels are an edge too: a pseudonymous patient id and a valid time, or VALIDATION_FAILED. */
export function checkTrainingLabel(label: TrainingLabel, index: number): void {
  const time = label.labelTimestamp instanceof Date ? label.labelTimestamp.getTime() : Number.NaN;
  if (!PatientIdSchema.safeParse(label.patientId).success || !Number.isFinite(time)) {
    throw new AppError('VALIDATION_FAILED', 'Invalid training label', {
      details: [{ path: `labels[${String(index)}]`, issue: 'invalid_label' }],
    });
  }
}
