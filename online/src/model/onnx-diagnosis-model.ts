/**
 * Loads a registry version's `model.onnx` into an onnxruntime-node session and checks it against its
 * manifest before it may serve: classes the knowledge base knows, input and output names, input
 * size equal to the manifest's layout, and a warm-up run that yields one probability per class.
 * A model that fails any check is refused (MODEL_INVALID), never half-loaded.
 */
import { AppError, type ErrorDetail } from '@mediassist/shared/errors';
import { createDiagnosisInputLayout, type ModelManifest } from '@mediassist/shared/model';
import ort from 'onnxruntime-node';
import type { DiagnosisModel } from './diagnosis-model.js';

export interface LoadOnnxDiagnosisModelOptions {
  manifest: ModelManifest;
  /** The bytes of `manifest.diagnosis.file`. */
  bytes: Uint8Array;
  /** True for condition ids the knowledge base knows; a model with other classes is refused. */
  knowsCondition: (conditionId: string) => boolean;
}

/** One thread per session: the service runs one small model per request on a shared machine. */
const SESSION_OPTIONS: ort.InferenceSession.SessionOptions = {
  intraOpNumThreads: 1,
  interOpNumThreads: 1,
  executionMode: 'sequential',
  graphOptimizationLevel: 'all',
};

/** Softmax outputs may miss 1 by float rounding; anything further off is not a distribution. */
const SUM_TOLERANCE = 1e-3;

function invalid(version: string, detail: ErrorDetail, cause?: unknown): AppError {
  return new AppError('MODEL_INVALID', `Model ${version} cannot serve (${detail.issue})`, {
    details: [detail],
    ...(cause === undefined ? {} : { cause }),
  });
}

/** Checks one output row and returns it normalised to sum 1. */
export function toProbabilities(options: {
  output: ArrayLike<number>;
  classes: number;
  version: string;
}): Float32Array {
  const { output, classes, version } = options;
  if (output.length !== classes) {
    throw invalid(version, { path: 'output', issue: 'output_size' });
  }
  let sum = 0;
  for (let i = 0; i < output.length; i++) {
    const p = output[i] ?? Number.NaN;
    if (!Number.isFinite(p) || p < 0) {
      throw invalid(version, { path: 'output', issue: 'output_not_probabilities' });
    }
    sum += p;
  }
  if (Math.abs(sum - 1) > SUM_TOLERANCE) {
    throw invalid(version, { path: 'output', issue: 'output_not_probabilities' });
  }
  const probabilities = new Float32Array(classes);
  for (let i = 0; i < classes; i++) {
    probabilities[i] = (output[i] ?? Number.NaN) / sum;
  }
  return probabilities;
}

export async function loadOnnxDiagnosisModel(
  options: LoadOnnxDiagnosisModelOptions,
): Promise<DiagnosisModel> {
  const { manifest, bytes, knowsCondition } = options;
  const { version } = manifest;
  const spec = manifest.diagnosis;
  const unknown = spec.classes.findIndex((c) => !knowsCondition(c));
  if (unknown >= 0) {
    throw invalid(version, {
      path: `diagnosis.classes.${String(unknown)}`,
      issue: 'unknown_class',
    });
  }
  if (new Set(spec.classes).size !== spec.classes.length) {
    throw invalid(version, { path: 'diagnosis.classes', issue: 'duplicate_class' });
  }
  const layout = createDiagnosisInputLayout(spec.input);
  let session: ort.InferenceSession;
  try {
    session = await ort.InferenceSession.create(bytes, SESSION_OPTIONS);
  } catch (error) {
    throw invalid(version, { path: spec.file, issue: 'onnx_load_failed' }, error);
  }
  const fail = async (detail: ErrorDetail, cause?: unknown): Promise<never> => {
    await session.release();
    throw invalid(version, detail, cause);
  };
  const inputIndex = session.inputNames.indexOf(spec.inputName);
  if (inputIndex < 0) {
    return fail({ path: 'diagnosis.inputName', issue: 'not_in_graph' });
  }
  if (!session.outputNames.includes(spec.outputName)) {
    return fail({ path: 'diagnosis.outputName', issue: 'not_in_graph' });
  }
  const inputMeta = session.inputMetadata[inputIndex];
  const width = inputMeta?.isTensor ? inputMeta.shape.at(-1) : undefined;
  if (typeof width === 'number' && width !== layout.size) {
    return fail({ path: 'diagnosis.input', issue: 'input_size_mismatch' });
  }

  let released = false;
  const predict = async (input: Float32Array): Promise<Float32Array> => {
    if (released) {
      throw new AppError('MODEL_INVALID', `Model ${version} was unloaded`);
    }
    const feeds = { [spec.inputName]: new ort.Tensor('float32', input, [1, input.length]) };
    let output: ort.Tensor | undefined;
    try {
      output = (await session.run(feeds, [spec.outputName]))[spec.outputName];
    } catch (error) {
      throw invalid(version, { path: spec.file, issue: 'run_failed' }, error);
    }
    if (output?.type !== 'float32') {
      throw invalid(version, { path: 'output', issue: 'output_type' });
    }
    return toProbabilities({
      output: output.data as Float32Array,
      classes: spec.classes.length,
      version,
    });
  };

  const warmUp = layout.build({
    present: [],
    absent: [],
    chronic: [],
    recentAcute: [],
    age: null,
    sex: null,
    embedding: null,
    date: new Date(manifest.createdAt),
  });
  try {
    await predict(warmUp);
  } catch (error) {
    const detail =
      error instanceof AppError ? error.details[0] : { path: spec.file, issue: 'warm_up_failed' };
    return fail(detail ?? { path: spec.file, issue: 'warm_up_failed' }, error);
  }

  return {
    version,
    manifest,
    classes: spec.classes,
    layout,
    predict,
    async dispose() {
      if (!released) {
        released = true;
        await session.release();
      }
    },
  };
}
