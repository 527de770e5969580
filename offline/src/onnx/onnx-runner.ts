/**
 * Runs an exported model in onnxruntime-node, as nearline and online do, over many rows in batches:
 * the evaluation scores the artefacts themselves, not the training code's copy of them.
 */
import { AppError } from '@mediassist/shared/errors';
import ort from 'onnxruntime-node';

export interface OnnxRunner {
  readonly inputWidth: number;
  /** Rows [n × inputWidth] → outputs [n × outputWidth]. */
  run(input: Float32Array, rows: number): Promise<Float32Array>;
  release(): Promise<void>;
}

const BATCH = 2048;

export async function loadOnnxRunner(options: {
  bytes: Uint8Array;
  inputName: string;
  outputName: string;
  inputWidth: number;
  outputWidth: number;
  /** For messages: which artefact (e.g. `model.onnx of v2026…`). */
  label: string;
}): Promise<OnnxRunner> {
  const { inputName, outputName, inputWidth, outputWidth, label } = options;
  let session: ort.InferenceSession;
  try {
    session = await ort.InferenceSession.create(options.bytes, {
      intraOpNumThreads: 1,
      interOpNumThreads: 1,
      executionMode: 'sequential',
      graphOptimizationLevel: 'all',
    });
  } catch (error) {
    throw new AppError('MODEL_INVALID', `${label} does not load in onnxruntime`, {
      cause: error,
      details: [{ path: label, issue: 'onnx_load_failed' }],
    });
  }
  if (!session.inputNames.includes(inputName) || !session.outputNames.includes(outputName)) {
    await session.release();
    throw new AppError('MODEL_INVALID', `${label} does not have the manifest's tensor names`, {
      details: [{ path: label, issue: 'tensor_names' }],
    });
  }
  return {
    inputWidth,
    async run(input, rows) {
      const out = new Float32Array(rows * outputWidth);
      for (let start = 0; start < rows; start += BATCH) {
        const n = Math.min(BATCH, rows - start);
        const slice = input.subarray(start * inputWidth, (start + n) * inputWidth);
        const result = await session.run({
          [inputName]: new ort.Tensor('float32', slice, [n, inputWidth]),
        });
        const data = result[outputName]?.data;
        if (!(data instanceof Float32Array) || data.length !== n * outputWidth) {
          throw new AppError('MODEL_INVALID', `${label} gave an output of the wrong shape`, {
            details: [{ path: label, issue: 'output_shape' }],
          });
        }
        out.set(data, start * outputWidth);
      }
      return out;
    },
    release: () => session.release(),
  };
}
