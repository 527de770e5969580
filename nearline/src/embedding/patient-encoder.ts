/**
 * The patient-embedding encoder of one registry version: the manifest's vocabulary turned into the
 * multi-hot input (`createEncoderInputBuilder`, shared with the offline trainer) and one ONNX run.
 * The session is created once per version and reused for every patient.
 */
import { AppError } from '@mediassist/shared/errors';
import {
  createEncoderInputBuilder,
  type EncoderSpec,
  type PatientCodes,
} from '@mediassist/shared/model';
import { InferenceSession, Tensor } from 'onnxruntime-node';

export interface PatientEncoder {
  /** The registry version the encoder belongs to. */
  readonly version: string;
  readonly dimension: number;
  embed(codes: PatientCodes): Promise<Float32Array>;
  close(): Promise<void>;
}

export async function loadOnnxPatientEncoder(options: {
  version: string;
  spec: EncoderSpec;
  /** Path of the encoder's `.onnx` file (the registry's artefact path). */
  modelPath: string;
}): Promise<PatientEncoder> {
  const { version, spec, modelPath } = options;
  let session: InferenceSession;
  try {
    session = await InferenceSession.create(modelPath, {
      intraOpNumThreads: 1,
      interOpNumThreads: 1,
      executionMode: 'sequential',
      graphOptimizationLevel: 'all',
    });
  } catch (error) {
    throw new AppError('MODEL_INVALID', `Encoder of model ${version} does not load`, {
      cause: error,
    });
  }
  if (
    !session.inputNames.includes(spec.inputName) ||
    !session.outputNames.includes(spec.outputName)
  ) {
    await session.release();
    throw new AppError('MODEL_INVALID', `Encoder of model ${version} does not match its manifest`, {
      details: [{ path: 'encoder', issue: 'input_or_output_name_mismatch' }],
    });
  }
  const build = createEncoderInputBuilder(spec);
  const width = spec.vocabulary.length;
  return {
    version,
    dimension: spec.dimension,
    async embed(codes) {
      const input = new Tensor('float32', build(codes), [1, width]);
      const outputs = await session.run({ [spec.inputName]: input });
      const output = outputs[spec.outputName];
      if (!output || !(output.data instanceof Float32Array)) {
        throw new AppError('MODEL_INVALID', `Encoder of model ${version} gave no float32 output`);
      }
      return Float32Array.from(output.data);
    },
    close: () => session.release(),
  };
}
