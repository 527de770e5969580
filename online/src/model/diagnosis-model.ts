/**
 * The diagnosis model as the assist route sees it: a registry version with its manifest, the input
 * layout the trainer used, and `predict` (probabilities over `classes`). Implementations: ONNX
 * (onnx-diagnosis-model.ts) and plain functions in tests.
 */
import type { DiagnosisInputLayout, ModelManifest } from '@mediassist/shared/model';
import type { ModelStatusSource } from '../health/model-status.js';

export interface DiagnosisModel {
  readonly version: string;
  readonly manifest: ModelManifest;
  /** KB condition ids in output order. */
  readonly classes: readonly string[];
  /** Built once from `manifest.diagnosis.input`: the exact vector the trainer fed. */
  readonly layout: DiagnosisInputLayout;
  /** Probabilities over `classes` (non-negative, summing to 1). Throws MODEL_INVALID on bad output. */
  predict(input: Float32Array): Promise<Float32Array>;
  /** Releases native resources; later `predict` calls fail. */
  dispose(): Promise<void>;
}

/** Which model serves a patient, and as what. */
export interface ModelSelection {
  model: DiagnosisModel;
  role: 'production' | 'canary';
}

/** What the assist service asks of the model holder (`status` also feeds /readyz). */
export interface DiagnosisModelSource extends ModelStatusSource {
  /** The model for this patient (canary share honoured), or undefined when none is loaded. */
  select(patientKey: string): ModelSelection | undefined;
}
