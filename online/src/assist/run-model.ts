/**
 * The model step of an assist answer: pick the patient's model (production or canary), check that
 * its inputs are usable, build the trainer's input vector and run it under a deadline. Every way
 * this can fail is an outcome with a fallback reason, never an exception.
 */
import type { AssistFallbackReason } from '@mediassist/shared/api';
import { AppError } from '@mediassist/shared/errors';
import type { Logger } from '@mediassist/shared/logger';
import { safeErrorFields } from '../errors/safe-error.js';
import type { PatientContext } from '../features/patient-context.js';
import { withTimeout } from '../health/with-timeout.js';
import type { DiagnosisModelSource, ModelSelection } from '../model/diagnosis-model.js';
import type { ModelOutput } from './blend-differential.js';

export type ModelOutcome =
  | { readonly ran: true; readonly selection: ModelSelection; readonly output: ModelOutput }
  | { readonly ran: false; readonly reason: AssistFallbackReason };

export interface RunModelOptions {
  models: DiagnosisModelSource | undefined;
  patientKey: string;
  /** False when the feature store could not be read at all. */
  featuresRead: boolean;
  /** True when the service is shedding work: the model is not run. */
  overloaded?: boolean;
  context: PatientContext;
  findings: { present: readonly string[]; absent: readonly string[] };
  now: Date;
  timeoutMs: number;
  logger: Logger;
}

export async function runModel(options: RunModelOptions): Promise<ModelOutcome> {
  const { models, patientKey, featuresRead, context, findings, now, timeoutMs, logger } = options;
  const selection = models?.select(patientKey);
  if (!selection) {
    return {
      ran: false,
      reason: models?.status().state === 'failed' ? 'model-failed' : 'model-absent',
    };
  }
  if (options.overloaded === true) {
    return { ran: false, reason: 'overloaded' };
  }
  if (!featuresRead) {
    return { ran: false, reason: 'features-unavailable' };
  }
  if (context.age === null || context.sex === null) {
    return { ran: false, reason: 'features-missing' };
  }
  if (context.tooStaleForModel.length > 0) {
    return { ran: false, reason: 'features-stale' };
  }
  const { model } = selection;
  const input = model.layout.build({
    present: findings.present,
    absent: findings.absent,
    chronic: context.chronic,
    recentAcute: context.recentAcute,
    age: context.age,
    sex: context.sex,
    embedding: context.embedding,
    date: now,
  });
  try {
    const probabilities = await withTimeout(model.predict(input), timeoutMs);
    return { ran: true, selection, output: { classes: model.classes, probabilities } };
  } catch (error) {
    const timedOut = error instanceof AppError && error.code === 'DEPENDENCY_TIMEOUT';
    logger.warn(
      { modelVersion: model.version, role: selection.role, error: safeErrorFields(error) },
      timedOut ? 'diagnosis model timed out' : 'diagnosis model failed',
    );
    return { ran: false, reason: timedOut ? 'model-timeout' : 'model-failed' };
  }
}
